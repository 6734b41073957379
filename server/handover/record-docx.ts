/**
 * Biên bản giao nhận tài liệu (handover record) as DOCX, following the usual form (docs/domain.md §2.4):
 * national heading, place and date, legal basis, both parties, fonds and date span, quantities,
 * inventory copies, physical condition, discrepancies, attachments and two signature blocks.
 * Laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) prescribes for administrative documents: A4, Times New Roman,
 * margins 20/20/30/20 mm, the organ's name over a 6 cm column at the top left and the national heading over 10 cm at
 * the top right, each with its rule beneath, the place and date in italics under the motto.
 * Pure: data in, bytes out; the only module that imports "docx".
 */
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { vnDate } from '../core/time/index.js';

export interface RecordDocData {
  draft: boolean;
  centreName: string;
  agencyName: string;
  /** Địa danh of the date line: the province (or city) the centre stands in, e.g. "Hưng Yên". */
  placeName: string;
  /** Where the handover took place ("tại …"), e.g. the centre's reading room; null = left blank to fill in. */
  venue: string | null;
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
const SIZE = 28; // half-points: 14 pt body, as most Vietnamese administrative documents (13–14 allowed)
const BLANK = '…………………………';
const CM = 567; // twips

// Widths in twips. The text area is 21 − 3 − 2 = 16 cm: 6 cm for the organ, 10 cm for the national heading, whose
// 12 pt bold line measures 8.8 cm in Times New Roman / Liberation Serif and so stays on one line with the cell margins.
const LEFT_COL = 6 * CM;
const RIGHT_COL = 10 * CM;
const CELL_MARGIN = 108; // Word's default left and right cell margin
// Rules: as long as the motto (13 pt bold: 5.6 cm); a third to a half of the organ's line; the same under the title.
const MOTTO_RULE = 5.6 * CM;
const ORGAN_RULE = 2.2 * CM;
const TITLE_RULE = 3 * CM;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };
const run = (text: string, o: RunStyle = {}) => new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

interface ParaOptions { center?: boolean; after?: number; before?: number; indent?: boolean; keepNext?: boolean }
const para = (children: TextRun[] | string, o: ParaOptions = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 240 },
    indent: o.indent ? { firstLine: CM } : undefined,
    keepNext: o.keepNext,
    keepLines: true,
    children: typeof children === 'string' ? [run(children)] : children,
  });

/** A centred horizontal rule `length` twips long in a column `width` twips wide: an empty paragraph's top border. */
const rule = (width: number, length: number, after = 120) => {
  const side = Math.max(0, Math.round((width - 2 * CELL_MARGIN - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after, line: 240 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Two borderless fixed-width columns on one row that never splits over a page. */
function twoColumns(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  const cell = (w: number, children: Paragraph[]) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] })],
  });
}

