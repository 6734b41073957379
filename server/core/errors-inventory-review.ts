/** Refusals of "Số hóa mục lục", the review and import of scanned inventory rows (server/digitization/inventory-review*.ts). */
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';
import { viNumber } from './numbers.js';

export const INVENTORY_REVIEW_ERRORS = {
  inventoryReviewNotFound: () => new AppError('INVENTORY_REVIEW_NOT_FOUND', 'Hồ sơ chưa có bản duyệt mục lục; hãy trích dòng mục lục từ các trang trước.', 404),
  inventoryReviewNoPages: () => badRequest('INVENTORY_REVIEW_NO_PAGES', 'Không có trang nào trong khoảng trang đã chọn.'),
  inventoryReviewOcrPending: (seqs: number[]) =>
    conflict('INVENTORY_REVIEW_OCR_PENDING', `Trang ${seqs.join(', ')} chưa nhận dạng xong (OCR); hãy chờ rồi trích lại.`),
  inventoryReviewNoTable: () =>
    unprocessable('INVENTORY_REVIEW_NO_TABLE', 'Không tìm thấy bảng mục lục có dòng tiêu đề (Số TT, Tiêu đề hồ sơ, Số tờ…) trên các trang đã chọn.'),
  inventoryReviewRowUnknown: (n: number) => badRequest('INVENTORY_REVIEW_ROW_UNKNOWN', `Bản duyệt không có dòng ${n}.`),
  inventoryReviewColumnUnknown: (f: string) => badRequest('INVENTORY_REVIEW_COLUMN_UNKNOWN', `Bản duyệt không có cột "${f}".`),
  inventoryReviewUnseen: (n: number) =>
    conflict('INVENTORY_REVIEW_UNSEEN', `Còn ${n} dòng chưa được đánh dấu đã xem; chỉ nhập khi mọi dòng đã được cán bộ đối chiếu với ảnh.`),
  /** The import's own refusal (same code and details as an uploaded inventory), worded for a draft rather than a file. */
  inventoryReviewInvalid: (details: { problems: unknown[]; warnings: unknown[]; problemCount: number }) =>
    unprocessable(
      'INVENTORY_INVALID',
      `Bản mục lục có ${viNumber(details.problemCount)} lỗi; chưa có dữ liệu nào được lưu. Hãy sửa các ô được nêu rồi nhập lại.`,
      details,
    ),
  inventoryReviewNoFonds: () =>
    unprocessable('INVENTORY_REVIEW_NO_FONDS', 'Hồ sơ mục lục đã quét chưa thuộc phông nào, nên không biết nhập các dòng vào phông nào; hãy gắn hồ sơ vào phông trước.'),
  inventoryReviewImportedInUse: (files: { rowNo: number | null; fileNotation: string }[]) =>
    conflict(
      'INVENTORY_REVIEW_IMPORTED_IN_USE',
      `${files.length} hồ sơ đã nhập từ bản duyệt này đang được sử dụng (đã số hóa, có yêu cầu, đã xếp hộp lên giá…): ` +
        `${files.slice(0, 5).map((f) => `"${f.fileNotation}"`).join(', ')}${files.length > 5 ? '…' : ''}; không thể thay, chưa có gì thay đổi.`,
      { files },
    ),
};
