/**
 * Error codes of the digital deposit (SIP in, server/deposit). A package is checked as a whole and refused once,
 * with every problem found: each problem carries its own stable code (DEPOSIT_PROBLEM below) and names the file and
 * field it is about, so the agency fixes the package in one pass.
 */
import { AppError, badRequest, conflict, unprocessable } from './app-error.js';
import { viNumber } from './numbers.js';

/** One thing wrong with a package: the entry (or null = the package itself), the field, a stable code, Vietnamese text. */
export interface DepositProblem {
  file: string | null;
  field: string | null;
  code: string;
  message: string;
}

/** Every problem code a refused package can carry. */
export const DEPOSIT_PROBLEM = {
  notZip: 'SIP_NOT_ZIP',
  tooManyEntries: 'SIP_TOO_MANY_ENTRIES',
  uncompressedTooLarge: 'SIP_UNCOMPRESSED_TOO_LARGE',
  ratioTooHigh: 'SIP_ZIP_BOMB',
  pathUnsafe: 'SIP_PATH_UNSAFE',
  nameDuplicate: 'SIP_NAME_DUPLICATE',
  nameNotUtf8: 'SIP_NAME_NOT_UTF8',
  entryEncrypted: 'SIP_ENTRY_ENCRYPTED',
  entryUnreadable: 'SIP_ENTRY_UNREADABLE',
  manifestMissing: 'SIP_MANIFEST_MISSING',
  manifestLine: 'SIP_MANIFEST_LINE_INVALID',
  fileMissing: 'SIP_FILE_MISSING',
  fileUnlisted: 'SIP_FILE_UNLISTED',
  checksumMismatch: 'SIP_CHECKSUM_MISMATCH',
  metadataMissing: 'SIP_METADATA_MISSING',
  metadataInvalid: 'SIP_METADATA_INVALID',
  notPdf: 'SIP_NOT_PDF',
  notPdfa: 'SIP_NOT_PDFA',
  pdfaCheckFailed: 'SIP_PDFA_CHECK_FAILED',
  tooManyPages: 'SIP_PDF_TOO_MANY_PAGES',
  retentionNotPermanent: 'SIP_RETENTION_NOT_PERMANENT',
  secretMark: 'SIP_SECRET_MARK',
  rowWithoutPdf: 'SIP_ROW_WITHOUT_PDF',
  pdfWithoutRow: 'SIP_PDF_WITHOUT_ROW',
} as const;

export const DEPOSIT_ERRORS = {
  depositRejected: (problems: DepositProblem[]) =>
    unprocessable('DEPOSIT_REJECTED',
      `Gói nộp lưu không được nhận: có ${viNumber(problems.length)} lỗi (xem danh sách theo tệp và trường). Không có gì được lưu; hãy sửa gói rồi nộp lại.`,
      { problems }),
  depositAgencyRequired: () =>
    badRequest('DEPOSIT_AGENCY_REQUIRED', 'Cán bộ lưu trữ nộp thay cơ quan phải chọn cơ quan (agencyId).'),
  depositNoFonds: () =>
    unprocessable('DEPOSIT_NO_FONDS',
      'Cơ quan chưa có phông lưu trữ nào nên chưa nhận được tài liệu số: hãy tạo phông cho cơ quan (hoặc chọn phông) rồi nộp lại. Không có gì được lưu.'),
  /** A deposited package is fixed: its PDFs are bound to these inventory rows, so changes come as a new package. */
  depositHandoverFixed: (verb: string) =>
    conflict('DEPOSIT_HANDOVER_FIXED',
      `Không thể ${verb} hồ sơ giao nhận tài liệu số: mục lục và các tệp PDF/A đi cùng gói đã nộp. Muốn sửa, cơ quan phải nộp một gói mới (thành hồ sơ giao nhận mới).`),
  depositNotFound: (id: number) => new AppError('DEPOSIT_NOT_FOUND', `Không tìm thấy gói nộp lưu #${id}.`, 404),
  depositStoreFailed: (cause: unknown) =>
    new AppError('DEPOSIT_STORE_FAILED', 'Không lưu được gói nộp lưu do lỗi hệ thống (kho đối tượng hoặc cơ sở dữ liệu); không có gì được lưu. Vui lòng thử lại.', 503, undefined, { cause }),
};
