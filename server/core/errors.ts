/**
 * The catalogue of error codes: every code a client can receive is a factory here or in the area files it
 * merges, each with its status and Vietnamese message, so the codes are enumerated in one place.
 */
import { viNumber } from './numbers.js';
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';
import { DIGITAL_ERRORS } from './errors-digital.js';
import { PLANNING_ERRORS } from './errors-planning.js';
import { RECORDS_ERRORS } from './errors-records.js';
import { CIRCULATION_ERRORS } from './errors-circulation.js';
import { READING_ERRORS } from './errors-reading.js';
import { ARCHIVE_ERRORS } from './errors-archive.js';
import { IIIF_AUTH_ERRORS } from './errors-iiif-auth.js';
import { TT05_ERRORS } from './errors-tt05.js';
import { DEPOSIT_ERRORS } from './errors-deposit.js';
import { INVENTORY_REVIEW_ERRORS } from './errors-inventory-review.js';

export { AppError };

type Problems = { problems: unknown[] } & Record<string, unknown>;

const GENERAL = {
  validation: (details: unknown, message = 'Dữ liệu gửi lên không hợp lệ.') =>
    new AppError('VALIDATION_FAILED', message, 400, details),
  invalidJson: () => new AppError('INVALID_JSON', 'Nội dung JSON không đúng cú pháp.', 400),
  payloadTooLarge: (limit: string) =>
    new AppError('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá giới hạn ${limit}.`, 413),
  unsupportedEncoding: () => badRequest('UNSUPPORTED_ENCODING', 'Bảng mã của nội dung không được hỗ trợ.'),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.', 401),
  dayRangeReversed: () => badRequest('DAY_RANGE_INVALID', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.'),
  badCredentials: () => new AppError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 401),
  tooManyLogins: () =>
    new AppError('TOO_MANY_LOGIN_ATTEMPTS', 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.', 429),
  forbidden: (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', message, 403),
  csrf: () => new AppError('CSRF_TOKEN_INVALID', 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.', 403),
  notFound: (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`, 404),
  routeNotFound: () => new AppError('ROUTE_NOT_FOUND', 'Đường dẫn API không tồn tại.', 404),
  unavailable: (what: string) => new AppError('SERVICE_UNAVAILABLE', `${what} tạm thời không sẵn sàng.`, 503),
  storageUnavailable: (cause: unknown) =>
    new AppError('SERVICE_UNAVAILABLE', 'Kho lưu trữ đối tượng (ảnh số hóa) tạm thời không truy cập được. Vui lòng thử lại sau ít phút.', 503,
      { component: 'object-storage' }, { cause }),
  databaseUnavailable: (cause: unknown) =>
    new AppError('SERVICE_UNAVAILABLE', 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.', 503,
      { component: 'database' }, { cause }),
  emptyPatch: () => badRequest('EMPTY_PATCH', 'Không có trường nào để sửa.'),
  duplicate: (constraint: string | undefined) => conflict('DUPLICATE', 'Bản ghi đã tồn tại (trùng mã).', { constraint }),
  referenceInvalid: () => conflict('REFERENCE_INVALID', 'Dữ liệu tham chiếu tới bản ghi không tồn tại hoặc đang được sử dụng.'),
  constraintViolated: () => badRequest('CONSTRAINT_VIOLATED', 'Dữ liệu vi phạm ràng buộc hợp lệ.'),
};

/** Refusals at the edge, before a route runs: transport, origin, content type, malformed input. */
const HTTP_STATUS: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', 'Yêu cầu không đúng định dạng HTTP.'],
  401: ['UNAUTHENTICATED', 'Vui lòng đăng nhập.'],
  403: ['FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['NOT_FOUND', 'Không tìm thấy.'],
  405: ['METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.'],
  408: ['REQUEST_TIMEOUT', 'Yêu cầu gửi lên quá chậm, đã hết thời gian chờ.'],
  411: ['LENGTH_REQUIRED', 'Thiếu độ dài nội dung (Content-Length).'],
  413: ['PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
  414: ['URI_TOO_LONG', 'Đường dẫn quá dài.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung gửi lên không được hỗ trợ.'],
  431: ['HEADERS_TOO_LARGE', 'Đường dẫn hoặc phần đầu (header) của yêu cầu quá dài.'],
};

const EDGE = {
  /** A status Node's HTTP parser (or a body parser) answered with, in the API's error shape. */
  httpStatus: (status: number) => {
    const [code, message] = HTTP_STATUS[status] ?? ['CLIENT_ERROR', 'Yêu cầu không hợp lệ.'];
    return new AppError(code, message, status);
  },
  originForbidden: () => new AppError('ORIGIN_FORBIDDEN', 'Yêu cầu gửi từ một trang web khác bị từ chối (Origin không được phép).', 403),
  jsonOnly: () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ chấp nhận nội dung JSON (Content-Type: application/json).', 415),
  textInvalid: (details: unknown) =>
    new AppError('TEXT_INVALID', 'Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode không trọn vẹn).', 400, details),
  bodyEncodingInvalid: () => badRequest('BODY_ENCODING_INVALID', 'Nội dung nén (Content-Encoding) không giải nén được.'),
  requestAborted: () => badRequest('REQUEST_ABORTED', 'Yêu cầu bị ngắt giữa chừng.'),
  /** Our answer broke the API contract: a bug of ours, never the client's. */
  responseInvalid: (where: string, findings: unknown) =>
    new AppError('RESPONSE_INVALID', `Câu trả lời của ${where} không khớp hợp đồng API.`, 500, { route: where, findings }),
};

/** Operations of the service itself. */
const OPERATIONS = {
  backupRunning: () => new AppError('BACKUP_RUNNING', 'Đang có một lượt sao lưu khác chạy. Vui lòng đợi lượt đó xong.', 409),
};

/** Uploads and spreadsheet imports, whatever area receives them. */
const UPLOADS = {
  fileRequired: (field: string) => badRequest('FILE_REQUIRED', `Thiếu tệp tải lên (trường "${field}").`),
  fileTypeUnsupported: (extensions: readonly string[]) => badRequest('FILE_TYPE_UNSUPPORTED', `Chỉ chấp nhận tệp ${extensions.join(', ')}.`),
  fileTooLarge: (maxMb: number) => new AppError('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${maxMb} MB).`, 413),
  tooManyFiles: (maxCount: number) => new AppError('TOO_MANY_FILES', `Mỗi lần chỉ được tải lên tối đa ${maxCount} tệp.`, 413),
  unexpectedFileField: (field: string | undefined) => badRequest('UNEXPECTED_FILE_FIELD', `Trường tệp "${field}" không được chấp nhận.`),
  uploadInvalid: (detail: string) => badRequest('UPLOAD_INVALID', `Tải tệp không thành công: ${detail}`),
  multipartInvalid: () => badRequest('MULTIPART_INVALID', 'Dữ liệu multipart không đúng định dạng.'),
  spreadsheetUnreadable: (detail: string) =>
    badRequest('SPREADSHEET_UNREADABLE', `Không đọc được tệp bảng tính: ${detail}. Hãy dùng tệp .xlsx hoặc .csv (UTF-8).`),
  tooManyRows: (max: number) =>
    new AppError('TOO_MANY_ROWS', `Tệp có quá nhiều dòng (tối đa ${viNumber(max)} dòng mỗi lần nhập).`, 413),
  /** An all-or-nothing import with problems: nothing was saved. */
  importInvalid: (problemCount: number, details: Problems) =>
    unprocessable('IMPORT_INVALID', `Tệp có ${problemCount} lỗi nên chưa nhập dòng nào. Hãy sửa các lỗi được liệt kê rồi tải lên lại.`, details),
};

type Group = Record<string, (...args: never[]) => AppError>;
type Merged<G extends Group[]> = G extends [infer H, ...infer T extends Group[]] ? H & Merged<T> : unknown;

/** Joins the area groups; a factory name defined twice would silently shadow one, so it fails at start-up instead. */
export function catalogue<G extends Group[]>(...groups: G): Merged<G> {
  const out: Group = {};
  for (const g of groups) {
    for (const [name, factory] of Object.entries(g)) {
      if (name in out) throw new Error(`error factory ${name} is defined twice`);
      out[name] = factory;
    }
  }
  return out as Merged<G>;
}

export const ERRORS = catalogue(
  GENERAL, EDGE, OPERATIONS, UPLOADS, RECORDS_ERRORS, DIGITAL_ERRORS, PLANNING_ERRORS, CIRCULATION_ERRORS, READING_ERRORS, ARCHIVE_ERRORS,
  IIIF_AUTH_ERRORS, TT05_ERRORS, INVENTORY_REVIEW_ERRORS, DEPOSIT_ERRORS,
);

/** Postgres error codes we turn into client errors instead of 500s. */
export function fromDatabaseError(err: unknown): AppError | null {
  const code = (err as { code?: string })?.code;
  if (code === '23505') return ERRORS.duplicate((err as { constraint?: string }).constraint);
  if (code === '23503') return ERRORS.referenceInvalid();
  if (code === '23514') return ERRORS.constraintViolated();
  return null;
}
