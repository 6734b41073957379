/** Error codes of digitisation (ingest, viewing, exports, IIIF), search and access to restricted records. */
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

export const DIGITAL_ERRORS = {
  // Scans and pages
  recordFileNotFound: (id: number) => badRequest('FILE_NOT_FOUND', `Không tìm thấy hồ sơ #${id}.`),
  fileWithoutFonds: (fileNotation: string) =>
    unprocessable('FILE_WITHOUT_FONDS', `Hồ sơ "${fileNotation}" chưa thuộc phông nào; hãy gán phông trước khi số hóa.`),
  documentNotInFile: (documentId: number, fileNotation: string) =>
    badRequest('DOCUMENT_NOT_IN_FILE', `Văn bản #${documentId} không thuộc hồ sơ "${fileNotation}".`),
  documentOrdinalTaken: (ordinal: number) => conflict('DOCUMENT_ORDINAL_TAKEN', `Số thứ tự văn bản ${ordinal} đã có trong hồ sơ này.`),
  /**
   * A batch where nothing was stored: a single file answers with its own outcome (a code of the scan checks),
   * several with a summary; 503 when every failure was ours (storage), 422 otherwise.
   */
  scansRejected: (only: { code: string; message: string } | null, counts: { rejected: number; failed: number }, status: 422 | 503, details: unknown) =>
    new AppError(
      only?.code ?? 'SCANS_REJECTED',
      only?.message ?? `Không tệp nào được lưu (${counts.rejected} tệp bị từ chối, ${counts.failed} tệp lỗi).`,
      status,
      details,
    ),
  derivativesFailed: () => unprocessable('DERIVATIVES_FAILED', 'Không tạo được ảnh xem cho trang này (bản gốc có thể bị hỏng).'),
  derivativesPending: () => conflict('DERIVATIVES_PENDING', 'Ảnh của trang đang được xử lý, vui lòng thử lại sau ít phút.'),
  derivativesPendingForPdf: (seq: number) => conflict('DERIVATIVES_PENDING', `Ảnh của trang ${seq} đang được xử lý; chưa xuất được PDF.`),
  presignUnavailable: () =>
    new AppError('PRESIGN_UNAVAILABLE', 'Kho đối tượng hiện tại không cấp đường dẫn tạm thời; hãy dùng đường dẫn ảnh của ứng dụng.', 404),
  masterFixityFailed: (masterId: number, status: 'corrupt' | 'missing') =>
    conflict('MASTER_FIXITY_FAILED', `Bản gốc #${masterId} không còn nguyên vẹn (kiểm tra toàn vẹn: ${status === 'corrupt' ? 'sai mã băm' : 'mất tệp'}); không cung cấp như bản tốt.`),
  ocrPendingPage: () => conflict('OCR_PENDING', 'Trang này chưa được nhận dạng chữ (OCR); vui lòng thử lại sau.'),
  ocrPendingFile: () => conflict('OCR_PENDING', 'Hồ sơ chưa có trang nào được nhận dạng chữ (OCR).'),

  // Staff edits of a file's pages (server/digitization/page-edit.service.ts)
  pageOrderStale: (pages: number) =>
    conflict('PAGE_ORDER_STALE', `Thứ tự gửi lên phải gồm mỗi trang hiện có của hồ sơ đúng một lần (hồ sơ có ${pages} trang); có thể vừa có trang được thêm hoặc xóa. Hãy tải lại rồi sắp xếp lại.`),
  /** The replacement image failed the same checks as an upload; code and message are the image check's own. */
  replacementRejected: (code: string, message: string) => unprocessable(code, message),
  replacementNotOnePage: (pages: number) =>
    unprocessable('PAGE_REPLACEMENT_MULTIPAGE', `Ảnh thay thế phải có đúng một trang; tệp này có ${pages} trang. Hãy tải các trang lên như ảnh quét mới.`),
  replacementDuplicate: (masterId: number) =>
    conflict('PAGE_REPLACEMENT_DUPLICATE', `Ảnh thay thế trùng từng byte với bản gốc #${masterId} đã có trong hồ sơ; không thay.`),

  // IIIF Image API parameters
  iiifRegionInvalid: (text: string) =>
    badRequest('IIIF_REGION_INVALID', `Vùng ảnh "${text}" không hợp lệ: dùng full, square, x,y,w,h hoặc pct:x,y,w,h.`),
  iiifRegionEmpty: (text: string) => badRequest('IIIF_REGION_INVALID', `Vùng ảnh "${text}" có chiều rộng hoặc chiều cao bằng 0.`),
  iiifRegionOutside: (text: string, width: number, height: number) =>
    badRequest('IIIF_REGION_INVALID', `Vùng ảnh "${text}" nằm ngoài ảnh (ảnh có kích thước ${width}×${height} điểm ảnh).`),
  iiifUpscalePrefix: () => badRequest('IIIF_UPSCALE_NOT_ALLOWED', 'Máy chủ không hỗ trợ phóng to ảnh vượt kích thước gốc (tiền tố ^).'),
  iiifUpscale: (w: number, h: number, rw: number, rh: number) =>
    badRequest('IIIF_UPSCALE_NOT_ALLOWED', `Kích thước yêu cầu ${w}×${h} lớn hơn vùng ảnh ${rw}×${rh}; muốn phóng to phải dùng tiền tố ^.`),
  iiifSizeInvalid: (text: string) =>
    badRequest('IIIF_SIZE_INVALID', `Kích thước "${text}" không hợp lệ: dùng max, w,, ,h, pct:n, w,h hoặc !w,h.`),
  iiifSizeTooLarge: (w: number, h: number) => badRequest('IIIF_SIZE_TOO_LARGE', `Kích thước yêu cầu ${w}×${h} vượt giới hạn của máy chủ.`),
  iiifRotationInvalid: (text: string) =>
    badRequest('IIIF_ROTATION_INVALID', `Góc xoay "${text}" không hợp lệ: dùng số độ từ 0 đến 360, có thể thêm ! để lật gương.`),
  iiifRotationUnsupported: (text: string) =>
    badRequest('IIIF_ROTATION_UNSUPPORTED', `Chỉ hỗ trợ xoay 0, 90, 180 hoặc 270 độ (nhận được "${text}").`),
  iiifQualityInvalid: (quality: string) =>
    badRequest('IIIF_QUALITY_INVALID', `Chất lượng ảnh "${quality}" không hợp lệ: dùng default, color, gray hoặc bitonal.`),
  iiifFormatUnsupported: (format: string) =>
    badRequest('IIIF_FORMAT_UNSUPPORTED', `Định dạng "${format}" không được hỗ trợ: dùng jpg, png hoặc webp.`),

  // Search
  searchQueryEmpty: () => badRequest('SEARCH_QUERY_EMPTY', 'Hãy nhập ít nhất một từ cần tìm (không chỉ từ loại trừ hoặc dấu câu).'),

  // Accounts and grants to restricted records
  agencyBindingInvalid: () =>
    badRequest('AGENCY_BINDING_INVALID', 'Tài khoản cơ quan phải gắn với đúng một cơ quan nộp lưu; vai trò khác thì không.'),
  selfLockout: () => badRequest('SELF_LOCKOUT', 'Không thể tự khóa hoặc tự hạ quyền tài khoản quản trị đang dùng.'),
  // Not 401: a mistyped current password must not look like a lost session to the client.
  currentPasswordWrong: () => badRequest('CURRENT_PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng.'),
  passwordUnchanged: () => badRequest('PASSWORD_UNCHANGED', 'Mật khẩu mới phải khác mật khẩu hiện tại.'),
  grantNotResearcher: () =>
    unprocessable('GRANT_NOT_RESEARCHER', 'Chỉ cấp quyền khai thác tài liệu hạn chế cho tài khoản độc giả (nhà nghiên cứu).'),
  grantSecretFile: () => unprocessable('GRANT_SECRET_FILE', 'Hồ sơ có độ mật chưa được giải mật: không thể cấp quyền cho độc giả.'),
  grantExpired: () => badRequest('GRANT_EXPIRED', 'Ngày hết hạn phải từ hôm nay trở đi.'),
  grantExists: (id: number) => conflict('GRANT_EXISTS', 'Độc giả này đã được cấp quyền với hồ sơ này.', { id }),
};
