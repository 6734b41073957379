/** HTTP routes of the handover area: thin adapters from validated requests to the handover service. */
import type { Deps } from '../deps.js';
import { type Role, STAFF } from '../core/actor.js';
import { DOCX_TYPE } from '../core/download.js';
import { ImportPreviewQuery } from '../core/schemas.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { HandoverService } from './handover.service.js';
import {
  AmendmentBody,
  AppraiseBody,
  ApproveBody,
  CancelBody,
  CreateHandoverBody,
  InventoryQuery,
  ListHandoversQuery,
  PatchHandoverBody,
  ReceiveBody,
  ReturnBody,
} from './handover.schemas.js';
import { Handover, HandoverList, InventoryUploadResult, InventoryList, Discrepancies, Amendment, AmendmentList, RegisterImportResult } from '../contract/handover.js';

/** Staff, and agency accounts on their own agency's handovers (enforced in the service). */
const STAFF_OR_AGENCY: readonly Role[] = [...STAFF, 'agency'];
const SPREADSHEET = { field: 'file', extensions: ['.xlsx', '.csv', '.xls', '.ods'] };
const tag = 'handovers';

export function handoverRoutes(_deps: Deps, s: { handover: HandoverService }): AnyRoute[] {
  const h = s.handover;
  return [
    defineRoute({
      method: 'get', path: '/api/handovers', response: HandoverList, tag, access: STAFF_OR_AGENCY, query: ListHandoversQuery,
      summary: 'Danh sách hồ sơ giao nhận (tài khoản cơ quan: chỉ của cơ quan mình)',
      handler: ({ actor, query }) => h.list(actor, query),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers', response: Handover, tag, access: STAFF_OR_AGENCY, body: CreateHandoverBody, status: 201,
      summary: 'Lập hồ sơ giao nhận (bản nháp)',
      handler: ({ actor, body }) => h.create(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/handovers/:id', response: Handover, tag, access: STAFF_OR_AGENCY, params: IdParams,
      summary: 'Chi tiết hồ sơ giao nhận, số lượng và tỷ lệ hồ sơ/mét giá',
      handler: ({ actor, params }) => h.get(actor, params.id),
    }),
    defineRoute({
      method: 'patch', path: '/api/handovers/:id', response: Handover, tag, access: STAFF_OR_AGENCY, params: IdParams, body: PatchHandoverBody,
      summary: 'Sửa thông tin hồ sơ giao nhận (trước khi giao nhận; cơ quan: chỉ khi là bản nháp)',
      handler: ({ actor, params, body }) => h.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/inventory', response: InventoryUploadResult, tag, access: STAFF_OR_AGENCY, params: IdParams, upload: SPREADSHEET,
      summary: 'Tải lên mục lục hồ sơ nộp lưu (.xlsx/.csv): kiểm tra toàn bộ, lưu tất cả hoặc không lưu gì',
      handler: ({ actor, params, file }) => h.importInventory(actor, params.id, file!),
    }),
    defineRoute({
      method: 'get', path: '/api/handovers/:id/inventory', response: InventoryList, tag, access: STAFF_OR_AGENCY, params: IdParams, query: InventoryQuery,
      summary: 'Các hồ sơ trong mục lục, kèm ý kiến thẩm định',
      handler: ({ actor, params, query }) => h.listInventory(actor, params.id, query),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/submit', response: Handover, tag, access: STAFF_OR_AGENCY, params: IdParams,
      summary: 'Gửi mục lục để thẩm định',
      handler: ({ actor, params }) => h.submit(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/return', response: Handover, tag, access: STAFF, params: IdParams, body: ReturnBody,
      summary: 'Trả lại cơ quan để sửa (về bản nháp)',
      handler: ({ actor, params, body }) => h.returnToDraft(actor, params.id, body.reason),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/cancel', response: Handover, tag, access: STAFF_OR_AGENCY, params: IdParams, body: CancelBody,
      summary: 'Hủy bản nháp hồ sơ giao nhận (giữ lại, ghi nhật ký; không còn tính vào hạn nộp lưu)',
      handler: ({ actor, params, body }) => h.cancel(actor, params.id, body.reason || null),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/appraise', response: Handover, tag, access: STAFF, params: IdParams, body: AppraiseBody,
      summary: 'Thẩm định danh mục hồ sơ nộp lưu, kèm ý kiến từng hồ sơ',
      handler: ({ actor, params, body }) => h.appraise(actor, params.id, body),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/approve', response: Handover, tag, access: STAFF, params: IdParams, body: ApproveBody,
      summary: 'Ghi nhận Sở Nội vụ phê duyệt danh mục',
      handler: ({ actor, params, body }) => h.approve(actor, params.id, body.approvalDecision),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/receive', response: Handover, tag, access: STAFF, params: IdParams, body: ReceiveBody,
      summary: 'Giao nhận: đối chiếu, xếp hộp lên giá, khóa hồ sơ',
      handler: ({ actor, params, body }) => h.receive(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/handovers/:id/discrepancies', response: Discrepancies, tag, access: STAFF_OR_AGENCY, params: IdParams,
      summary: 'Danh sách chênh lệch (thiếu, thừa, hư hỏng) và đối chiếu số lượng',
      handler: ({ actor, params }) => h.discrepancies(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/handovers/:id/record.docx', tag, access: STAFF_OR_AGENCY, params: IdParams, produces: DOCX_TYPE,
      summary: 'Biên bản giao nhận tài liệu (DOCX; "DỰ THẢO" cho đến khi giao nhận)',
      handler: ({ actor, params }) => h.recordDocx(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/handovers/:id/amendments', response: Amendment, tag, access: STAFF, params: IdParams, body: AmendmentBody, status: 201,
      summary: 'Đính chính sau giao nhận (kèm lý do; ghi trước/sau)',
      handler: ({ actor, params, body }) => h.amend(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/handovers/:id/amendments', response: AmendmentList, tag, access: STAFF_OR_AGENCY, params: IdParams,
      summary: 'Các lần đính chính sau giao nhận',
      handler: ({ actor, params }) => h.amendments(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/agencies/:id/files/import', response: RegisterImportResult, tag, access: STAFF_OR_AGENCY, params: IdParams, upload: SPREADSHEET, query: ImportPreviewQuery,
      summary: 'Nhập danh sách hồ sơ đang giữ tại lưu trữ hiện hành của cơ quan (thay danh sách trước; ?preview=1: xem trước, không lưu)',
      handler: ({ actor, params, file, query }) => h.importRegister(actor, params.id, file!, { preview: query.preview }),
    }),
  ];
}

