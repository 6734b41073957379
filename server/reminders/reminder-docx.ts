/**
 * Công văn đôn đốc giao nộp hồ sơ, tài liệu (reminder letter) as DOCX, in the layout Nghị định 30/2020/NĐ-CP gives a
 * công văn: organ, number and the "V/v" summary on the left under the organ's rule; national heading, motto and
 * place-and-date on the right; "Kính gửi"; the body; "Nơi nhận" beside the signer, kept on the page of the closing
 * line. A batch is one document with one section (new page) per letter, so the clerk prints it in one go.
 * Pure: data in, bytes out.
 */
import { viNumber } from '../core/numbers.js';
import {
  CM, LEFT_COL, RIGHT_COL, documentDate, documentHeading, gridTable, packDocument, para, run, twoColumns,
  type Paragraph, type Table,
} from '../print/admin-docx.js';
import type { LatePlan, ReminderFile } from './reminders.repository.js';

export interface ReminderLetterData {
  centreName: string;
  placeName: string;
  /** "15/TTLT-NV", or "……/TTLT-NV" while the clerk has not assigned the number. */
  reference: string;
  issuedOn: string;
  replyBy: string;
  agencyName: string;
  overdueFiles: number;
  earliestDueYear: number;
  files: ReminderFile[];
  latePlans: LatePlan[];
  /** Rows listed in the letter itself; the rest go to the attached list. */
  maxRows: number;
  signerTitle: string;
}

export const REMINDER_SUBJECT = 'V/v đôn đốc giao nộp hồ sơ, tài liệu vào Lưu trữ lịch sử';

/**
 * Legal basis cited in the letter, by the rule that made the files due (server/deadlines/deposit-deadline.ts).
 * Wording unverified (docs/domain.md §9): the article numbers are the ones the deadline rules rest on; a centre's
 * legal officer should read them before the first letter goes out.
 */
export const REMINDER_LEGAL_BASIS = {
  law2011: 'khoản 1 Điều 21 Luật Lưu trữ số 01/2011/QH13',
  law2024: 'Điều 17 Luật Lưu trữ số 33/2024/QH15',
} as const;

function legalBasis(files: ReminderFile[]): string {
  const cited = [];
  if (files.some((f) => f.dueRule.startsWith('law2011'))) cited.push(REMINDER_LEGAL_BASIS.law2011);
  if (files.some((f) => f.dueRule.startsWith('law2024'))) cited.push(REMINDER_LEGAL_BASIS.law2024);
  return (cited.length ? cited : [REMINDER_LEGAL_BASIS.law2024]).join(' và ');
}

function filesTable(d: ReminderLetterData): (Paragraph | Table)[] {
  const shown = d.files.slice(0, d.maxRows);
  const table = gridTable(
    [
      { header: 'STT', width: Math.round(1.2 * CM), center: true },
      { header: 'Số và ký hiệu hồ sơ', width: Math.round(3.3 * CM), center: true },
      { header: 'Tiêu đề hồ sơ', width: Math.round(7.5 * CM) },
      { header: 'Năm kết thúc', width: 2 * CM, center: true },
      { header: 'Hạn nộp lưu (năm)', width: 2 * CM, center: true },
    ],
    shown.map((f, i) => [String(i + 1), f.fileNotation, f.title, String(f.endYear), String(f.dueYear)]),
  );
  const rest = d.files.length - shown.length;
  return [
    table,
    rest > 0
      ? para([run(`và ${viNumber(rest)} hồ sơ khác (danh sách kèm theo).`, { italics: true })], { indent: true, before: 120 })
      : para('', { after: 0 }),
  ];
}

function planLines(d: ReminderLetterData): Paragraph[] {
  return d.latePlans.map((p) =>
    para(
      `Theo Kế hoạch thu hồ sơ, tài liệu năm ${p.planYear} (Quyết định số ${p.decisionNo}), ${d.agencyName} giao nộp tài liệu ` +
        `trong tháng ${p.scheduledMonth}/${p.planYear} nhưng đến nay chưa hoàn thành.`,
      { indent: true },
    ),
  );
}

/** "Nơi nhận" (12 pt bold italic, then 11 pt) beside the signer; every paragraph keeps with the next. */
function closing(d: ReminderLetterData): Table {
  const small = (text: string) => para([run(text, { size: 22 })], { left: true, after: 0, keepNext: true });
  return twoColumns(
    [LEFT_COL + CM, RIGHT_COL - CM],
    [
      para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], { left: true, after: 0, keepNext: true }),
      small('- Như trên;'),
      small('- Sở Nội vụ (để báo cáo);'),
      small('- Lưu: VT, NV.'),
    ],
    [
      para([run(d.signerTitle.toUpperCase(), { bold: true })], { center: true, after: 1500, keepNext: true }),
      para([run('', { bold: true })], { center: true, keepNext: true }),
    ],
  );
}

export function reminderLetter(d: ReminderLetterData): (Paragraph | Table)[] {
  return [
    documentHeading({ organName: d.centreName, numberLine: `Số: ${d.reference}`, placeName: d.placeName, date: d.issuedOn, subject: REMINDER_SUBJECT }),
    para([run('Kính gửi: ', {}), run(`${d.agencyName}.`, {})], { center: true, before: 240, after: 240 }),
    para(
      `Thực hiện quy định tại ${legalBasis(d.files)} về thời hạn nộp hồ sơ, tài liệu vào Lưu trữ lịch sử, ${d.centreName} ` +
        `đã rà soát hồ sơ, tài liệu thuộc diện nộp lưu của ${d.agencyName}.`,
      { indent: true },
    ),
    para(
      `Đến ${documentDate(d.issuedOn)}, ${d.agencyName} còn ${viNumber(d.overdueFiles)} hồ sơ đã đến hạn nộp lưu nhưng chưa giao nộp ` +
        `(hạn sớm nhất là năm ${d.earliestDueYear}), cụ thể như sau:`,
      { indent: true, keepNext: true },
    ),
    ...filesTable(d),
    ...planLines(d),
    para(
      `${d.centreName} đề nghị ${d.agencyName} khẩn trương chỉnh lý, lập Mục lục hồ sơ, tài liệu nộp lưu và giao nộp vào ` +
        `Lưu trữ lịch sử theo quy định; báo cáo kế hoạch giao nộp về ${d.centreName} trước ${documentDate(d.replyBy)}.`,
      { indent: true },
    ),
    para('Trân trọng./.', { indent: true, after: 240, keepNext: true }),
    closing(d),
  ];
}

/** One letter, or a batch: one section (starting on a new page) per letter. */
export function buildReminderDocx(letters: ReminderLetterData[]): Promise<Buffer> {
  return packDocument({ creator: letters[0]?.centreName ?? '', title: 'Công văn đôn đốc giao nộp hồ sơ, tài liệu' }, letters.map(reminderLetter));
}
