/** HTTP of circulation, copy orders, the certification register, viewer windows and access to restricted files. */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { BodyId, Id, requiredText, text, year } from '../core/schemas.js';
import { PDF_TYPE } from '../core/download.js';
import { currentYear } from '../core/time/index.js';
import {
  AccessDecided, AccessRequestCreated, CertificationRegister, ConditionCode, CopyOrder, CopyOrderDetail, CopyOrderList, CopyStatus,
  FileAccess, Loan, LoanList, PendingAccessRequestList, PullList, ViewingWindow, ViewingWindowList,
} from '../contract/reading-room-circulation.js';
import type { CirculationService } from './circulation.service.js';
import type { CopyOrdersService } from './copy-orders.service.js';
import type { ViewingService } from './viewing.service.js';
import type { RestrictedService } from './restricted.service.js';

const PullQuery = z.strictObject({ requestId: Id.optional() });
const CheckOutBody = z.strictObject({ lineId: BodyId, receivedByName: requiredText(200) });
const CheckInBody = z.strictObject({ conditionCode: ConditionCode, conditionNote: text(1000, { multiline: true }).nullable().optional() });
const LoansQuery = z.strictObject({ state: z.enum(['out', 'overdue', 'to_reshelve', 'all']).default('out'), readerId: Id.optional(), requestId: Id.optional() });
const pages = z.number().int('Số trang là số nguyên').min(1, 'Ít nhất 1 trang').max(100000);
const QuoteBody = z.strictObject({
  requestId: BodyId, pages: pages.optional(), certifications: z.number().int().min(1).max(10000).optional(),
  note: text(1000, { multiline: true }).nullable().optional(),
});
const TransitionBody = z.strictObject({ to: CopyStatus, receiptNo: requiredText(50).optional(), note: text(1000, { multiline: true }).nullable().optional() });
const CopyListQuery = z.strictObject({ status: CopyStatus.optional(), requestId: Id.optional() });
const RegisterQuery = z.strictObject({ year: year.optional() });
const WindowBody = z.strictObject({ lineId: BodyId });
const WindowsQuery = z.strictObject({ userId: Id.optional(), requestId: Id.optional() });
const RangeQuery = z.strictObject({ from: Id.optional(), to: Id.optional() });
const AccessRequestBody = z.strictObject({ recordFileId: BodyId, purpose: text(1000, { multiline: true }).nullable().optional() });
const DecisionBody = z.strictObject({ decision: z.enum(['approve', 'refuse']), reason: text(2000, { multiline: true }).nullable().optional() });

