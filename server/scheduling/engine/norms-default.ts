/**
 * Default norm table (version NORMS_DEFAULT_VERSION). TT 16/2023/TT-BNV sets 21 processing steps in minutes per shelf
 * metre at "hệ số 1"; only step 15 (boxing, 40 min/m, lưu trữ viên trung cấp) was confirmed (docs/domain.md §5). Every other
 * figure is a plausible, editable default and carries verified:false so the UI can label it "chưa xác minh".
 * Restoration is per page by damage level and digitisation per page; no norm circular was found, so all unverified.
 *
 * Grades (StaffMember.grade, StepNorm.minGrade): 1 lưu trữ viên trung cấp, 2 lưu trữ viên, 3 lưu trữ viên chính,
 * 4 lưu trữ viên cao cấp.
 */
import type { Skill, StepNorm } from './types.js';

export const NORMS_DEFAULT_VERSION = 'tt16-2023-mac-dinh-v1';

export const STAFF_GRADES: { grade: number; name: string }[] = [
  { grade: 1, name: 'Lưu trữ viên trung cấp' },
  { grade: 2, name: 'Lưu trữ viên' },
  { grade: 3, name: 'Lưu trữ viên chính' },
  { grade: 4, name: 'Lưu trữ viên cao cấp' },
];

export interface DefaultNorm extends StepNorm {
  /** Vietnamese step name as shown to staff. */
  name: string;
  /** 'm' = shelf metre (mét giá), 'page' = trang. */
  unit: 'm' | 'page';
  /** Order within its process (processing steps 1–21). */
  order: number;
  verified: boolean;
  /** Where a verified figure comes from. */
  source?: string;
}

const p = (order: number, name: string, minutesPerUnit: number, minGrade: number, extra: Partial<DefaultNorm> = {}): DefaultNorm => ({
  stepId: `p${String(order).padStart(2, '0')}`, skill: 'processing' as Skill, unit: 'm', order, name, minutesPerUnit, minGrade, verified: false, ...extra,
});

export const PROCESSING_NORMS: DefaultNorm[] = [
  p(1, 'Giao nhận tài liệu và lập biên bản giao nhận', 20, 2),
  p(2, 'Vận chuyển tài liệu đến nơi chỉnh lý (khoảng 100 m)', 60, 1),
  p(3, 'Vệ sinh sơ bộ tài liệu', 240, 1),
  p(4, 'Khảo sát, lập kế hoạch; viết lịch sử đơn vị hình thành phông và lịch sử phông; hướng dẫn phân loại, lập hồ sơ, xác định giá trị', 600, 3),
  p(5, 'Phân loại tài liệu', 1800, 2),
  p(6, 'Lập hồ sơ hoặc chỉnh sửa hồ sơ; xác định thời hạn bảo quản; lý do loại hủy', 3600, 2),
  p(7, 'Lập phiếu tin', 1800, 2),
  p(8, 'Kiểm tra, chỉnh sửa hồ sơ và phiếu tin', 300, 3),
  p(9, 'Hệ thống hóa phiếu tin', 240, 2),
  p(10, 'Đánh số tờ', 600, 1),
  p(11, 'Viết mục lục văn bản', 1200, 1),
  p(12, 'Viết chứng từ kết thúc', 120, 1),
  p(13, 'Viết bìa hồ sơ', 360, 1),
  p(14, 'Đánh số chính thức cho hồ sơ', 240, 1),
  p(15, 'Vệ sinh tài liệu, tháo bỏ ghim kẹp, làm phẳng và đưa tài liệu vào bìa hồ sơ; xếp hồ sơ vào hộp', 40, 1, {
    verified: true, source: 'TT 16/2023/TT-BNV, bước 15: 40 phút/mét, lưu trữ viên trung cấp bậc 1/12 (luu-tru.vn)',
  }),
  p(16, 'Viết và dán nhãn hộp', 60, 1),
  p(17, 'Vận chuyển tài liệu vào kho và xếp lên giá', 30, 1),
  p(18, 'Giao nhận tài liệu sau chỉnh lý', 60, 2),
  p(19, 'Nhập phiếu tin vào cơ sở dữ liệu', 900, 1),
  p(20, 'Lập mục lục hồ sơ', 300, 2),
  p(21, 'Xử lý tài liệu loại; viết báo cáo tổng kết, kết thúc chỉnh lý', 300, 2),
];

export const RESTORATION_NORMS: DefaultNorm[] = [
  { stepId: 'r1', skill: 'restoration', unit: 'page', order: 1, name: 'Tu bổ trang hư hỏng nhẹ (rách mép, ố nhẹ)', minutesPerUnit: 6, minGrade: 1, verified: false },
  { stepId: 'r2', skill: 'restoration', unit: 'page', order: 2, name: 'Tu bổ trang hư hỏng vừa (nấm mốc, rách nhiều)', minutesPerUnit: 15, minGrade: 2, verified: false },
  { stepId: 'r3', skill: 'restoration', unit: 'page', order: 3, name: 'Phục chế trang hư hỏng nặng (bết dính, mủn)', minutesPerUnit: 40, minGrade: 2, verified: false },
];

export const DIGITIZATION_NORMS: DefaultNorm[] = [
  { stepId: 'd1', skill: 'digitization', unit: 'page', order: 1, name: 'Số hóa trang tài liệu (chuẩn bị, quét, kiểm tra ảnh, nhập dữ liệu đặc tả)', minutesPerUnit: 2, minGrade: 1, verified: false },
];

export const DEFAULT_NORMS: DefaultNorm[] = [...PROCESSING_NORMS, ...RESTORATION_NORMS, ...DIGITIZATION_NORMS];

/** Restoration step for a damage level 1 (light) … 3 (heavy). */
export function restorationStepFor(level: 1 | 2 | 3): string {
  return `r${level}`;
}