const num = (n: number) => n.toLocaleString('vi-VN');
const metres = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
/** Counts of copies are written with two digits in records ("02 bản"), whoever typed them. */
const copies = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 02 năm 2026": Nghị định 30 writes days below 10 and the months 1 and 2 with a leading zero. */
export function documentDate(day: string): string {
  const d = Number(day.slice(8, 10));
  const m = Number(day.slice(5, 7));
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${day.slice(0, 4)}`;
}

/**
 * The địa danh of a centre's documents from its name (Nghị định 30, Phụ lục I): the province ("… tỉnh Hưng Yên" →
 * "Hưng Yên"); a centrally-run city keeps its name as written ("Hà Nội", "Thành phố Hồ Chí Minh").
 */
export function placeNameOf(centreName: string): string {
  const m = /(?:^|\s)(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(centreName.trim());
  if (!m) return centreName.trim();
  return /^hồ chí minh$/iu.test(m[2]) ? `Thành phố ${m[2]}` : m[2];
}

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

function heading(d: RecordDocData): Table {
  return twoColumns(
    [LEFT_COL, RIGHT_COL],
    [
      para([run(d.centreName.toUpperCase(), { bold: true, size: 24 })], { center: true, after: 0 }),
      rule(LEFT_COL, ORGAN_RULE),
      para([run('Số: ……/BB-GN', { size: 26 })], { center: true }),
    ],
    [
      para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], { center: true, after: 0 }),
      para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })], { center: true, after: 0 }),
      rule(RIGHT_COL, MOTTO_RULE),
      para([run(`${d.placeName}, ${documentDate(d.date)}`, { italics: true })], { center: true }),
    ],
  );
}

/** Both signatures; every paragraph keeps with the next so the block stays with the closing line above it. */
function signatures(d: RecordDocData): Table {
  const sign = (side: string, name: string | null) => [
    para([run(side, { bold: true })], { center: true, after: 0, keepNext: true }),
    para([run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true })], { center: true, after: 1200, keepNext: true }),
    para([run(name ?? '', { bold: true })], { center: true, keepNext: true }),
  ];
  const half = (LEFT_COL + RIGHT_COL) / 2;
  return twoColumns([half, half], sign('ĐẠI DIỆN BÊN GIAO', d.delivering.name), sign('ĐẠI DIỆN BÊN NHẬN', d.receiving.name));
}

export async function buildRecordDocx(d: RecordDocData): Promise<Buffer> {
  const period = d.fromYear === null ? BLANK : d.fromYear === d.toYear ? `năm ${d.fromYear}` : `${d.fromYear} - ${d.toYear}`;
  const measured = d.measuredMetres !== null ? `${metres(d.measuredMetres)} mét giá (đo thực tế)` : 'chưa đo thực tế';
  const children = [
    ...(d.draft ? [para([run('DỰ THẢO', { bold: true, size: 32 })], { center: true })] : []),
    heading(d),
    para([run('BIÊN BẢN GIAO NHẬN TÀI LIỆU', { bold: true })], { center: true, before: 240, after: 0, keepNext: true }),
    para([run(`Về việc giao nộp tài liệu của ${d.agencyName} vào ${d.centreName}`, { bold: true })], { center: true, after: 0, keepNext: true }),
    rule(LEFT_COL + RIGHT_COL + 2 * CELL_MARGIN, TITLE_RULE, 240),
    ...legalBasis(d).map((l) => para([run(l, { italics: true })], { indent: true })),
    para(`Hôm nay, ${documentDate(d.date)}, tại ${d.venue ?? BLANK}, chúng tôi gồm:`, { indent: true }),
    para([run(`BÊN GIAO: ${d.agencyName}`, { bold: true })], { indent: true, keepNext: true }),
    para(`Ông (bà): ${d.delivering.name ?? BLANK}      Chức vụ: ${d.delivering.position ?? BLANK}`, { indent: true }),
    para([run(`BÊN NHẬN: ${d.centreName}`, { bold: true })], { indent: true, keepNext: true }),
    para(`Ông (bà): ${d.receiving.name ?? BLANK}      Chức vụ: ${d.receiving.position ?? BLANK}`, { indent: true }),
    para('Thống nhất lập biên bản giao nhận tài liệu với những nội dung sau:', { indent: true }),
    para(`1. Tên khối tài liệu (phông) giao nộp: ${d.fondsName ?? `Phông lưu trữ ${d.agencyName}`}. Thời gian của tài liệu: ${period}.`, { indent: true }),
    para(
      `2. Số lượng tài liệu: ${num(d.boxes)} hộp (cặp), ${num(d.files)} hồ sơ (${num(d.sheets)} tờ); ` +
        `${measured}; ước tính ${metres(d.estimatedMetres)} mét giá theo số hộp.`,
      { indent: true },
    ),
    para(`3. Tình trạng vật lý của tài liệu giao nộp: ${d.physicalCondition ? bare(d.physicalCondition) : BLANK}.`, { indent: true }),
    para(`4. Mục lục hồ sơ, tài liệu nộp lưu kèm theo: ${copies(d.inventoryCopies)} bản.`, { indent: true }),
    ...discrepancyLines(d),
    para(`6. Tài liệu kèm theo khác: ${d.attachments ? bare(d.attachments) : 'không'}.`, { indent: true }),
    para('Biên bản này được lập thành 02 bản, mỗi bên giữ 01 bản và có giá trị như nhau.', { indent: true, after: 240, keepNext: true }),
    signatures(d),
  ];
  const doc = new Document({
    creator: d.centreName,
    title: 'Biên bản giao nhận tài liệu',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
