/** Error codes of intake (agencies, fonds, plans), handovers and the stacks. */
import { viNumber } from './numbers.js';
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

type Problem = { field: string; message: string };

export const RECORDS_ERRORS = {
  // Agencies and fonds
  agencyInvalid: (problems: { message: string }[]) => badRequest('AGENCY_INVALID', problems.map((p) => p.message).join(' '), { problems }),
  agencyCodeTaken: (code: string) => conflict('AGENCY_CODE_TAKEN', `Mã cơ quan "${code}" đã được dùng cho cơ quan khác.`),
  agencyNotInCatalogue: () => badRequest('AGENCY_NOT_FOUND', 'Cơ quan không có trong danh mục nguồn nộp lưu.'),
  handoverAgencyNotFound: () => badRequest('AGENCY_NOT_FOUND', 'Cơ quan giao nộp không tồn tại.'),
  fondsCodeTaken: (code: string) => conflict('FONDS_CODE_TAKEN', `Mã phông "${code}" đã được dùng.`),
  fondsInvalid: (message: string, problems: Problem[]) => badRequest('FONDS_INVALID', message, { problems }),
  fondsNotFound: () => badRequest('FONDS_NOT_FOUND', 'Phông lưu trữ không tồn tại.'),
  fondsOfOtherAgency: () => badRequest('FONDS_OF_OTHER_AGENCY', 'Phông lưu trữ thuộc cơ quan khác.'),
  fondsAgencyMismatch: () => badRequest('FONDS_AGENCY_MISMATCH', 'Phông lưu trữ không thuộc cơ quan giao nộp.'),

  // Collection plans
  planInvalid: (message: string, problems?: Problem[]) => badRequest('PLAN_INVALID', message, problems ? { problems } : undefined),
  planAgencyExists: () => conflict('PLAN_AGENCY_EXISTS', 'Cơ quan này đã có trong kế hoạch.'),
  planExists: (year: number, decisionNo: string) => conflict('PLAN_EXISTS', `Đã có kế hoạch năm ${year} theo quyết định số ${decisionNo}.`),
  planNotFound: () => badRequest('PLAN_NOT_FOUND', 'Kế hoạch thu hồ sơ, tài liệu không tồn tại.'),
  agencyNotInPlan: () => badRequest('AGENCY_NOT_IN_PLAN', 'Cơ quan không có trong kế hoạch thu hồ sơ, tài liệu này.'),

  // Handovers
  handoverLocked: () => conflict('HANDOVER_LOCKED', 'Hồ sơ giao nhận đã giao nhận xong và bị khóa; chỉ có thể đính chính (kèm lý do).'),
  handoverStateInvalid: (action: string, label: string, details: { status: string; allowed: readonly string[] }) =>
    new AppError('HANDOVER_STATE_INVALID', `Không thể ${action}: hồ sơ giao nhận đang ở trạng thái "${label}".`, 409, details),
  handoverNotReceived: () => conflict('HANDOVER_NOT_RECEIVED', 'Chỉ đính chính sau khi đã giao nhận; trước đó hãy sửa trực tiếp.'),
  handoverDateInvalid: () => badRequest('HANDOVER_DATE_INVALID', 'Ngày giao nhận không được sau ngày hôm nay.'),
  boxTypeNotFound: () => badRequest('BOX_TYPE_NOT_FOUND', 'Loại hộp không tồn tại.'),
  inventoryEmpty: () => conflict('INVENTORY_EMPTY', 'Chưa có mục lục hồ sơ: hãy tải tệp mục lục lên trước khi gửi thẩm định.'),
  inventoryInvalid: (problemCount: number, shownNote: string, details: { problems: unknown[]; warnings: unknown[]; problemCount: number }) =>
    unprocessable(
      'INVENTORY_INVALID',
      `Tệp có ${viNumber(problemCount)} lỗi${shownNote}; chưa có dữ liệu nào được lưu. Hãy sửa tệp rồi tải lên lại.`,
      details,
    ),
  rowsNotInInventory: (rowNos: number[]) =>
    badRequest('ROW_NOT_FOUND', `Mục lục không có hồ sơ số TT ${rowNos.slice(0, 20).join(', ')}.`, { rowNos }),
  rowNotInInventory: (rowNo: number) => badRequest('ROW_NOT_FOUND', `Mục lục không có hồ sơ Số TT ${rowNo}.`),
  discrepanciesInvalid: (problems: unknown[]) =>
    badRequest('DISCREPANCIES_INVALID', 'Danh sách chênh lệch không khớp với mục lục; chưa có gì được lưu.', { problems }),
  nothingReceived: () => badRequest('NOTHING_RECEIVED', 'Mọi hồ sơ trong mục lục đều thiếu: không có gì để giao nhận.'),
  amendmentInvalid: (message: string) => badRequest('AMENDMENT_INVALID', message),
  boxNotInHandover: (boxNo: string) => badRequest('BOX_NOT_IN_HANDOVER', `Lần giao nhận này không có hộp số ${boxNo}.`),

  // Reminder letters (công văn đôn đốc)
  reminderNoAgency: () => badRequest('REMINDER_NO_AGENCY', 'Hãy chọn ít nhất một cơ quan, hoặc chọn gửi cho tất cả cơ quan có hồ sơ quá hạn.'),
  reminderAgencyNotFound: (ids: number[]) =>
    badRequest('AGENCY_NOT_FOUND', `Không có cơ quan mã số ${ids.join(', ')} trong danh mục nguồn nộp lưu; chưa gửi công văn nào.`, { agencyIds: ids }),
  reminderNothingOverdue: (names: string[]) =>
    conflict('REMINDER_NOTHING_OVERDUE', `${names.join('; ')}: không có hồ sơ quá hạn nộp lưu nên không cần đôn đốc; chưa gửi công văn nào.`, { agencies: names }),
  reminderNoOverdueAgency: () => conflict('REMINDER_NOTHING_OVERDUE', 'Hiện không có cơ quan nào có hồ sơ quá hạn nộp lưu để đôn đốc.'),
  reminderNumberTaken: (numbers: number[], notation: string) =>
    conflict('REMINDER_NUMBER_TAKEN', `Số ${numbers.map((n) => `${n}/${notation}`).join(', ')} đã được dùng cho công văn khác trong năm.`, { numbers }),
  reminderNumberSet: (reference: string) => conflict('REMINDER_NUMBER_SET', `Công văn đã có số ${reference}; không đổi số khi ghi nhận gửi.`),
  reminderReplyByInvalid: () => badRequest('REMINDER_REPLY_BY_INVALID', 'Hạn báo cáo phải sau ngày ban hành công văn.'),
  reminderDispatchDateInvalid: () => badRequest('REMINDER_DISPATCH_DATE_INVALID', 'Ngày gửi không được trước ngày ban hành công văn hoặc sau hôm nay.'),

  // Stacks
  stacksFull: (boxes: number) =>
    conflict('STACKS_FULL', `Không đủ chỗ trống liên tục trên giá để xếp ${boxes} hộp. Hãy chọn giá khác hoặc bổ sung giá.`),
  stacksCodeTaken: (what: string, code: string) => conflict('STACKS_CODE_TAKEN', `Mã ${what} "${code}" đã tồn tại.`),
  boxTypeIdNotFound: (boxTypeId: number) => badRequest('BOX_TYPE_NOT_FOUND', `Không tìm thấy loại hộp #${boxTypeId}.`),
  boxNoInvalid: () => badRequest('BOX_NO_INVALID', 'Số hộp không được để trống.'),
  boxNoDuplicate: () => badRequest('BOX_NO_DUPLICATE', 'Danh sách số hộp bị trùng.'),
  nothingToPrint: (what: string) => new AppError('NOTHING_TO_PRINT', `Không có ${what} nào để in.`, 404),
  printNotReceived: () =>
    conflict('HANDOVER_NOT_RECEIVED', 'Mục lục kèm vị trí chỉ in được sau khi giao nhận: khi đó hồ sơ mới có mã và chỗ trên giá.'),
  printFontMissing: (file: string) =>
    new AppError('PRINT_FONT_MISSING', `Máy chủ thiếu phông chữ ${file} (gói fonts-dejavu-core) để in PDF tiếng Việt.`, 503),
  boxesAlreadyPlaced: (handoverId: number) => conflict('BOXES_ALREADY_PLACED', `Hộp của lần giao nộp #${handoverId} đã được xếp lên giá.`),
  shelfNotFound: (shelfIds: number[]) => badRequest('SHELF_NOT_FOUND', `Không tìm thấy giá/tầng: ${shelfIds.join(', ')}.`, { shelfIds }),
  shelfCapacityBelowUsed: (capacityM: number, usedM: number) =>
    conflict('SHELF_CAPACITY_BELOW_USED', `Sức chứa mới (${capacityM} m) nhỏ hơn chiều dài hộp đang xếp trên tầng (${usedM} m).`),
};
