/**
 * Field parsers for the Nghị định 30/2020 first page, working on OCR lines of one block at a time (the header's left
 * block, its right block, the zone under it). Pure functions: tested without OCR on the lines tesseract printed,
 * with the misreadings seen on the fixtures (ngảy for ngày, Ð for Đ, spaces around the slash).
 */
import type { Box, ProposedValue } from './types.js';

export interface TextLine {
  text: string;
  box: Box;
  /** Confidence 0–100 of the line's weakest word. */
  conf: number;
}

/** NFC, whitespace folded, Ð/ð (eth) → Đ/đ: what "exactly right" is compared on. */
export function fold(s: string): string {
  return s.normalize('NFC').replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111').replace(/\s+/g, ' ').trim();
}

/** Specks and the page edge read as "|", "'" or "_" at either end of a line are not text. */
export function trimNoise(s: string): string {
  const words = fold(s).split(' ');
  const noise = (w: string) => !/[\p{L}\p{N}]/u.test(w);
  while (words.length && noise(words[0])) words.shift();
  while (words.length && noise(words[words.length - 1])) words.pop();
  return words.join(' ');
}

const NONE: ProposedValue = { value: null, box: null, confidence: 0 };

export function union(boxes: Box[]): Box | null {
  if (!boxes.length) return null;
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}

function valueOf(value: string | null, lines: TextLine[], penalty = 0): ProposedValue {
  if (!value) return NONE;
  const conf = lines.length ? Math.min(...lines.map((l) => l.conf)) : 0;
  return { value, box: union(lines.map((l) => l.box)), confidence: Math.max(0, Math.round(conf - penalty)) };
}

// "Số:" read as Sô, Sỗ, S6; the colon as ; or . or lost. The notation: capitals, digits, hyphens (đ in lower case too).
const NUMBER_LINE = /^\s*S\S{0,2}\s*[:;.,]?\s*(\d{1,11})\s*\/\s*([\p{L}\d.\-–]+(?:\s*-\s*[\p{L}\d.]+)*)/u;

export function isNumberLine(text: string): boolean {
  return NUMBER_LINE.test(fold(text));
}

export function parseNumberLine(line: TextLine | undefined): { codeNumber: ProposedValue; codeNotation: ProposedValue } {
  const m = line && NUMBER_LINE.exec(fold(line.text));
  if (!line || !m) return { codeNumber: NONE, codeNotation: NONE };
  const notation = m[2].replace(/[–]/g, '-').replace(/\s+/g, '').toUpperCase();
  return { codeNumber: valueOf(m[1], [line]), codeNotation: valueOf(notation, [line]) };
}

// Words that open the name of an organ; a last header line without one continues the line above
// ("ỦY BAN NHÂN DÂN TỈNH" / "HƯNG YÊN" is one organ, "UBND TỈNH HƯNG YÊN" / "SỞ NỘI VỤ" is parent + organ).
const ORGAN_HEADS = [
  'ỦY BAN', 'UỶ BAN', 'UBND', 'HĐND', 'HỘI ĐỒNG', 'SỞ', 'PHÒNG', 'BAN', 'TRUNG TÂM', 'CHI CỤC', 'CỤC', 'TỔNG CỤC', 'VỤ', 'VĂN PHÒNG',
  'VIỆN', 'TRƯỜNG', 'BỆNH VIỆN', 'THANH TRA', 'BỘ', 'ĐOÀN', 'CÔNG TY', 'TỈNH ỦY', 'TỈNH UỶ', 'HUYỆN ỦY', 'HUYỆN UỶ', 'ĐẢNG ỦY', 'ĐẢNG UỶ',
  'BAN QUẢN LÝ', 'KHO BẠC', 'CHI NHÁNH', 'ĐÀI', 'BẢO TÀNG', 'THƯ VIỆN', 'LIÊN ĐOÀN', 'MẶT TRẬN', 'CÔNG AN', 'BỘ CHỈ HUY', 'TÒA ÁN', 'VIỆN KIỂM SÁT',
];

function startsWithOrganHead(text: string): boolean {
  const t = fold(text).toUpperCase();
  return ORGAN_HEADS.some((h) => t === h || t.startsWith(`${h} `));
}

/** Header text lines are capitals; an underline or a speck read as "—" or "_" is not one. */
function isText(line: TextLine): boolean {
  return (fold(line.text).match(/\p{L}/gu) ?? []).length >= 2;
}

/**
 * Capitals lose their tone marks to blur: TỈNH is read TÍNH or TĨNH. In an organ name those words only ever stand for
 * TỈNH (the province Hà Tĩnh keeps its own spelling).
 */
export function repairOrganName(name: string): string {
  return name.replace(/(^|\s)(\S+\s)?(TÍNH|TĨNH|TINH|TỈNH)(?=\s|$)/gu, (all, sp: string, before: string | undefined) =>
    before && /^HÀ\s$/u.test(before) ? all : `${sp}${before ?? ''}TỈNH`);
}

export interface LeftBlock {
  parentOrgan: ProposedValue;
  organName: ProposedValue;
  codeNumber: ProposedValue;
  codeNotation: ProposedValue;
  /** "V/v …" under the number (a công văn), without the V/v. */
  vvSubject: ProposedValue;
  hasOrganBlock: boolean;
  hasNumberLine: boolean;
}

