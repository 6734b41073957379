/**
 * Biên bản giao nhận tài liệu (handover record) as DOCX, following the usual form (docs/domain.md §2.4):
 * national heading, place and date, legal basis, both parties, fonds and date span, quantities,
 * inventory copies, physical condition, discrepancies, attachments and two signature blocks.
 * Laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) prescribes for administrative documents, from the shared blocks of
 * server/print/admin-docx.ts. Pure: data in, bytes out.
 */
import { viNumber } from '../core/numbers.js';
import { vnDate } from '../core/time/index.js';
import {
  BLANK, CELL_MARGIN, LEFT_COL, RIGHT_COL, TITLE_RULE, bare, documentDate, documentHeading, packDocument, para, rule, run, twoColumns, type Paragraph, type Table,
} from '../print/admin-docx.js';

export { documentDate, placeNameOf } from '../print/admin-docx.js';

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
  /** Present for a digital deposit (server/deposit): the record becomes a Biên bản thu nộp of the package. */
  digital?: { packageName: string; sha256: string; sizeBytes: number; pdfFiles: number; pages: number; metadataFile: string };
}

/** Luật Lưu trữ 2024 and TT 06/2025/TT-BNV govern handovers from this day. */
export const LAW_2024_HANDOVERS_FROM = '2025-07-01';

const metres = (n: number) => viNumber(n, 2);
/** Counts of copies are written with two digits in records ("02 bản"), whoever typed them. */
const copies = (n: number) => String(n).padStart(2, '0');

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
      `5. Kết quả đối chiếu mục lục với hồ sơ thực tế: theo mục lục ${viNumber(c.filesListed)} hồ sơ; thiếu ${viNumber(c.filesMissing)}; ` +
        `thừa ${viNumber(c.filesExtra)}; hư hỏng ${viNumber(c.filesDamaged)}; thực nhận ${viNumber(c.filesReceived)} hồ sơ.`,
      { indent: true },
    ),
  ];
  const label = { missing: 'Thiếu', extra: 'Thừa', damaged: 'Hư hỏng' } as const;
  for (const x of d.discrepancies.slice(0, 200)) {
    const where = x.rowNo !== null ? `Số TT ${x.rowNo}` : 'ngoài mục lục';
    out.push(para(`- ${label[x.kind]}: ${where}${x.fileNotation ? `, hồ sơ ${x.fileNotation}` : ''}: ${x.description}`, { indent: true }));
  }
  if (d.discrepancies.length > 200) out.push(para(`(Còn ${viNumber(d.discrepancies.length - 200)} mục khác trong danh sách chênh lệch kèm theo.)`, { indent: true }));
  return out;
}

function heading(d: RecordDocData): Table {
  return documentHeading({ organName: d.centreName, numberLine: d.digital ? 'Số: ……/BB-TN' : 'Số: ……/BB-GN', placeName: d.placeName, date: d.date });
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
  const digital = d.digital;
  const title = digital ? 'BIÊN BẢN THU NỘP TÀI LIỆU LƯU TRỮ SỐ' : 'BIÊN BẢN GIAO NHẬN TÀI LIỆU';
  const children = [
    ...(d.draft ? [para([run('DỰ THẢO', { bold: true, size: 32 })], { center: true })] : []),
    heading(d),
    para([run(title, { bold: true })], { center: true, before: 240, after: 0, keepNext: true }),
    para([run(`Về việc giao nộp tài liệu của ${d.agencyName} vào ${d.centreName}`, { bold: true })], { center: true, after: 0, keepNext: true }),
    rule(LEFT_COL + RIGHT_COL + 2 * CELL_MARGIN, TITLE_RULE, 240),
    ...legalBasis(d).map((l) => para([run(l, { italics: true })], { indent: true })),
    para(`Hôm nay, ${documentDate(d.date)}, tại ${d.venue ?? BLANK}, chúng tôi gồm:`, { indent: true }),
    para([run(`BÊN GIAO: ${d.agencyName}`, { bold: true })], { indent: true, keepNext: true }),
    para(`Ông (bà): ${d.delivering.name ?? BLANK}      Chức vụ: ${d.delivering.position ?? BLANK}`, { indent: true }),
    para([run(`BÊN NHẬN: ${d.centreName}`, { bold: true })], { indent: true, keepNext: true }),
    para(`Ông (bà): ${d.receiving.name ?? BLANK}      Chức vụ: ${d.receiving.position ?? BLANK}`, { indent: true }),
    para(`Thống nhất lập biên bản ${digital ? 'thu nộp tài liệu lưu trữ số' : 'giao nhận tài liệu'} với những nội dung sau:`, { indent: true }),
    para(`1. Tên khối tài liệu (phông) giao nộp: ${d.fondsName ?? `Phông lưu trữ ${d.agencyName}`}. Thời gian của tài liệu: ${period}.`, { indent: true }),
    ...(digital
      ? [
        para(
          `2. Số lượng tài liệu: ${viNumber(d.files)} hồ sơ số, ${viNumber(digital.pdfFiles)} tệp PDF/A, ${viNumber(digital.pages)} trang, ` +
            `${viNumber(Math.ceil(digital.sizeBytes / 1024))} KB; gói nộp lưu "${digital.packageName}", mã SHA-256 ${digital.sha256}.`,
          { indent: true },
        ),
        para(`3. Tình trạng tài liệu số: mọi tệp đúng mã SHA-256 trong danh mục của gói và qua tự kiểm tra PDF/A-2b${d.physicalCondition ? `; ${bare(d.physicalCondition)}` : ''}.`, { indent: true }),
        para(`4. Mục lục hồ sơ, tài liệu nộp lưu kèm theo: tệp ${digital.metadataFile} trong gói.`, { indent: true }),
      ]
      : [
        para(
          `2. Số lượng tài liệu: ${viNumber(d.boxes)} hộp (cặp), ${viNumber(d.files)} hồ sơ (${viNumber(d.sheets)} tờ); ` +
            `${measured}; ước tính ${metres(d.estimatedMetres)} mét giá theo số hộp.`,
          { indent: true },
        ),
        para(`3. Tình trạng vật lý của tài liệu giao nộp: ${d.physicalCondition ? bare(d.physicalCondition) : BLANK}.`, { indent: true }),
        para(`4. Mục lục hồ sơ, tài liệu nộp lưu kèm theo: ${copies(d.inventoryCopies)} bản.`, { indent: true }),
      ]),
    ...discrepancyLines(d),
    para(`6. Tài liệu kèm theo khác: ${d.attachments ? bare(d.attachments) : 'không'}.`, { indent: true }),
    para('Biên bản này được lập thành 02 bản, mỗi bên giữ 01 bản và có giá trị như nhau.', { indent: true, after: 240, keepNext: true }),
    signatures(d),
  ];
  return packDocument({ creator: d.centreName, title: digital ? 'Biên bản thu nộp tài liệu lưu trữ số' : 'Biên bản giao nhận tài liệu' }, [children]);
}
