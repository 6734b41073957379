/** Error codes of the reading room (readers, finding aids, cart, request slips, approvals). DOMAIN.md §6. */
import { viNumber } from './numbers.js';
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

export const READING_ERRORS = {
  readerNotFound: () => new AppError('READER_NOT_FOUND', 'Không tìm thấy độc giả.', 404),
  readerExists: () => conflict('READER_EXISTS', 'Giấy tờ tùy thân này đã được đăng ký độc giả.'),
  usernameTaken: () => conflict('USERNAME_TAKEN', 'Tên đăng nhập đã có người dùng, hãy chọn tên khác.'),
  readerAlreadyAccount: () => conflict('READER_EXISTS', 'Tài khoản này đã đăng ký độc giả.'),
  readerNotPending: () => conflict('READER_NOT_PENDING', 'Chỉ duyệt hoặc từ chối được đăng ký đang chờ duyệt.'),
  readerNotVerified: () => unprocessable('READER_NOT_VERIFIED', 'Đăng ký độc giả chưa được duyệt và cấp thẻ, chưa gửi được phiếu yêu cầu.'),
  readerCardExpired: (until: string) => unprocessable('READER_CARD_EXPIRED', `Thẻ độc giả đã hết hạn (${until}). Hãy gia hạn thẻ tại phòng đọc.`),
  cardValidityInvalid: () => badRequest('CARD_VALIDITY_INVALID', 'Hạn thẻ độc giả không được trước ngày cấp.'),
  notAReader: () => new AppError('NOT_A_READER', 'Tài khoản chưa đăng ký độc giả.', 404),
  letterMissing: () => new AppError('LETTER_NOT_FOUND', 'Độc giả không có giấy giới thiệu.', 404),
  letterRequired: () => badRequest('LETTER_REQUIRED', 'Độc giả thuộc cơ quan, tổ chức cần tải lên giấy giới thiệu.'),
  letterType: (what: string) => badRequest('LETTER_TYPE', `Giấy giới thiệu phải là tệp PDF, JPEG hoặc PNG (tệp gửi lên là ${what}).`),
  letterEmpty: () => badRequest('LETTER_EMPTY', 'Tệp giấy giới thiệu rỗng.'),
  letterTooLarge: (mb: number) => new AppError('LETTER_TOO_LARGE', `Giấy giới thiệu tối đa ${viNumber(mb)} MB.`, 413),
  readingFileNotFound: () => new AppError('FILE_NOT_FOUND', 'Không tìm thấy hồ sơ.', 404),
  boxNotFound: () => new AppError('BOX_NOT_FOUND', 'Không tìm thấy hộp.', 404),
  readingFondsNotFound: () => new AppError('FONDS_NOT_FOUND', 'Không tìm thấy phông.', 404),
  cartEmpty: () => unprocessable('CART_EMPTY', 'Giỏ yêu cầu đang trống.'),
  requestTooManyFiles: (max: number, n: number) =>
    unprocessable('TOO_MANY_FILES', `Mỗi phiếu yêu cầu tối đa ${viNumber(max)} hồ sơ (Thông tư 10/2014/TT-BNV); phiếu này có ${viNumber(n)} hồ sơ.`),
  secretFile: (notations: string[]) =>
    unprocessable('FILE_SECRET', `Hồ sơ ${notations.join(', ')} thuộc danh mục bí mật nhà nước, chưa được giải mật nên không phục vụ khai thác.`),
  notServable: (problems: unknown[]) => unprocessable('FILE_NOT_SERVABLE', 'Có hồ sơ không phục vụ được lúc này (xem chi tiết từng hồ sơ).', { problems }),
  pagesOnlyForCopies: () => badRequest('PAGES_ONLY_FOR_COPIES', 'Chỉ phiếu yêu cầu sao mới ghi trang từ – đến.'),
  pageRangeInvalid: () => badRequest('PAGE_RANGE_INVALID', 'Trang bắt đầu phải không lớn hơn trang kết thúc.'),
  lineNotInRequest: () => badRequest('LINE_NOT_IN_REQUEST', 'Hồ sơ không có trong phiếu yêu cầu.'),
  channelReaderRequired: () => badRequest('READER_REQUIRED', 'Cán bộ nhập phiếu thay độc giả cần chọn độc giả.'),
  requestNotFound: () => new AppError('REQUEST_NOT_FOUND', 'Không tìm thấy phiếu yêu cầu.', 404),
  requestClosed: () => conflict('REQUEST_NOT_OPEN', 'Phiếu yêu cầu đã được xử lý xong, không quyết định thêm được.'),
  requestNotAwaitingReply: () => conflict('REQUEST_NOT_AWAITING_REPLY', 'Phiếu không ở trạng thái chờ độc giả bổ sung thông tin.'),
  requestAwaitingReader: () => conflict('REQUEST_AWAITING_READER', 'Phiếu đang chờ độc giả bổ sung thông tin.'),
  wrongApprover: (level: 'reading_room_head' | 'director') =>
    new AppError('WRONG_APPROVER', level === 'director'
      ? 'Phiếu có hồ sơ hạn chế tiếp cận đang chờ Giám đốc duyệt; tài khoản của bạn không có nhiệm vụ Giám đốc.'
      : 'Phiếu đang chờ Trưởng phòng đọc duyệt; tài khoản của bạn không có nhiệm vụ này.', 403),
  reasonRequired: () => badRequest('REASON_REQUIRED', 'Từ chối hoặc yêu cầu bổ sung thông tin phải ghi rõ lý do.'),
  overrideReasonRequired: () => badRequest('OVERRIDE_REASON_REQUIRED', 'Phục vụ bản gốc thay bản số hóa phải ghi rõ lý do.'),
  dutiesNotStaff: () => badRequest('STAFF_NOT_FOUND', 'Chỉ giao nhiệm vụ phòng đọc cho tài khoản cán bộ.'),
  holdNotFound: () => new AppError('HOLD_NOT_FOUND', 'Không tìm thấy lệnh tạm ngừng phục vụ.', 404),
  holdLifted: () => conflict('HOLD_LIFTED', 'Lệnh tạm ngừng phục vụ đã được gỡ.'),
  holdInPast: () => badRequest('HOLD_IN_PAST', 'Ngày kết thúc tạm ngừng phục vụ không được trước hôm nay.'),
  notDigitised: () => badRequest('FILE_NOT_DIGITISED', 'Hồ sơ chưa số hóa nên chỉ phục vụ bản gốc.'),
};
