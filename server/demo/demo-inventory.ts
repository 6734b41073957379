/** Realistic Vietnamese deposit inventories (Mục lục hồ sơ nộp lưu) for the demo data, as XLSX or CSV bytes. */
import ExcelJS from 'exceljs';

export const INVENTORY_HEADERS = [
  'Số TT', 'Số và ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian bắt đầu', 'Thời gian kết thúc',
  'Thời hạn bảo quản', 'Số tờ', 'Hộp số', 'Chế độ sử dụng', 'Ghi chú',
];

const TOPICS = [
  'Tập văn bản về công tác tổ chức cán bộ', 'Hồ sơ xây dựng kế hoạch phát triển kinh tế - xã hội', 'Tập báo cáo tổng kết công tác',
  'Hồ sơ quyết toán ngân sách', 'Hồ sơ thi đua - khen thưởng', 'Tập quyết định nâng lương cán bộ, công chức',
  'Hồ sơ hội nghị tổng kết công tác', 'Tập văn bản chỉ đạo về cải cách hành chính', 'Hồ sơ thanh tra, kiểm tra',
  'Hồ sơ giải quyết khiếu nại, tố cáo', 'Tập văn bản về công tác văn thư, lưu trữ', 'Hồ sơ phê duyệt dự án đầu tư xây dựng',
  'Hồ sơ giao đất, cho thuê đất', 'Tập biên bản họp giao ban', 'Hồ sơ xây dựng quy chế làm việc', 'Tập báo cáo thống kê',
  'Hồ sơ tuyển dụng viên chức', 'Hồ sơ thành lập, sáp nhập đơn vị trực thuộc', 'Tập chương trình, kế hoạch công tác',
  'Hồ sơ kỳ họp Hội đồng nhân dân',
];

export interface DemoRow {
  rowNo: number;
  notation: string;
  title: string;
  start: string;
  end: string;
  sheets: number;
  box: number;
  restricted: boolean;
}

/** Deterministic pseudo-random numbers, so the demo is the same on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function demoRows(opts: { files: number; boxes: number; fromYear: number; toYear: number; agencyName: string; seed: number }): DemoRow[] {
  const rand = rng(opts.seed);
  const rows: DemoRow[] = [];
  for (let i = 1; i <= opts.files; i++) {
    const year = opts.fromYear + Math.floor(((i - 1) * (opts.toYear - opts.fromYear + 1)) / opts.files);
    const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
    const m1 = 1 + Math.floor(rand() * 6);
    const m2 = m1 + Math.floor(rand() * 6);
    const d1 = 1 + Math.floor(rand() * 28);
    rows.push({
      rowNo: i,
      notation: `${String(i).padStart(3, '0')}-${year}`,
      title: `${topic} của ${opts.agencyName} năm ${year}`,
      start: `${String(d1).padStart(2, '0')}/${String(m1).padStart(2, '0')}/${year}`,
      // Same month: the closing day must not precede the opening day.
      end: `${String(m2 === m1 ? d1 + Math.floor(rand() * (29 - d1)) : 1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(m2).padStart(2, '0')}/${year}`,
      sheets: 20 + Math.floor(rand() * 180),
      box: 1 + Math.floor(((i - 1) * opts.boxes) / opts.files),
      restricted: rand() < 0.04,
    });
  }
  return rows;
}

function cells(r: DemoRow) {
  return [r.rowNo, r.notation, r.title, r.start, r.end, 'Vĩnh viễn', r.sheets, r.box, r.restricted ? 'Hạn chế' : 'Không hạn chế', ''];
}

export async function inventoryXlsx(rows: DemoRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mục lục');
  ws.addRow(INVENTORY_HEADERS);
  for (const r of rows) ws.addRow(cells(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function inventoryCsv(rows: DemoRow[]): Buffer {
  const esc = (v: unknown) => {
    const s = String(v ?? '');
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [INVENTORY_HEADERS, ...rows.map(cells)].map((l) => l.map(esc).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
