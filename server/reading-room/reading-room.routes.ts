/**
 * Reading-room routes: thin adapters over the area's use cases. Researchers reach only their own reader, cart and
 * slips (/me…, /requests/mine, and /requests/:id checked by owner); staff reach the register, queue and decisions.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { AccessRequest, AccessRequestList, Cart, CartAdded, FindingFilePage, FondsEntryList, FondsInventories, Reader, ReaderList, ReadingHold, ReadingHoldList, ReadingReport } from '../contract/reading-room.js';
import type { ReadingRoomArea } from './reading-room.area.js';
import * as S from './reading-room.schemas.js';

const P = '/api/reading-room';
const tag = 'reading-room';
const READER = ['researcher'] as const;
const Duties = z.object({ userId: z.number(), duties: z.array(z.string()) });

export function readingRoomRoutes(deps: Deps, s: { readingRoom: ReadingRoomArea }): AnyRoute[] {
  const { readers, findingAids, requests, approvals, reports, holds } = s.readingRoom;
  const letter = { field: 'letter', maxFileMb: deps.config.READING_LETTER_MAX_MB };
  return [
    // ---------------------------------------------------------------- readers
    defineRoute({ method: 'post', path: `${P}/register`, response: Reader, tag, access: 'public', body: S.OnlineRegistrationBody, status: 201,
      summary: 'Đăng ký độc giả trực tuyến (tạo tài khoản độc giả, chờ phòng đọc duyệt và cấp thẻ)',
      handler: ({ body }) => readers.registerOnline(body) }),
    defineRoute({ method: 'get', path: `${P}/me`, response: Reader, tag, access: READER,
      summary: 'Thông tin độc giả và thẻ độc giả của tôi', handler: ({ actor }) => readers.mine(actor) }),
    defineRoute({ method: 'post', path: `${P}/me/letter`, response: Reader, tag, access: READER, upload: letter,
      summary: 'Tải lên giấy giới thiệu (PDF, JPEG hoặc PNG) khi đăng ký đang chờ duyệt',
      handler: ({ actor, file }) => readers.attachLetter(actor, { own: true }, file!) }),
    defineRoute({ method: 'get', path: `${P}/readers`, response: ReaderList, tag, access: STAFF, query: S.ReaderListQuery,
      summary: 'Sổ đăng ký độc giả', handler: ({ query }) => readers.list(query) }),
    defineRoute({ method: 'get', path: `${P}/readers.xlsx`, tag, access: STAFF, produces: XLSX_TYPE,
      summary: 'Xuất sổ đăng ký độc giả (Excel)', handler: () => readers.registerXlsx() }),
    defineRoute({ method: 'post', path: `${P}/readers`, response: Reader, tag, access: STAFF, body: S.CounterRegistrationBody, status: 201,
      summary: 'Đăng ký độc giả tại quầy (cán bộ nhập)', handler: ({ actor, body }) => readers.registerAtCounter(actor, body) }),
    defineRoute({ method: 'get', path: `${P}/readers/:id`, response: Reader, tag, access: STAFF, params: IdParams,
      summary: 'Một độc giả', handler: ({ params }) => readers.get(params.id) }),
    defineRoute({ method: 'post', path: `${P}/readers/:id/letter`, response: Reader, tag, access: STAFF, params: IdParams, upload: letter,
      summary: 'Tải lên giấy giới thiệu của độc giả (cán bộ)', handler: ({ actor, params, file }) => readers.attachLetter(actor, { readerId: params.id }, file!) }),
    defineRoute({ method: 'get', path: `${P}/readers/:id/letter`, tag, access: STAFF, params: IdParams, produces: 'application/pdf',
      summary: 'Tải giấy giới thiệu của độc giả (chỉ cán bộ)', handler: ({ params }) => readers.letter(params.id) }),
    defineRoute({ method: 'post', path: `${P}/readers/:id/verify`, response: Reader, tag, access: STAFF, params: IdParams, body: S.VerifyBody,
      summary: 'Duyệt đăng ký và cấp thẻ độc giả (số thẻ theo sổ đăng ký, thời hạn)', handler: ({ actor, params, body }) => readers.verify(actor, params.id, body) }),
    defineRoute({ method: 'post', path: `${P}/readers/:id/reject`, response: Reader, tag, access: STAFF, params: IdParams, body: S.ReasonBody,
      summary: 'Từ chối đăng ký độc giả (ghi rõ lý do)', handler: ({ actor, params, body }) => readers.reject(actor, params.id, body.reason) }),
    defineRoute({ method: 'put', path: `${P}/staff/:id/duties`, response: Duties, tag, access: ['admin'], params: IdParams, body: S.DutiesBody,
      summary: 'Giao nhiệm vụ phòng đọc cho cán bộ (Trưởng phòng đọc, Giám đốc, kho)', handler: ({ actor, params, body }) => approvals.setDuties(actor, params.id, body.duties) }),

    // ---------------------------------------------------------------- finding aids
    defineRoute({ method: 'get', path: `${P}/fonds`, response: FondsEntryList, tag, access: 'authenticated',
      summary: 'Công cụ tra cứu: danh sách phông', handler: ({ scope }) => findingAids.fonds(scope) }),
    defineRoute({ method: 'get', path: `${P}/fonds/:id`, response: FondsInventories, tag, access: 'authenticated', params: IdParams,
      summary: 'Công cụ tra cứu: các mục lục hồ sơ của một phông', handler: ({ scope, params }) => findingAids.inventories(scope, params.id) }),
    defineRoute({ method: 'get', path: `${P}/files`, response: FindingFilePage, tag, access: 'authenticated', query: S.FindingFilesQuery,
      summary: 'Công cụ tra cứu: hồ sơ theo phông, mục lục, hộp, năm; tìm theo tiêu đề, ký hiệu, thời gian (không phân biệt dấu)',
      handler: ({ scope, query }) => findingAids.files(scope, query) }),

    // ---------------------------------------------------------------- cart
    defineRoute({ method: 'get', path: `${P}/cart`, response: Cart, tag, access: READER,
      summary: 'Giỏ yêu cầu của tôi', handler: ({ actor, scope }) => requests.cart(actor, scope) }),
    defineRoute({ method: 'post', path: `${P}/cart`, response: CartAdded, tag, access: READER, body: S.CartAddBody,
      summary: 'Thêm hồ sơ hoặc cả hộp vào giỏ yêu cầu (hồ sơ đã có không thêm lần nữa)', handler: ({ actor, scope, body }) => requests.addToCart(actor, scope, body) }),
    defineRoute({ method: 'delete', path: `${P}/cart/:fileId`, response: Cart, tag, access: READER, params: S.CartFileParams,
      summary: 'Bỏ một hồ sơ khỏi giỏ', handler: ({ actor, scope, params }) => requests.removeFromCart(actor, scope, params.fileId) }),
    defineRoute({ method: 'delete', path: `${P}/cart`, response: Cart, tag, access: READER,
      summary: 'Xóa hết giỏ yêu cầu', handler: ({ actor, scope }) => requests.removeFromCart(actor, scope, null) }),

    // ---------------------------------------------------------------- request slips
    defineRoute({ method: 'post', path: `${P}/requests/submit`, response: AccessRequest, tag, access: READER, body: S.SubmitBody, status: 201,
      summary: 'Gửi phiếu yêu cầu (đọc, sao, sao và chứng thực) từ giỏ yêu cầu', handler: ({ actor, body }) => requests.submit(actor, body) }),
    defineRoute({ method: 'post', path: `${P}/requests`, response: AccessRequest, tag, access: STAFF, body: S.StaffSubmitBody, status: 201,
      summary: 'Cán bộ nhập phiếu yêu cầu nhận trực tiếp hoặc qua bưu chính thay độc giả', handler: ({ actor, body }) => requests.submitForReader(actor, body) }),
    defineRoute({ method: 'get', path: `${P}/requests/mine`, response: z.object({ items: z.array(AccessRequest) }), tag, access: READER,
      summary: 'Các phiếu yêu cầu của tôi: trạng thái, hạn giải quyết, ý kiến xử lý', handler: ({ actor }) => requests.mine(actor) }),
    defineRoute({ method: 'get', path: `${P}/requests`, response: AccessRequestList, tag, access: STAFF, query: S.RequestQueueQuery,
      summary: 'Hàng chờ phiếu yêu cầu (lọc quá hạn, sắp đến hạn)', handler: ({ query }) => requests.queue(query) }),
    defineRoute({ method: 'get', path: `${P}/requests/:id`, response: AccessRequest, tag, access: [...STAFF, 'researcher'], params: IdParams,
      summary: 'Một phiếu yêu cầu với các hồ sơ và ý kiến xử lý', handler: ({ actor, params }) => requests.get(actor, params.id) }),
    defineRoute({ method: 'post', path: `${P}/requests/:id/decisions`, response: AccessRequest, tag, access: STAFF, params: IdParams, body: S.DecisionBody,
      summary: 'Duyệt, từ chối (có lý do) hoặc yêu cầu bổ sung thông tin; hồ sơ hạn chế chuyển Giám đốc duyệt',
      handler: async ({ actor, params, body }) => { await approvals.decide(actor, params.id, body); return requests.detail(params.id); } }),
    defineRoute({ method: 'post', path: `${P}/requests/:id/lines/:lineId/serve-as`, response: AccessRequest, tag, access: STAFF, params: S.LineParams, body: S.ServeAsBody,
      summary: 'Phục vụ bản gốc thay bản số hóa (ghi lý do) hoặc ngược lại',
      handler: async ({ actor, params, body }) => { await approvals.serveAs(actor, params.id, params.lineId, body); return requests.detail(params.id); } }),
    defineRoute({ method: 'post', path: `${P}/requests/:id/reply`, response: AccessRequest, tag, access: READER, params: IdParams, body: S.ReplyBody,
      summary: 'Độc giả bổ sung thông tin theo yêu cầu của phòng đọc',
      handler: async ({ actor, params, body }) => { await approvals.reply(actor, params.id, body.message); return requests.detail(params.id); } }),
    defineRoute({ method: 'post', path: `${P}/requests/:id/cancel`, response: AccessRequest, tag, access: READER, params: IdParams,
      summary: 'Độc giả hủy phiếu yêu cầu chưa được giải quyết',
      handler: async ({ actor, params }) => { await approvals.cancel(actor, params.id); return requests.detail(params.id); } }),

    // ---------------------------------------------------------------- holds (processing, restoration)
    defineRoute({ method: 'get', path: `${P}/holds`, response: ReadingHoldList, tag, access: STAFF, query: S.HoldListQuery,
      summary: 'Hồ sơ tạm ngừng phục vụ (đang chỉnh lý, tu bổ)', handler: ({ query }) => holds.list(query) }),
    defineRoute({ method: 'post', path: `${P}/holds`, response: ReadingHold, tag, access: STAFF, body: S.HoldBody, status: 201,
      summary: 'Tạm ngừng phục vụ một hồ sơ trong khi chỉnh lý hoặc tu bổ', handler: ({ actor, body }) => holds.place(actor, body) }),
    defineRoute({ method: 'post', path: `${P}/holds/:id/lift`, response: ReadingHold, tag, access: STAFF, params: IdParams,
      summary: 'Gỡ lệnh tạm ngừng phục vụ', handler: ({ actor, params }) => holds.lift(actor, params.id) }),

    // ---------------------------------------------------------------- reports
    defineRoute({ method: 'get', path: `${P}/reports`, response: ReadingReport, tag, access: STAFF, query: S.ReportQuery,
      summary: 'Số liệu phục vụ độc giả theo năm, tháng', handler: ({ query }) => reports.report(query.year, query.month ?? null) }),
    defineRoute({ method: 'get', path: `${P}/reports.xlsx`, tag, access: STAFF, query: S.YearQuery, produces: XLSX_TYPE,
      summary: 'Số liệu phục vụ độc giả theo tháng trong năm (Excel)', handler: ({ query }) => reports.xlsx(query.year) }),
  ];
}