export function circulationRoutes(deps: Deps, s: { circulation: CirculationService; copyOrders: CopyOrdersService; viewing: ViewingService; restricted: RestrictedService }): AnyRoute[] {
  const tag = 'reading-room';
  return [
    defineRoute({
      method: 'get', path: '/api/reading-room/pull-list', response: PullList, tag, access: STAFF, query: PullQuery,
      summary: 'Danh sách hồ sơ cần xuất kho (bản gốc của phiếu đọc đã duyệt), theo thứ tự kho / phòng / giá / tầng / hộp',
      handler: ({ query }) => s.circulation.pullList(query.requestId),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/pull-list.pdf', produces: PDF_TYPE, tag, access: STAFF, query: PullQuery,
      summary: 'Danh sách xuất kho (PDF, in cho cán bộ kho)',
      handler: ({ query }) => s.circulation.pullListPdf(query.requestId),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/loans', response: Loan, tag, access: STAFF, body: CheckOutBody, status: 201,
      summary: 'Giao hồ sơ gốc ra phòng đọc (Sổ giao nhận: người giao, người nhận, thời gian, hạn trả)',
      handler: ({ actor, body }) => s.circulation.checkOut(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/loans', response: LoanList, tag, access: STAFF, query: LoansQuery,
      summary: 'Hồ sơ đang ra phòng đọc, quá hạn trả, chờ xếp lại lên giá',
      handler: ({ query }) => s.circulation.loans(query),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/loans/:id/check-in', response: Loan, tag, access: STAFF, params: IdParams, body: CheckInBody,
      summary: 'Nhận lại hồ sơ về kho, kiểm tra tình trạng vật lý',
      handler: ({ actor, params, body }) => s.circulation.checkIn(actor, params.id, body),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/loans/:id/reshelve', response: Loan, tag, access: STAFF, params: IdParams,
      summary: 'Xếp hồ sơ trở lại vị trí trên giá',
      handler: ({ actor, params }) => s.circulation.reshelve(actor, params.id),
    }),

    defineRoute({
      method: 'post', path: '/api/reading-room/copy-orders', response: CopyOrder, tag, access: STAFF, body: QuoteBody, status: 201,
      summary: 'Lập báo giá đơn sao (số trang × đơn giá + phí chứng thực theo cấu hình)',
      handler: ({ actor, body }) => s.copyOrders.quote(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders', response: CopyOrderList, tag, access: STAFF, query: CopyListQuery,
      summary: 'Danh sách đơn sao tài liệu', handler: ({ query }) => s.copyOrders.list(query),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/mine', response: CopyOrderList, tag, access: ['researcher'],
      summary: 'Đơn sao của tôi: trạng thái, phí, số biên lai, số chứng thực', handler: ({ actor }) => s.copyOrders.mine(actor.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/:id', response: CopyOrderDetail, tag, access: STAFF, params: IdParams,
      summary: 'Đơn sao: trạng thái, phí, các bước đã qua', handler: ({ params }) => s.copyOrders.get(params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/copy-orders/:id/transition', response: CopyOrder, tag, access: STAFF, params: IdParams, body: TransitionBody,
      summary: 'Chuyển bước đơn sao (chờ thanh toán, đã thanh toán kèm số biên lai, đang sao, chờ ký, đã trả, hủy)',
      handler: ({ actor, params, body }) => s.copyOrders.transition(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/mine/:id/copy.pdf', produces: PDF_TYPE, tag, access: ['researcher'], params: IdParams,
      summary: 'Bản sao số của đơn sao đã trả, cho chính độc giả đặt (PDF có dấu nhận diện)',
      handler: ({ actor, params }) => s.copyOrders.myCopy(actor.id, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/:id/copy.pdf', produces: PDF_TYPE, tag, access: STAFF, params: IdParams,
      summary: 'Bản sao số (PDF có dấu nhận diện) của đơn sao', handler: ({ params }) => s.copyOrders.file(params.id, 'copy'),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/:id/certificate.pdf', produces: PDF_TYPE, tag, access: STAFF, params: IdParams,
      summary: 'Trang chứng thực của bản sao (PDF)', handler: ({ params }) => s.copyOrders.file(params.id, 'certificate'),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/certification-register', response: CertificationRegister, tag, access: STAFF, query: RegisterQuery,
      summary: 'Sổ chứng thực của một năm', handler: ({ query }) => s.copyOrders.register(query.year ?? currentYear(deps.clock)),
    }),

    defineRoute({
      method: 'post', path: '/api/reading-room/viewing-windows', response: ViewingWindow, tag, access: STAFF, body: WindowBody, status: 201,
      summary: 'Mở hồ sơ số hóa trên trình xem cho độc giả theo phiếu đã duyệt (trong số ngày cấu hình)',
      handler: ({ actor, body }) => s.viewing.open(actor, body.lineId),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/viewing-windows', response: ViewingWindowList, tag, access: STAFF, query: WindowsQuery,
      summary: 'Các cửa sổ xem đã mở', handler: ({ query }) => s.viewing.windows(query),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/viewing-windows/mine', response: ViewingWindowList, tag, access: ['researcher'],
      summary: 'Hồ sơ số hóa tôi được xem theo phiếu yêu cầu', handler: ({ actor }) => s.viewing.windows({ userId: actor.id }),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/pages/:id/download', produces: 'image/jpeg', tag, access: ['researcher'], params: IdParams,
      summary: 'Tải ảnh trang có dấu nhận diện (độc giả, số phiếu, ngày)',
      handler: ({ actor, scope, params }) => s.viewing.downloadPage(actor, scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/files/:id/download.pdf', produces: PDF_TYPE, tag, access: ['researcher'], params: IdParams, query: RangeQuery,
      summary: 'Tải PDF các trang của hồ sơ có dấu nhận diện',
      handler: ({ actor, scope, params, query }) => s.viewing.downloadFile(actor, scope, params.id, query.from, query.to),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/files/:id/access', response: FileAccess, tag, access: 'authenticated', params: IdParams,
      summary: 'Hồ sơ xem được, hay hạn chế tiếp cận (để gửi yêu cầu); hồ sơ mật trả lời như không tồn tại',
      handler: ({ scope, params }) => s.restricted.fileState(scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/pages/:id/access', response: FileAccess, tag, access: 'authenticated', params: IdParams,
      summary: 'Như trên, cho hồ sơ chứa trang', handler: ({ scope, params }) => s.restricted.pageState(scope, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/access-requests', response: AccessRequestCreated, tag, access: ['researcher'], body: AccessRequestBody, status: 201,
      summary: 'Gửi yêu cầu tiếp cận hồ sơ hạn chế',
      handler: ({ actor, scope, body }) => s.restricted.request(actor, scope, body.recordFileId, body.purpose ?? null),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/access-requests/pending', response: PendingAccessRequestList, tag, access: STAFF,
      summary: 'Yêu cầu tiếp cận hồ sơ hạn chế đang chờ xét', handler: () => s.restricted.pending(),
    }),
    defineRoute({
      method: 'post', path: '/api/reading-room/access-requests/:id/decision', response: AccessDecided, tag, access: STAFF, params: IdParams, body: DecisionBody,
      summary: 'Cấp (mở cửa sổ xem) hoặc từ chối (kèm lý do) yêu cầu tiếp cận',
      handler: ({ actor, params, body }) => s.restricted.decide(actor, params.id, body),
    }),
  ];
}
