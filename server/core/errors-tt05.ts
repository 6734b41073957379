/** Refusals of TT 05/2025 metadata editing (server/digitization/tt05.service.ts). */
import { badRequest, conflict } from './app-error.js';

export const TT05_ERRORS = {
  alreadyConverted: () => conflict('TT05_ALREADY_CONVERTED', 'Hồ sơ và mọi văn bản đã theo TT 05/2025; không chuyển đổi lại (các trường đã sửa sẽ bị ghi đè).'),
  notConverted: () => conflict('TT05_NOT_CONVERTED', 'Hồ sơ còn theo TT 02/2019: hãy chuyển sang TT 05/2025 trước khi sửa các trường 2025.'),
  yearsRequired: () => badRequest('TT05_RETENTION_YEARS_REQUIRED', 'Thời hạn lưu trữ có thời hạn phải ghi số năm.', [{ path: 'retentionYears', message: 'Cần số năm lưu trữ' }]),
  yearsForbidden: () => badRequest('TT05_RETENTION_YEARS_FORBIDDEN', 'Thời hạn lưu trữ vĩnh viễn không ghi số năm.', [{ path: 'retentionYears', message: 'Vĩnh viễn: không ghi số năm' }]),
};
