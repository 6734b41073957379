/** Error codes of work planning (backlog, restoration, norms, plans, progress), reports and the demo loader. */
import { viNumber } from './numbers.js';
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

export const PLANNING_ERRORS = {
  itemNotFound: () => badRequest('ITEM_NOT_FOUND', 'Có hạng mục được chọn không còn trong danh sách tồn đọng hoặc tu bổ.'),
  planNothingToPlan: () => unprocessable('PLAN_NOTHING_TO_PLAN', 'Chưa có hạng mục tồn đọng hoặc tu bổ nào để lập kế hoạch.'),
  planNothingToReplan: () => unprocessable('PLAN_NOTHING_TO_PLAN', 'Các hạng mục của kế hoạch này không còn trong danh sách tồn đọng.'),
  planNoStaff: () => unprocessable('PLAN_NO_STAFF', 'Chưa có cán bộ nào đang làm việc để lập kế hoạch.'),
  /** The engine's worker thread failed, ran out of memory or time: nothing was stored. */
  planEngineFailed: (cause: unknown) =>
    new AppError('PLAN_ENGINE_FAILED', 'Không lập được kế hoạch: bộ tính lịch dừng bất thường, chưa có gì được lưu. Vui lòng thử lại; nếu vẫn lỗi, hãy thu hẹp phạm vi (ít hạng mục hơn hoặc thời hạn ngắn hơn).', 503, undefined, { cause }),
  normVersionNotFound: () => badRequest('NORM_VERSION_NOT_FOUND', 'Phiên bản định mức không tồn tại.'),
  staffNotInPlan: (ids: readonly (string | number)[]) => badRequest('STAFF_NOT_IN_PLAN', `Cán bộ không có trong kế hoạch gốc: ${ids.join(', ')}.`),
  itemNotInPlan: (items: readonly string[]) => badRequest('ITEM_NOT_IN_PLAN', `Hạng mục không có trong kế hoạch gốc: ${items.join(', ')}.`),
  stepUnknown: (stepId: string) => badRequest('STEP_UNKNOWN', `Bước "${stepId}" không có trong định mức hiện hành.`),
  backlogNotFound: () => badRequest('BACKLOG_NOT_FOUND', 'Hạng mục tồn đọng không tồn tại.'),
  restorationNotFound: () => badRequest('RESTORATION_NOT_FOUND', 'Hạng mục tu bổ không tồn tại.'),
  processingStepOnly: () => badRequest('STEP_KIND_MISMATCH', 'Hạng mục chỉnh lý chỉ ghi tiến độ cho các bước chỉnh lý.'),
  restorationStepOnly: () => badRequest('STEP_KIND_MISMATCH', 'Hạng mục tu bổ chỉ ghi tiến độ cho các bước tu bổ.'),
  progressMetresRequired: () => badRequest('METRES_REQUIRED', 'Bước chỉnh lý ghi theo số mét đã làm.'),
  progressExceedsItem: (pages: number, done: number, adding: number) => unprocessable('PROGRESS_EXCEEDS_ITEM',
    `Hồ sơ/tài liệu chỉ có ${viNumber(pages)} trang, đã ghi nhận ${viNumber(done)} trang: ghi thêm ${viNumber(adding)} trang sẽ vượt quá số trang.`),
  restorationPagesBelowDone: (done: number) => unprocessable('RESTORATION_PAGES_BELOW_DONE',
    `Đã ghi nhận tu bổ ${viNumber(done)} trang; số trang của hồ sơ/tài liệu không thể ít hơn số trang đã tu bổ.`),
  backlogMetresRequired: () => badRequest('METRES_REQUIRED', 'Cần số mét đo được hoặc số mét ước tính.'),
  pagesRequired: () => badRequest('PAGES_REQUIRED', 'Tu bổ ghi theo số trang đã làm.'),
  staffNotFound: () => badRequest('STAFF_NOT_FOUND', 'Cán bộ không tồn tại.'),
  workDateInFuture: () => badRequest('WORK_DATE_IN_FUTURE', 'Không ghi tiến độ cho ngày chưa tới.'),
  yearSpanInvalid: () => badRequest('YEAR_SPAN_INVALID', 'Năm bắt đầu phải không sau năm kết thúc.'),
  backlogHasProgress: () => conflict('BACKLOG_HAS_PROGRESS', 'Hạng mục đã có tiến độ ghi nhận nên không xóa được.'),
  restorationHasProgress: () => conflict('RESTORATION_HAS_PROGRESS', 'Hạng mục đã có tiến độ ghi nhận nên không xóa được.'),
  normUnitInvalid: (stepName: string) =>
    badRequest('NORM_UNIT_INVALID', `Bước "${stepName}": chỉnh lý tính theo mét, tu bổ và số hóa tính theo trang.`),
  closureExists: () => conflict('CLOSURE_EXISTS', 'Ngày này đã có trong danh sách ngày nghỉ riêng.'),

  // Reports
  yearRangeReversed: () => badRequest('YEAR_RANGE_INVALID', 'Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc.'),
  yearRangeTooLong: (maxYears: number) => badRequest('YEAR_RANGE_INVALID', `Khoảng thời gian tối đa ${maxYears} năm.`),

  // Demo data
  demoRunning: () => conflict('DEMO_RUNNING', 'Dữ liệu mẫu đang được nạp.'),
  demoNotEmpty: () => conflict('DEMO_NOT_EMPTY', 'Chỉ nạp được dữ liệu mẫu vào cơ sở dữ liệu trống.'),
};
