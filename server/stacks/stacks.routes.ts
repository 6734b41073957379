import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { BodyId, Id, requiredText, text } from '../core/schemas.js';
import type { StacksService } from './stacks.service.js';
import { BoxTypeList, BoxType, StacksTree, RepositoryCreated, RoomCreated, ShelfUnitCreated, Shelf, ShelfBoxList, Suggestion, Capacity, Located } from '../contract/stacks.js';
import { PDF_TYPE } from '../core/download.js';
import type { BoxFilter } from './print.repository.js';

const code = requiredText(50);
const metres = z.number().positive('Phải lớn hơn 0').max(1000, 'Tối đa 1000 m');

const BoxTypeBody = z.strictObject({ code, name: requiredText(200), widthCm: z.number().positive('Phải lớn hơn 0').max(100, 'Tối đa 100 cm') });
const RepositoryBody = z.strictObject({ code, name: requiredText(200), address: text(500).nullish() });
const RoomBody = z.strictObject({
  repositoryId: BodyId,
  code,
  name: requiredText(200),
  areaM2: z.number().positive().max(1_000_000).nullish(),
});
const ShelfUnitBody = z.strictObject({
  roomId: BodyId,
  code,
  shelves: z.number().int().min(1, 'Ít nhất 1 tầng').max(50, 'Tối đa 50 tầng'),
  capacityM: metres,
  ordinal: z.number().int().min(1).max(100_000).optional(),
});
const ShelfPatch = z.strictObject({ capacityM: metres });
const SuggestQuery = z.strictObject({
  boxes: z.coerce.number().int().min(1, 'Ít nhất 1 hộp').max(100_000),
  boxTypeId: Id.optional(),
});
const LocateQuery = z.strictObject({ code: requiredText(200) });
const LabelsQuery = z
  .strictObject({ handoverId: Id.optional(), shelfId: Id.optional(), unitId: Id.optional(), boxId: Id.optional() })
  .refine((q) => Object.values(q).filter((v) => v !== undefined).length === 1, {
    message: 'Chọn đúng một trong: lần giao nộp (handoverId), tầng giá (shelfId), giá (unitId) hoặc hộp (boxId).',
  });

/** The one filter the labels query carries, as the print use case takes it. */
function labelTarget(q: z.output<typeof LabelsQuery>): BoxFilter {
  if (q.handoverId) return { handoverId: q.handoverId };
  if (q.shelfId) return { shelfId: q.shelfId };
  if (q.unitId) return { unitId: q.unitId };
  return { boxId: q.boxId! };
}


export function stacksRoutes(_deps: Deps, s: { stacks: StacksService }): AnyRoute[] {
  const st = s.stacks;
  return [
    defineRoute({
      method: 'get', path: '/api/box-types', response: BoxTypeList, tag: 'stacks', access: 'authenticated', summary: 'Các loại hộp và độ dày (cm)',
      handler: () => st.listBoxTypes(),
    }),
    defineRoute({
      method: 'post', path: '/api/box-types', response: BoxType, tag: 'stacks', access: ['admin'], body: BoxTypeBody, status: 201, summary: 'Thêm loại hộp',
      handler: ({ actor, body }) => st.createBoxType(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks', response: StacksTree, tag: 'stacks', access: STAFF, summary: 'Sơ đồ kho: kho → phòng → giá → tầng, với mét giá đã dùng',
      handler: () => st.tree(),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/repositories', response: RepositoryCreated, tag: 'stacks', access: STAFF, body: RepositoryBody, status: 201, summary: 'Thêm kho lưu trữ',
      handler: ({ actor, body }) => st.createRepository(actor, body),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/rooms', response: RoomCreated, tag: 'stacks', access: STAFF, body: RoomBody, status: 201, summary: 'Thêm phòng kho',
      handler: ({ actor, body }) => st.createRoom(actor, body),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/shelf-units', response: ShelfUnitCreated, tag: 'stacks', access: STAFF, body: ShelfUnitBody, status: 201,
      summary: 'Thêm giá với N tầng cùng sức chứa (m)',
      handler: ({ actor, body }) => st.createShelfUnit(actor, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/stacks/shelves/:id', response: Shelf, tag: 'stacks', access: STAFF, params: IdParams, body: ShelfPatch, summary: 'Sửa sức chứa một tầng giá',
      handler: ({ actor, params, body }) => st.updateShelf(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/shelves/:id/boxes', response: ShelfBoxList, tag: 'stacks', access: STAFF, params: IdParams, summary: 'Các hộp trên một tầng giá, theo thứ tự',
      handler: ({ params }) => st.shelfBoxes(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/suggest', response: Suggestion, tag: 'stacks', access: STAFF, query: SuggestQuery, summary: 'Gợi ý chỗ trống liên tục cho N hộp',
      handler: ({ query }) => st.suggest(query),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/capacity', response: Capacity, tag: 'stacks', access: STAFF, summary: 'Sức chứa, mét giá đã dùng và dự báo năm đầy kho',
      handler: () => st.capacity(),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/locate', response: Located, tag: 'stacks', access: STAFF, query: LocateQuery, summary: 'Tìm vị trí theo mã hộp (quét mã vạch nhãn hộp), mã hồ sơ hoặc số và ký hiệu',
      handler: ({ query }) => st.locate(query.code),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/labels.pdf', produces: PDF_TYPE, tag: 'stacks', access: STAFF, query: LabelsQuery,
      summary: 'Nhãn hộp (PDF, A4, 6 nhãn/trang, mã vạch mã hộp) của một lần giao nộp, một tầng giá, một giá hoặc một hộp',
      handler: ({ query }) => st.boxLabels(labelTarget(query)),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/shelf-units/:id/shelf-list.pdf', produces: PDF_TYPE, tag: 'stacks', access: STAFF, params: IdParams,
      summary: 'Danh mục hộp trên một giá (PDF): từng tầng, từng hộp với phông, mục lục, hồ sơ từ – đến',
      handler: ({ params }) => st.shelfList({ unitId: params.id }),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/rooms/:id/shelf-list.pdf', produces: PDF_TYPE, tag: 'stacks', access: STAFF, params: IdParams,
      summary: 'Danh mục hộp trên các giá của một phòng kho (PDF)',
      handler: ({ params }) => st.shelfList({ roomId: params.id }),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/handovers/:id/inventory.pdf', produces: PDF_TYPE, tag: 'stacks', access: STAFF, params: IdParams,
      summary: 'Mục lục hồ sơ của một lần giao nộp đã nhận, kèm mã hồ sơ, hộp và vị trí trên giá (PDF)',
      handler: ({ params }) => st.inventoryWithLocations(params.id),
    }),
  ];
}
