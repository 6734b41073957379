/** Refusals of the IIIF Authorization Flow endpoints (server/iiif/auth.routes.ts). */
import { AppError } from './app-error.js';

export const IIIF_AUTH_ERRORS = {
  tokenInvalid: () =>
    new AppError('IIIF_TOKEN_INVALID', 'Mã truy cập IIIF không hợp lệ, đã hết hạn hoặc không dành cho trang web này. Hãy đăng nhập lại từ trình xem.', 401),
  iiifOriginForbidden: () =>
    new AppError('IIIF_AUTH_ORIGIN_FORBIDDEN', 'Trang web này không nằm trong danh sách được phép xem tài liệu qua IIIF (IIIF_AUTH_ORIGINS).', 400),
  disabled: () => new AppError('IIIF_AUTH_DISABLED', 'Cơ chế cấp quyền xem IIIF cho trang web bên ngoài chưa được bật.', 404),
  sessionRequired: () => new AppError('IIIF_AUTH_SESSION_REQUIRED', 'Cần đăng nhập bằng tài khoản (phiên trình duyệt) để cho phép trang bên ngoài.', 401),
};
