import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineRoute, IdParams, STAFF, type AnyRoute } from '../http/route.js';
import { requiredText, text } from '../http/schemas/common.js';
import type { Services } from '../services.js';

const code = requiredText(50);
const metres = z.number().positive('Phải lớn hơn 0').max(1000, 'Tối đa 1000 m');

const BoxTypeBody = z.strictObject({ code, name: requiredText(200), widthCm: z.number().positive('Phải lớn hơn 0').max(100, 'Tối đa 100 cm') });
const RepositoryBody = z.strictObject({ code, name: requiredText(200), address: text(500).nullish() });
const RoomBody = z.strictObject({
  repositoryId: z.number().int().positive(),
  code,
  name: requiredText(200),
  areaM2: z.number().positive().max(1_000_000).nullish(),
});
const ShelfUnitBody = z.strictObject({
  roomId: z.number().int().positive(),
  code,
  shelves: z.number().int().min(1, 'Ít nhất 1 tầng').max(50, 'Tối đa 50 tầng'),
  capacityM: metres,
  ordinal: z.number().int().min(1).max(100_000).optional(),
});
const ShelfPatch = z.strictObject({ capacityM: metres });
const SuggestQuery = z.strictObject({
  boxes: z.coerce.number().int().min(1, 'Ít nhất 1 hộp').max(100_000),
  boxTypeId: z.coerce.number().int().positive().optional(),
});
const LocateQuery = z.strictObject({ code: requiredText(200) });

export function stacksRoutes(_deps: Deps, s: Services): AnyRoute[] {
  const st = s.stacks;
  return [
    defineRoute({
      method: 'get', path: '/api/box-types', tag: 'stacks', access: 'authenticated', summary: 'Các loại hộp và độ dày (cm)',
      handler: () => st.listBoxTypes(),
    }),
    defineRoute({
      method: 'post', path: '/api/box-types', tag: 'stacks', access: ['admin'], body: BoxTypeBody, status: 201, summary: 'Thêm loại hộp',
      handler: ({ actor, body }) => st.createBoxType(actor!, body),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks', tag: 'stacks', access: STAFF, summary: 'Sơ đồ kho: kho → phòng → giá → tầng, với mét giá đã dùng',
      handler: () => st.tree(),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/repositories', tag: 'stacks', access: STAFF, body: RepositoryBody, status: 201, summary: 'Thêm kho lưu trữ',
      handler: ({ actor, body }) => st.createRepository(actor!, body),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/rooms', tag: 'stacks', access: STAFF, body: RoomBody, status: 201, summary: 'Thêm phòng kho',
      handler: ({ actor, body }) => st.createRoom(actor!, body),
    }),
    defineRoute({
      method: 'post', path: '/api/stacks/shelf-units', tag: 'stacks', access: STAFF, body: ShelfUnitBody, status: 201,
      summary: 'Thêm giá với N tầng cùng sức chứa (m)',
      handler: ({ actor, body }) => st.createShelfUnit(actor!, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/stacks/shelves/:id', tag: 'stacks', access: STAFF, params: IdParams, body: ShelfPatch, summary: 'Sửa sức chứa một tầng giá',
      handler: ({ actor, params, body }) => st.updateShelf(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/shelves/:id/boxes', tag: 'stacks', access: STAFF, params: IdParams, summary: 'Các hộp trên một tầng giá, theo thứ tự',
      handler: ({ params }) => st.shelfBoxes(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/suggest', tag: 'stacks', access: STAFF, query: SuggestQuery, summary: 'Gợi ý chỗ trống liên tục cho N hộp',
      handler: ({ query }) => st.suggest(query),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/capacity', tag: 'stacks', access: STAFF, summary: 'Sức chứa, mét giá đã dùng và dự báo năm đầy kho',
      handler: () => st.capacity(),
    }),
    defineRoute({
      method: 'get', path: '/api/stacks/locate', tag: 'stacks', access: STAFF, query: LocateQuery, summary: 'Tìm vị trí hồ sơ theo mã hồ sơ hoặc số và ký hiệu',
      handler: ({ query }) => st.locate(query.code),
    }),
  ];
}
