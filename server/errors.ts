/** One error type for the whole service: a stable English code, a Vietnamese message, an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const ERRORS = {
  validation: (details: unknown, message = 'Dữ liệu gửi lên không hợp lệ.') =>
    new AppError('VALIDATION_FAILED', message, 400, details),
  invalidJson: () => new AppError('INVALID_JSON', 'Nội dung JSON không đúng cú pháp.', 400),
  payloadTooLarge: (limit: string) =>
    new AppError('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá giới hạn ${limit}.`, 413),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.', 401),
  badCredentials: () => new AppError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 401),
  tooManyLogins: () =>
    new AppError('TOO_MANY_LOGIN_ATTEMPTS', 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.', 429),
  forbidden: (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', message, 403),
  csrf: () => new AppError('CSRF_TOKEN_INVALID', 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.', 403),
  notFound: (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`, 404),
  routeNotFound: () => new AppError('ROUTE_NOT_FOUND', 'Đường dẫn API không tồn tại.', 404),
  conflict: (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details),
  unprocessable: (code: string, message: string, details?: unknown) => new AppError(code, message, 422, details),
  badRequest: (code: string, message: string, details?: unknown) => new AppError(code, message, 400, details),
  unavailable: (what: string) => new AppError('SERVICE_UNAVAILABLE', `${what} tạm thời không sẵn sàng.`, 503),
};

/** Postgres error codes we turn into client errors instead of 500s. */
export function fromDatabaseError(err: unknown): AppError | null {
  const code = (err as { code?: string })?.code;
  if (code === '23505') return ERRORS.conflict('DUPLICATE', 'Bản ghi đã tồn tại (trùng mã).', { constraint: (err as { constraint?: string }).constraint });
  if (code === '23503') return ERRORS.conflict('REFERENCE_INVALID', 'Dữ liệu tham chiếu tới bản ghi không tồn tại hoặc đang được sử dụng.');
  if (code === '23514') return ERRORS.badRequest('CONSTRAINT_VIOLATED', 'Dữ liệu vi phạm ràng buộc hợp lệ.');
  return null;
}
