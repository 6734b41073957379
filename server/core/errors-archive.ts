/** Error codes of the digital archive: PDF/A-2b derivatives and AIP packages (server/archive). */
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';

export const ARCHIVE_ERRORS = {
  archiveFileNotFound: (id: number) => new AppError('ARCHIVE_FILE_NOT_FOUND', `Không tìm thấy hồ sơ #${id}.`, 404),
  archiveFondsNotFound: (id: number) => new AppError('ARCHIVE_FONDS_NOT_FOUND', `Không tìm thấy phông #${id}.`, 404),
  documentNotFound: (id: number) => new AppError('ARCHIVE_DOCUMENT_NOT_FOUND', `Không tìm thấy văn bản #${id}.`, 404),
  aipNotFound: (id: number) => new AppError('AIP_NOT_FOUND', `Không tìm thấy gói AIP #${id}.`, 404),
  nothingDigitised: () => unprocessable('AIP_NOTHING_DIGITISED', 'Chưa có trang số hóa nào đã nhận dạng chữ (OCR) để đóng gói AIP.'),
  pagesNotReady: (pending: number) =>
    conflict('AIP_PAGES_NOT_READY', `Còn ${pending} trang chưa xong ảnh xem hoặc nhận dạng chữ (OCR); chưa đóng gói AIP được, vui lòng thử lại sau.`),
  masterNotIntact: (name: string) =>
    conflict('AIP_MASTER_NOT_INTACT', `Bản gốc "${name}" không khớp mã SHA-256 đã ghi khi tải lên; không đóng gói bản hỏng vào AIP.`),
  pdfaSelfCheckFailed: (failed: string[]) =>
    unprocessable('PDFA_SELF_CHECK_FAILED', `Tệp PDF/A-2b không qua tự kiểm tra (${failed.join(', ')}); không đóng gói.`),
  aipNotReady: (status: string) => conflict('AIP_NOT_READY', `Gói AIP chưa sẵn sàng để tải về (trạng thái: ${status}).`),
  aipBadScope: () => badRequest('AIP_BAD_SCOPE', 'Hãy chọn đúng một hồ sơ hoặc một phông để đóng gói AIP.'),
  dipNothingDigitised: () => unprocessable('DIP_NOTHING_DIGITISED', 'Không có trang số hóa nào trong phạm vi được duyệt; không lập được gói DIP (tài liệu giấy nhận bản sao giấy).'),
  dipPagesNotReady: (pending: number) =>
    conflict('DIP_PAGES_NOT_READY', `Còn ${pending} trang chưa xong ảnh xem hoặc nhận dạng chữ (OCR); chưa lập được gói DIP, vui lòng thử lại sau.`),
};
