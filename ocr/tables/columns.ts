/**
 * Corrections that only a column's meaning allows, for inventory tables (Mục lục hồ sơ). The header row says
 * what each column holds; a few of those columns have a genuinely closed vocabulary or order, which lets a
 * misread be put right without any word list of titles:
 * - Số TT / Hồ sơ số count 1, 2, 3… down the table, Hộp số never goes down: a cell between two neighbours
 *   that leave it a single possible value gets that value (a lone "11" read as "1", a "2" read as "gì");
 * - Thời hạn bảo quản is "Vĩnh viễn" or "N năm" (the import's retention parser accepts nothing else), so a
 *   reading a tone mark or a letter away from one of them ("Vĩnh viên", "70 nằm") is that one;
 * - Thời gian holds dates, whose month (and day) has a maximum: "92/2016" is a "0" read as "9".
 * Words keep their boxes and the engine's confidence: the review screen still flags what was doubtful.
 */
import type { OcrWord } from '../engine/types.js';
import type { GridCell } from './grid.js';

export type ColumnKind = 'ordinal' | 'box' | 'retention' | 'period' | 'text';

/** Lower case, tone marks and đ folded, punctuation and spaces dropped: how headers are compared. */
export function foldLetters(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/[^a-z0-9]/gu, '');
}

/** The printed headers of the standard inventory forms (folded), by what their column holds. */
const HEADERS: [ColumnKind, string[]][] = [
  ['ordinal', ['sott', 'stt', 'sothutu', 'tt', 'hososo']],
  ['box', ['hopso', 'sohop', 'hopcapso']],
  ['retention', ['thoihanbaoquan', 'thoihanluutru']],
  ['period', ['thoigian', 'thoigiantailieu', 'ngaythang']],
];

export function columnKind(header: string): ColumnKind {
  const f = foldLetters(header);
  return HEADERS.find(([, names]) => names.includes(f))?.[0] ?? 'text';
}

/** Header as printed on the form, for putting back a space the engine lost or dropping dust ("SốTT", "số. tờ"). */
const PRINTED_HEADERS = ['Số TT', 'Hộp số', 'Hồ sơ số', 'Số tờ', 'Ghi chú', 'Thời gian', 'Tiêu đề hồ sơ', 'Thời hạn bảo quản'];

type Lines = OcrWord[][];

const textOf = (lines: Lines) => lines.flat().map((w) => w.t).join(' ');

/**
 * cells: the grid's cells; lines: each cell's words as visual lines (already cleaned). Returns the lines with
 * the corrections applied (the same arrays where nothing changed). Without a recognisable header row the
 * table is left alone.
 */
export function correctColumns(cells: readonly GridCell[], lines: readonly Lines[]): Lines[] {
  const out = [...lines];
  const header = cells.map((g, id) => ({ g, id })).filter(({ g }) => g.r === 0);
  const kinds = new Map<number, ColumnKind>();
  for (const { g, id } of header) {
    const text = textOf(lines[id]);
    const bare = (t: string) => t.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const printed = PRINTED_HEADERS.find((p) => bare(p) === bare(text));
    if (printed && printed !== text) out[id] = respell(lines[id], printed.split(' '));
    if (g.cs === 1) kinds.set(g.c, columnKind(text));
  }
  if (![...kinds.values()].some((k) => k !== 'text')) return out;
  for (const [c, kind] of kinds) {
    const column = cells.map((g, id) => ({ g, id })).filter(({ g }) => g.c === c && g.cs === 1 && g.r > 0).sort((a, b) => a.g.r - b.g.r);
    if (kind === 'ordinal' || kind === 'box') {
      const values = column.map(({ id }) => integerOf(textOf(out[id])));
      column.forEach(({ id }, i) => {
        const only = sequenceValue(kind, values[i - 1], values[i + 1])
          ?? (i === 0 ? firstValue(kind, values[1], values[2]) : null)
          ?? (i === values.length - 1 ? lastValue(kind, values[i - 2], values[i - 1]) : null);
        if (only !== null && only !== values[i] && out[id].length) out[id] = respell(out[id], [String(only)]);
      });
    } else if (kind === 'retention') {
      for (const { id } of column) {
        const fixed = retentionOf(textOf(out[id]));
        if (fixed && fixed !== textOf(out[id])) out[id] = respell(out[id], fixed.split(' '));
      }
    } else if (kind === 'period') {
      for (const { id } of column) {
        const tokens = out[id].flat().map((w) => w.t);
        const fixed = tokens.map(fixDateParts);
        if (fixed.some((t, i) => t !== tokens[i])) out[id] = retext(out[id], fixed);
        // Two dates alone in the cell are a range whose dash was lost: a range is always printed with one, after
        // the first date (in the gap on one line; at the end of the first line when the range wraps).
        const words = out[id].flat();
        if (words.length === 2 && words.every((w) => DATE.test(w.t))) {
          const [a, b] = words;
          const oneLine = out[id].length === 1;
          const right = oneLine ? Math.max(a.b[2], b.b[0]) : a.b[2] + Math.round((a.b[3] - a.b[1]) / 2);
          const dash: OcrWord = { t: '-', c: Math.min(a.c, b.c), b: [a.b[2], a.b[1], right, a.b[3]] };
          out[id] = oneLine ? [[a, dash, b]] : [[a, dash], [b]];
        }
      }
    }
  }
  return out;
}

