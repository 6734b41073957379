/**
 * Error codes of reading-room circulation (loans), copy orders, the certification register and viewer windows.
 * Names differ from READING_ERRORS (rr-core) so both can join the ERRORS catalogue; shared cases (a request not
 * found, a missing reason) use READING_ERRORS' factories.
 */
import { viNumber } from './numbers.js';
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

export const CIRCULATION_ERRORS = {
  requestLineNotFound: () => new AppError('REQUEST_LINE_NOT_FOUND', 'Không tìm thấy dòng hồ sơ trong phiếu yêu cầu.', 404),
  requestNotApproved: (status: string) =>
    conflict('REQUEST_NOT_APPROVED', 'Phiếu yêu cầu chưa được duyệt (hoặc đã đóng) nên chưa phục vụ được.', { status }),
  requestKindMismatch: (expected: string) =>
    conflict('REQUEST_KIND_MISMATCH', expected === 'read'
      ? 'Chỉ phiếu yêu cầu đọc mới xuất bản gốc ra phòng đọc.'
      : 'Chỉ phiếu yêu cầu sao hoặc sao và chứng thực mới lập đơn sao.'),
  lineServedDigitally: () =>
    conflict('LINE_SERVED_DIGITALLY', 'Hồ sơ đã số hóa được phục vụ bằng bản số (TT 10/2014 Điều 9), không xuất bản gốc.'),
  lineNotDigital: () => conflict('LINE_NOT_DIGITAL', 'Dòng này phục vụ bản gốc, không mở trên trình xem.'),
  fileNotDigitised: () => conflict('FILE_NOT_DIGITISED', 'Hồ sơ chưa được số hóa nên chưa mở được trên trình xem.'),
  fileAlreadyOut: () => conflict('FILE_ALREADY_OUT', 'Hồ sơ đang phục vụ độc giả (chưa được trả về kho), không xuất lần nữa được.'),
  /** `reason` is a whole sentence from servability (or a clause of ours); `cause` its stable code. */
  fileNotServable: (reason: string, cause: string) =>
    conflict('FILE_NOT_SERVABLE', /[.!]$/.test(reason) ? reason : `Hồ sơ không phục vụ được: ${reason}.`, { cause }),
  readerLimitReached: (max: number) =>
    unprocessable('READER_FILE_LIMIT', `Mỗi độc giả giữ tối đa ${viNumber(max)} hồ sơ cùng lúc (TT 10/2014 Điều 9); hãy trả bớt hồ sơ trước.`, { max }),
  loanNotFound: () => new AppError('LOAN_NOT_FOUND', 'Không tìm thấy lượt giao nhận hồ sơ.', 404),
  loanAlreadyIn: () => conflict('LOAN_ALREADY_IN', 'Hồ sơ đã được nhận lại về kho.'),
  loanNotIn: () => conflict('LOAN_NOT_IN', 'Hồ sơ chưa được nhận lại nên chưa xếp lên giá được.'),
  loanAlreadyReshelved: () => conflict('LOAN_ALREADY_RESHELVED', 'Hồ sơ đã được xếp lại lên giá.'),

  copyOrderNotFound: () => new AppError('COPY_ORDER_NOT_FOUND', 'Không tìm thấy đơn sao tài liệu.', 404),
  copyOrderExists: (id: number) => conflict('COPY_ORDER_EXISTS', 'Phiếu yêu cầu này đã có đơn sao đang xử lý.', { id }),
  copyTransitionInvalid: (from: string, to: string, fromLabel: string, toLabel: string) =>
    conflict('COPY_TRANSITION_INVALID', `Không thể chuyển đơn sao từ "${fromLabel}" sang "${toLabel}".`, { from, to }),
  copyReceiptRequired: () => badRequest('COPY_RECEIPT_REQUIRED', 'Ghi nhận thanh toán cần số biên lai.'),
  copyFileMissing: (which: 'copy' | 'certificate') =>
    new AppError('COPY_FILE_MISSING', which === 'copy' ? 'Đơn sao này chưa có bản sao số (tài liệu giấy, hoặc chưa sao xong).' : 'Đơn sao này chưa có trang chứng thực.', 404),
  copyReceiptTaken: () => conflict('COPY_RECEIPT_TAKEN', 'Số biên lai đã được dùng cho đơn sao khác.'),
  copyPagesOutOfRange: (pages: number) =>
    badRequest('COPY_PAGES_OUT_OF_RANGE', `Khoảng trang yêu cầu vượt quá số trang đã số hóa của hồ sơ (${viNumber(pages)} trang).`, { pages }),

  readerHasNoAccount: () =>
    unprocessable('READER_HAS_NO_ACCOUNT', 'Độc giả đăng ký tại quầy chưa có tài khoản nên chưa mở được hồ sơ trên trình xem; hãy phục vụ tại máy của phòng đọc.'),
  viewWindowRequired: () =>
    new AppError('VIEW_WINDOW_REQUIRED', 'Tải bản sao cần phiếu yêu cầu đã được duyệt còn thời hạn xem cho hồ sơ này.', 403),
  accessRequestNotNeeded: () =>
    conflict('ACCESS_REQUEST_NOT_NEEDED', 'Hồ sơ này không hạn chế tiếp cận, bạn đã xem được mà không cần gửi yêu cầu.'),
  accessRequestPending: (id: number) => conflict('ACCESS_REQUEST_PENDING', 'Bạn đã gửi yêu cầu tiếp cận hồ sơ này, đang chờ xét duyệt.', { id }),
  accessAlreadyGranted: () => conflict('ACCESS_ALREADY_GRANTED', 'Bạn đã được cấp quyền tiếp cận hồ sơ này.'),
  readerNotRegistered: () =>
    unprocessable('READER_NOT_REGISTERED', 'Tài khoản chưa đăng ký độc giả. Hãy đăng ký độc giả (thẻ độc giả) trước khi gửi yêu cầu tiếp cận.'),
  accessRequestNotPending: () => conflict('ACCESS_REQUEST_NOT_PENDING', 'Yêu cầu tiếp cận đã được xử lý.'),
};
