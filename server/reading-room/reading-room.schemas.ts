/** Request schemas of the reading room (the edge validates them; services take their output types). */
import { z } from 'zod';
import { BodyId, Id, Pagination, requiredText, text, year } from '../core/schemas.js';
import { calendarDate } from '../intake/intake.schemas.js';

const Bool = z.enum(['true', 'false', '1', '0'], 'Giá trị là true hoặc false').transform((v) => v === 'true' || v === '1');
const optText = (max: number, multiline = false) => text(max, { multiline }).nullish().transform((v) => v || null);

const ReaderFieldsShape = {
  fullName: requiredText(200),
  idDocumentKind: z.enum(['cccd', 'passport', 'other'], 'Loại giấy tờ là CCCD, hộ chiếu hoặc giấy tờ khác'),
  idDocumentNo: requiredText(30).pipe(z.string().regex(/^[A-Za-z0-9-]+$/, 'Số giấy tờ chỉ gồm chữ, số và dấu gạch ngang')),
  birthYear: z.number('Năm sinh là số').int().min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullish(),
  organisation: optText(300),
  position: optText(200),
  phone: text(30).pipe(z.string().regex(/^[0-9 +().-]*$/, 'Số điện thoại không hợp lệ')).nullish(),
  email: text(200).pipe(z.union([z.literal(''), z.string().email('Thư điện tử không hợp lệ')])).nullish(),
  purpose: requiredText(1000, { multiline: true }),
  researchTopic: optText(2000, true),
};

export const OnlineRegistrationBody = z.strictObject({
  ...ReaderFieldsShape,
  username: requiredText(100).pipe(z.string().regex(/^[a-zA-Z0-9._-]{3,100}$/, 'Tên đăng nhập gồm 3–100 chữ không dấu, số, dấu chấm, gạch')),
  password: z.string().min(10, 'Mật khẩu tối thiểu 10 ký tự').max(200),
});
export const CounterRegistrationBody = z.strictObject({ ...ReaderFieldsShape, userId: BodyId.nullish() });

export const ReaderListQuery = z.strictObject({ status: z.enum(['pending', 'verified', 'rejected']).optional(), q: text(100).optional(), ...Pagination });
export const VerifyBody = z.strictObject({ validUntil: calendarDate.nullish() });
export const ReasonBody = z.strictObject({ reason: requiredText(1000, { multiline: true }) });

export const FindingFilesQuery = z.strictObject({
  q: text(300).optional(), fondsId: Id.optional(), catalog: text(4).optional(), boxId: Id.optional(), year: year.optional(), digitised: Bool.optional(),
  ...Pagination,
});

export const CartAddBody = z.strictObject({
  recordFileIds: z.array(BodyId).min(1).max(200, 'Mỗi lần thêm tối đa 200 hồ sơ').optional(),
  boxId: BodyId.optional(),
}).refine((b) => b.recordFileIds?.length || b.boxId, { message: 'Chọn hồ sơ hoặc hộp để thêm vào giỏ.', path: ['recordFileIds'] });
export const CartFileParams = z.strictObject({ fileId: Id });

const Page = z.number('Số trang là số nguyên dương').int().positive('Số trang là số nguyên dương').max(100_000);
const Line = z.strictObject({ recordFileId: BodyId, pageFrom: Page.nullish(), pageTo: Page.nullish() });
const Kind = z.enum(['read', 'copy', 'certified_copy', 'access'], 'Loại phiếu là đọc, sao, sao và chứng thực hoặc khai thác hồ sơ hạn chế');
// The file limit is a rule with its own code (servability / TOO_MANY_FILES); the schema only stops absurd bodies.
export const SubmitBody = z.strictObject({ kind: Kind, purpose: optText(1000, true), note: optText(1000, true), lines: z.array(Line).min(1).max(200).optional() });
export const StaffSubmitBody = z.strictObject({
  readerId: BodyId, kind: Kind, channel: z.enum(['in_person', 'post', 'online'], 'Hình thức nhận là trực tiếp, bưu chính hoặc trực tuyến'),
  purpose: optText(1000, true), note: optText(1000, true), lines: z.array(Line).min(1).max(200),
});

export const RequestQueueQuery = z.strictObject({
  status: z.enum(['submitted', 'needs_info', 'approved', 'refused', 'cancelled', 'served', 'closed']).optional(),
  level: z.enum(['reading_room_head', 'director']).optional(),
  kind: Kind.optional(),
  readerId: Id.optional(),
  sla: z.enum(['overdue', 'warning', 'attention']).optional(),
});
export const DecisionBody = z.strictObject({ decision: z.enum(['approve', 'refuse', 'ask_info'], 'Quyết định là duyệt, từ chối hoặc yêu cầu bổ sung'), reason: optText(2000, true) });
export const ServeAsBody = z.strictObject({ serveAs: z.enum(['original', 'digital']), reason: optText(1000, true) });
export const LineParams = z.strictObject({ id: Id, lineId: Id });
export const ReplyBody = z.strictObject({ message: requiredText(2000, { multiline: true }) });
export const DutiesBody = z.strictObject({ duties: z.array(z.enum(['reading_room_head', 'director', 'stacks'])).max(3) });
export const ReportQuery = z.strictObject({ year, month: z.coerce.number().int().min(1).max(12).optional() });
export const YearQuery = z.strictObject({ year });

export const HoldBody = z.strictObject({
  recordFileId: BodyId, reason: z.enum(['processing', 'restoration'], 'Lý do là chỉnh lý hoặc tu bổ'), untilDay: calendarDate.nullish(), note: optText(500, true),
});
export const HoldListQuery = z.strictObject({ activeOnly: Bool.optional() });
