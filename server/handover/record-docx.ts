/**
 * Biên bản giao nhận tài liệu (handover record) as DOCX, following the usual form (docs/domain.md §2.4):
 * national heading, place and date, legal basis, both parties, fonds and date span, quantities,
 * inventory copies, physical condition, discrepancies, attachments and two signature blocks.
 * Pure: data in, bytes out; the only module that imports "docx".
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { vnDate, vnLongDate } from '../core/time/index.js';

export interface RecordDocData {
  draft: boolean;
  centreName: string;
  agencyName: string;
  place: string | null;
  /** YYYY-MM-DD: the handover date, or today for a draft. */
  date: string;
  legalBasis: string | null;
  plan: { decisionNo: string; decisionDate: string; issuer: string; handoverPlanNo: string | null; handoverPlanDate: string | null } | null;
  approvalDecision: string | null;
  delivering: { name: string | null; position: string | null };
  receiving: { name: string | null; position: string | null };
  fondsName: string | null;
  fromYear: number | null;
  toYear: number | null;
  boxes: number;
  files: number;
  sheets: number;
  measuredMetres: number | null;
  estimatedMetres: number;
  inventoryCopies: number;
  physicalCondition: string | null;
  attachments: string | null;
  counts: { filesListed: number; filesMissing: number; filesExtra: number; filesDamaged: number; filesReceived: number } | null;
  discrepancies: { kind: 'missing' | 'extra' | 'damaged'; rowNo: number | null; fileNotation: string | null; description: string }[];
}

/** Luật Lưu trữ 2024 and TT 06/2025/TT-BNV govern handovers from this day. */
export const LAW_2024_HANDOVERS_FROM = '2025-07-01';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the size of Vietnamese administrative documents
const BLANK = '…………………………';

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

const para = (children: TextRun[] | string, o: { center?: boolean; after?: number; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 80 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: typeof children === 'string' ? [run(children)] : children,
  });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [cell(left), cell(right)] })] });
}

const num = (n: number) => n.toLocaleString('vi-VN');
const metres = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Staff type free text with or without a final full stop; the record adds its own punctuation. */
const bare = (s: string) => s.trim().replace(/[.;:,\s]+$/u, '');

function legalBasis(d: RecordDocData): string[] {
  const lines =
    d.date >= LAW_2024_HANDOVERS_FROM
      ? ['Căn cứ Luật Lưu trữ số 33/2024/QH15;', 'Căn cứ Thông tư số 06/2025/TT-BNV của Bộ trưởng Bộ Nội vụ quy định về giao nhận, sử dụng, sao tài liệu lưu trữ và hủy tài liệu hết giá trị;']
      : ['Căn cứ Luật Lưu trữ số 01/2011/QH13;', 'Căn cứ Thông tư số 16/2014/TT-BNV của Bộ trưởng Bộ Nội vụ hướng dẫn giao, nhận tài liệu lưu trữ vào Lưu trữ lịch sử các cấp;'];
  if (d.plan) {
    lines.push(`Căn cứ Quyết định số ${d.plan.decisionNo} ngày ${vnDate(d.plan.decisionDate)} của ${d.plan.issuer} về việc thu hồ sơ, tài liệu vào Lưu trữ lịch sử;`);
    if (d.plan.handoverPlanNo) {
      lines.push(`Căn cứ Kế hoạch giao nhận số ${d.plan.handoverPlanNo}${d.plan.handoverPlanDate ? ` ngày ${vnDate(d.plan.handoverPlanDate)}` : ''};`);
    }
  }
  for (const l of (d.legalBasis ?? '').split(/\r?\n/).map(bare).filter(Boolean)) lines.push(/^căn cứ/iu.test(l) ? `${l};` : `Căn cứ ${l};`);
  if (d.approvalDecision) lines.push(`Căn cứ ${d.approvalDecision} phê duyệt Danh mục hồ sơ, tài liệu nộp lưu;`);
  return lines;
}