const integerOf = (text: string): number | null => (/^\d{1,5}$/u.test(text) ? Number(text) : null);

/** The one value the order leaves between two read neighbours, or null when there is a choice. */
function sequenceValue(kind: 'ordinal' | 'box', before: number | null | undefined, after: number | null | undefined): number | null {
  if (before == null || after == null) return null;
  if (kind === 'ordinal') return after - before === 2 ? before + 1 : null;
  return after === before ? before : null;
}

/**
 * The first row has no neighbour above: a serial number is one less than the next when the two after it count
 * on; a box number is at least 1 and at most the next, so it is 1 when the next is 1.
 */
function firstValue(kind: 'ordinal' | 'box', next: number | null | undefined, after: number | null | undefined): number | null {
  if (next == null) return null;
  if (kind === 'box') return next === 1 ? 1 : null;
  return after != null && after === next + 1 && next > 1 ? next - 1 : null;
}

/** The last row of a serial column: one more than the two before it, when they count on. */
function lastValue(kind: 'ordinal' | 'box', before: number | null | undefined, prev: number | null | undefined): number | null {
  return kind === 'ordinal' && before != null && prev != null && prev === before + 1 ? prev + 1 : null;
}

/** "Vĩnh viễn" or "N năm" when the reading is within two letters (marks aside) of one of them. */
export function retentionOf(text: string): string | null {
  const letters = foldLetters(text.replace(/\d/gu, ''));
  const digits = text.match(/\d+/gu);
  if (!digits) return letters && distance(letters, 'vinhvien') <= 2 ? 'Vĩnh viễn' : null;
  return digits.length === 1 && distance(letters, 'nam') <= 1 ? `${Number(digits[0])} năm` : null;
}

const DATE = /^(?:(?:\d{1,2}\/)?\d{1,2}\/)?\d{4}$/u;

/**
 * Max of each part of d/m/yyyy or m/yyyy; a part over it whose first digit is a look-alike of 0 had a 0.
 * Dust glued in front of a date (":09/2021") goes: the column holds nothing else.
 */
export function fixDateParts(token: string): string {
  // Only before it: a comma after a date may separate two dates, which are then no range.
  const bare = token.replace(/^[^\p{L}\p{N}]+(?=\d)/u, '');
  if (bare !== token && DATE.test(bare.replace(/[-–]$/u, ''))) return fixDateParts(bare);
  const m = /^(\d{2}\/)?(\d{2})\/(\d{4})([-–]?)$/u.exec(token);
  if (!m) return token;
  const fix = (part: string, max: number) => (Number(part) > max && /^[986]/u.test(part) && part[1] !== '0' ? `0${part[1]}` : part);
  const day = m[1] ? `${fix(m[1].slice(0, 2), 31)}/` : '';
  return `${day}${fix(m[2], 12)}/${m[3]}${m[4]}`;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Same words, new texts (one per word). */
function retext(lines: Lines, texts: string[]): Lines {
  let k = 0;
  return lines.map((ws) => ws.map((w) => ({ ...w, t: texts[k++] })));
}

/**
 * The cell's words replaced by `tokens`, laid over the boxes that were read: token i takes word i's box, the
 * last token the rest of them; with fewer words than tokens a box is cut in proportion to the letters.
 * Confidence is the weakest merged word's. The result is one line.
 */
export function respell(lines: Lines, tokens: string[]): Lines {
  const words = lines.flat();
  if (!words.length) return [];
  const out: OcrWord[] = [];
  if (words.length >= tokens.length) {
    tokens.forEach((t, i) => {
      const merged = i < tokens.length - 1 ? [words[i]] : words.slice(i);
      out.push({ t, c: Math.min(...merged.map((w) => w.c)), b: union(merged.map((w) => w.b)) });
    });
  } else {
    const head = words.slice(0, -1);
    head.forEach((w, i) => out.push({ ...w, t: tokens[i] }));
    out.push(...splitWord(words[words.length - 1], tokens.slice(head.length)));
  }
  return [out];
}

/** One word cut into `parts` across its box, each part's width in proportion to its letters. */
export function splitWord(w: OcrWord, parts: string[]): OcrWord[] {
  const [x0, y0, x1, y1] = w.b;
  const total = parts.reduce((s, p) => s + p.length, 0) || 1;
  let x = x0;
  let used = 0;
  return parts.map((t) => {
    used += t.length;
    const right = Math.round(x0 + ((x1 - x0) * used) / total);
    const part: OcrWord = { t, c: w.c, b: [x, y0, Math.max(x, right), y1] };
    x = right;
    return part;
  });
}

function union(boxes: [number, number, number, number][]): [number, number, number, number] {
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}