export function parseLeftBlock(lines: TextLine[]): LeftBlock {
  const text = lines.filter(isText);
  const n = text.findIndex((l) => isNumberLine(l.text));
  const organLines = (n >= 0 ? text.slice(0, n) : text.slice(0, 3)).filter((l) => !/^\s*V\s*\/\s*v\b/i.test(l.text));
  let parentOrgan = NONE;
  let organName = NONE;
  if (organLines.length >= 2 && startsWithOrganHead(organLines[organLines.length - 1].text)) {
    const parents = organLines.slice(0, -1);
    parentOrgan = valueOf(repairOrganName(fold(parents.map((l) => l.text).join(' '))), parents);
    organName = valueOf(repairOrganName(fold(organLines[organLines.length - 1].text)), organLines.slice(-1));
  } else if (organLines.length) {
    organName = valueOf(repairOrganName(fold(organLines.map((l) => l.text).join(' '))), organLines, organLines.length > 1 ? 5 : 0);
  }
  const { codeNumber, codeNotation } = parseNumberLine(n >= 0 ? text[n] : undefined);
  const after = n >= 0 ? text.slice(n + 1) : [];
  const vv = after.findIndex((l) => /^\s*V\s*\/\s*v\b/i.test(fold(l.text)));
  let vvSubject = NONE;
  if (vv >= 0) {
    const vvLines = after.slice(vv);
    const joined = fold(vvLines.map((l) => l.text).join(' ')).replace(/^V\s*\/\s*v\.?\s*[:.]?\s*/i, '');
    vvSubject = valueOf(joined, vvLines);
  }
  return {
    parentOrgan, organName, codeNumber, codeNotation, vvSubject,
    hasOrganBlock: organLines.length > 0 && organLines.every((l) => upperShare(l.text) > 0.7),
    hasNumberLine: n >= 0,
  };
}

function upperShare(text: string): number {
  const letters = fold(text).match(/\p{L}/gu) ?? [];
  if (!letters.length) return 0;
  return letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length / letters.length;
}

// "Hưng Yên, ngày 23 tháng 9 năm 2024", tolerant of misread diacritics in ngày/tháng/năm and a lost comma.
const DATE_LINE = /^(.*?)[,.]?\s+ng\S{0,3}?[\s.,]+(\d{1,2})[\s.,]+th\S{0,4}?[\s.,]+(\d{1,2})[\s.,]+n\S{0,2}?[\s.,]+(\d{4})/iu;

export function parseDateLine(line: TextLine | undefined): { issuedDate: ProposedValue; place: ProposedValue } {
  const m = line && DATE_LINE.exec(fold(line.text));
  if (!line || !m) return { issuedDate: NONE, place: NONE };
  const [d, mo, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  const iso = valid ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  const place = fold(m[1]).replace(/[,.]$/, '');
  return { issuedDate: valueOf(iso, [line]), place: valueOf(place || null, [line]) };
}

export interface RightBlock {
  issuedDate: ProposedValue;
  place: ProposedValue;
  hasMotto: boolean;
}

export function parseRightBlock(lines: TextLine[]): RightBlock {
  const all = fold(lines.map((l) => l.text).join(' ')).toUpperCase();
  // The motto survives OCR well enough that two of its words are always found.
  const hits = ['CỘNG', 'HÒA', 'XÃ HỘI', 'CHỦ NGHĨA', 'ĐỘC LẬP', 'TỰ DO', 'HẠNH PHÚC'].filter((k) => all.includes(k)).length;
  const dateLine = lines.find((l) => DATE_LINE.test(fold(l.text)));
  return { ...parseDateLine(dateLine), hasMotto: hits >= 3 };
}

export interface TitleZone {
  typeName: ProposedValue;
  subject: ProposedValue;
}

/**
 * Under the header: the type in capitals, centred, then the subject on centred lines until the first line that is
 * not centred (the body). `centre` is the text area's middle in master pixels; `tolerance` how far off a line may be.
 */
export function parseTitleZone(lines: TextLine[], centre: number, tolerance: number, textWidth: number): TitleZone {
  const text = lines.filter(isText);
  // A justified body line is centred too: it is told apart by its width.
  const centred = (l: TextLine) => Math.abs((l.box[0] + l.box[2]) / 2 - centre) <= tolerance && l.box[2] - l.box[0] < textWidth * 0.9;
  if (!text.length || !centred(text[0]) || upperShare(text[0].text) < 0.8) return { typeName: NONE, subject: NONE };
  const typeName = valueOf(fold(text[0].text), [text[0]]);
  const subjectLines: TextLine[] = [];
  let prev = text[0];
  for (const l of text.slice(1)) {
    // The body starts after a wider space than the subject's line spacing.
    const gap = l.box[1] - prev.box[3];
    if (!centred(l) || subjectLines.length >= 5 || gap > (prev.box[3] - prev.box[1]) * 1.2) break;
    subjectLines.push(l);
    prev = l;
  }
  const subject = fold(subjectLines.map((l) => l.text).join(' ')).replace(/^(Về việc|V\s*\/\s*v\.?)\s*[:.]?\s*/i, '');
  return { typeName, subject: valueOf(subject || null, subjectLines) };
}
