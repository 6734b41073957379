/**
 * TT 05/2025 code lists, once for the contract, the mapping and the AIP writer. None is verified against the
 * circular's annex (verified: false travels to the API and the UI), so a corrected list is one edit here.
 */
/** Mức độ tiếp cận — codes and labels unverified. */
export const ACCESS_LEVELS_2025 = { '01': 'Tiếp cận rộng rãi', '02': 'Tiếp cận có điều kiện (hạn chế)', '03': 'Không tiếp cận (tài liệu mật)' } as const;
/** Mức độ tin cậy — the TT 02/2019 ConfidenceLevel codes 01/02 (DOMAIN.md §4.4), unverified for 2025. */
export const CONFIDENCE_LEVELS_2025 = { '01': 'Bản gốc', '02': 'Bản sao' } as const;
/** Chế độ lập tài liệu dự phòng — unverified. */
export const BACKUP_MODES = { '01': 'Không lập', '02': 'Bản sao số', '03': 'Vi phim (microfilm)' } as const;
/** Tình trạng lập tài liệu dự phòng — unverified. */
export const BACKUP_STATUSES = { '01': 'Chưa lập', '02': 'Đã lập', '03': 'Đang lập' } as const;
