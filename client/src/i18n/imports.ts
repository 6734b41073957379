/** The preview step every spreadsheet import goes through when the file was read with warnings. */
import { formatNumber } from '../format.js';
export const imports = {
  importPreview: {
    title: 'Xem trước trước khi nhập',
    intro: 'Tệp đọc được, chưa lưu gì. Hãy xem các cảnh báo dưới đây (ô được chuyển từ bảng mã cũ, cột bị bỏ qua…) rồi xác nhận.',
    warnings: (n: number) => `Cảnh báo (${formatNumber(n)}):`,
    confirm: 'Xác nhận nhập',
    discard: 'Hủy, không nhập',
    discarded: 'Đã hủy, không nhập dòng nào.',
    counts: (c: number, u: number) => `Sẽ nhập: ${formatNumber(c)} mới, ${formatNumber(u)} cập nhật.`,
    agencyCounts: (c: number, u: number, n: number) => `Sẽ nhập: ${formatNumber(c)} mới, ${formatNumber(u)} cập nhật, ${formatNumber(n)} không đổi.`,
    registerCount: (n: number) => `Sẽ nhập ${formatNumber(n)} hồ sơ, thay danh mục trước.`,
  },
};