function discrepancyLines(d: RecordDocData): Paragraph[] {
  if (!d.counts) return [para('5. Kết quả đối chiếu mục lục với hồ sơ thực tế: chưa giao nhận.', { indent: true })];
  const c = d.counts;
  const out = [
    para(
      `5. Kết quả đối chiếu mục lục với hồ sơ thực tế: theo mục lục ${num(c.filesListed)} hồ sơ; thiếu ${num(c.filesMissing)}; ` +
        `thừa ${num(c.filesExtra)}; hư hỏng ${num(c.filesDamaged)}; thực nhận ${num(c.filesReceived)} hồ sơ.`,
      { indent: true },
    ),
  ];
  const label = { missing: 'Thiếu', extra: 'Thừa', damaged: 'Hư hỏng' } as const;
  for (const x of d.discrepancies.slice(0, 200)) {
    const where = x.rowNo !== null ? `Số TT ${x.rowNo}` : 'ngoài mục lục';
    out.push(para(`- ${label[x.kind]}: ${where}${x.fileNotation ? `, hồ sơ ${x.fileNotation}` : ''}: ${x.description}`, { indent: true }));
  }
  if (d.discrepancies.length > 200) out.push(para(`(Còn ${num(d.discrepancies.length - 200)} mục khác trong danh sách chênh lệch kèm theo.)`, { indent: true }));
  return out;
}

export async function buildRecordDocx(d: RecordDocData): Promise<Buffer> {
  const heading = twoColumns(
    [para([run(d.centreName.toUpperCase(), { bold: true, size: 24 })], { center: true }), para([run('Số: ……/BB-GN', { size: 24 })], { center: true })],
    [
      para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], { center: true, after: 0 }),
      para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], { center: true }),
      para([run(`${d.place ?? BLANK}, ${vnLongDate(d.date)}`, { italics: true })], { center: true }),
    ],
  );
  const sign = (side: string, name: string | null) => [
    para([run(side, { bold: true })], { center: true, after: 0 }),
    para([run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true })], { center: true, after: 1400 }),
    para([run(name ?? '', { bold: true })], { center: true }),
  ];
  const period = d.fromYear === null ? BLANK : d.fromYear === d.toYear ? `năm ${d.fromYear}` : `${d.fromYear} - ${d.toYear}`;
  const measured = d.measuredMetres !== null ? `${metres(d.measuredMetres)} mét giá (đo thực tế)` : 'chưa đo thực tế';
  const children = [
    ...(d.draft ? [para([run('DỰ THẢO', { bold: true, size: 32 })], { center: true })] : []),
    heading,
    para([run('BIÊN BẢN GIAO NHẬN TÀI LIỆU', { bold: true, size: 28 })], { center: true, after: 0 }),
    para([run(`Về việc giao nộp tài liệu của ${d.agencyName} vào ${d.centreName}`, { bold: true })], { center: true, after: 240 }),
    ...legalBasis(d).map((l) => para([run(l, { italics: true })], { indent: true })),
    para(`Hôm nay, ${vnLongDate(d.date)}, tại ${d.place ?? BLANK}, chúng tôi gồm:`, { indent: true }),
    para([run(`BÊN GIAO: ${d.agencyName}`, { bold: true })], { indent: true }),
    para(`Ông (bà): ${d.delivering.name ?? BLANK}      Chức vụ: ${d.delivering.position ?? BLANK}`, { indent: true }),
    para([run(`BÊN NHẬN: ${d.centreName}`, { bold: true })], { indent: true }),
    para(`Ông (bà): ${d.receiving.name ?? BLANK}      Chức vụ: ${d.receiving.position ?? BLANK}`, { indent: true }),
    para('Thống nhất lập biên bản giao nhận tài liệu với những nội dung sau:', { indent: true }),
    para(`1. Tên khối tài liệu (phông) giao nộp: ${d.fondsName ?? `Phông lưu trữ ${d.agencyName}`}. Thời gian của tài liệu: ${period}.`, { indent: true }),
    para(
      `2. Số lượng tài liệu: ${num(d.boxes)} hộp (cặp), ${num(d.files)} hồ sơ (${num(d.sheets)} tờ); ` +
        `${measured}; ước tính ${metres(d.estimatedMetres)} mét giá theo số hộp.`,
      { indent: true },
    ),
    para(`3. Tình trạng vật lý của tài liệu giao nộp: ${d.physicalCondition ? bare(d.physicalCondition) : BLANK}.`, { indent: true }),
    para(`4. Mục lục hồ sơ, tài liệu nộp lưu kèm theo: ${d.inventoryCopies} bản.`, { indent: true }),
    ...discrepancyLines(d),
    para(`6. Tài liệu kèm theo khác: ${d.attachments ? bare(d.attachments) : 'không'}.`, { indent: true }),
    para('Biên bản này được lập thành 02 bản, mỗi bên giữ 01 bản và có giá trị như nhau.', { indent: true, after: 240 }),
    twoColumns(sign('ĐẠI DIỆN BÊN GIAO', d.delivering.name), sign('ĐẠI DIỆN BÊN NHẬN', d.receiving.name)),
  ];
  const doc = new Document({
    creator: d.centreName,
    title: 'Biên bản giao nhận tài liệu',
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
