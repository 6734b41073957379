/** Deposit deadlines and the overdue list. */
import { formatNumber } from '../format.js';
export const deadlines = {
  dueStatus: {
    overdue: 'Quá hạn',
    due_this_year: 'Đến hạn năm nay',
    due_next_year: 'Đến hạn năm sau',
    later: 'Chưa đến hạn',
    pending_declassification: 'Chờ giải mật',
    deposited: 'Đã nộp lưu',
  } as Record<string, string>,

  dueRules: {
    law2011_art21: 'Luật Lưu trữ 2011, Điều 21: năm kết thúc + 10',
    law2024_art17: 'Luật Lưu trữ 2024, Điều 17: năm nộp lưu trữ hiện hành + 5',
    law2024_art17_estimated: 'Luật Lưu trữ 2024, Điều 17: ước tính (năm kết thúc + 1) + 5',
    law2024_art17_special: 'Luật Lưu trữ 2024, Điều 17: thời hạn theo luật chuyên ngành',
    secret_pending: 'Tài liệu mật: chỉ nộp lưu sau khi giải mật',
  } as Record<string, string>,

  deadlines: {
    title: (name: string) => `Hạn nộp lưu — ${name}`,
    currentYear: (y: number) => `Năm hiện tại: ${y}`,
    rule: 'Quy tắc chuyển tiếp',
    rules: {
      law2011: 'Theo luật có hiệu lực khi kết thúc công việc (mặc định)',
      law2024: 'Luật Lưu trữ 2024 cho mọi hồ sơ',
      earlier: 'Hạn sớm hơn trong hai luật',
      later: 'Hạn muộn hơn trong hai luật',
    } as Record<string, string>,
    overdue: 'Quá hạn',
    earliest: (y: number) => `sớm nhất từ năm ${y}`,
    dueThisYear: 'Đến hạn năm nay',
    dueNextYear: 'Đến hạn năm sau',
    later: 'Chưa đến hạn',
    pending: 'Chờ giải mật',
    deposited: 'Đã nộp lưu',
    byYear: 'Số hồ sơ theo năm đến hạn',
    dueYear: 'Năm đến hạn',
    upcoming: 'Sắp đến hạn (năm nay và năm sau)',
    overdueFiles: 'Hồ sơ quá hạn',
    fileNotation: 'Số và ký hiệu',
    fileTitle: 'Tiêu đề hồ sơ',
    endYear: 'Năm kết thúc',
    ruleApplied: 'Căn cứ',
    noFiles: 'Không có hồ sơ.',
    listTitle: (title: string, total: number) => `${title} (${formatNumber(total)})`,
    xlsx: 'Tải toàn bộ danh sách (Excel)',
  },

  overdue: {
    title: 'Cơ quan quá hạn nộp lưu',
    overdueFiles: 'Hồ sơ quá hạn',
    earliestDueYear: 'Năm đến hạn sớm nhất',
    yearsOverdue: 'Số năm quá hạn',
    dueThisYear: 'Đến hạn năm nay',
    xlsx: 'Tải bảng Excel',
    none: 'Không có cơ quan nào quá hạn.',
  },
};
