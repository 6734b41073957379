/**
 * Per-page quality signal from the recognised words alone (no ground truth, unlike ./quality.ts): how sure the
 * engine was, how many of its words it doubted, and whether the page looks like a table. It decides which pages
 * a person should look at after OCR. Pure: words in, figures out; the thresholds were measured on the fixtures
 * (test/fixtures, ../shared/fixtures: clean prose, faded, ruled tables, documents, and degraded copies of them);
 * the figures are in the README, "Chất lượng OCR từng trang".
 */
import type { OcrTable, OcrWord } from './engine/types.js';

/**
 * A word under this confidence is counted as doubtful. On the 14 readable fixture pages (CER 0.1–3.5 %; documents
 * up to 11 % counting word order) 0–3.5 % of words fall under 60; on copies blurred and shrunk until words are
 * wrong, 8–60 % do. On the readable pages a cut at 50 or 70 moves their share by at most a point.
 */
export const LOW_WORD_CONFIDENCE = 60;
/**
 * Mean word confidence under this: the page as a whole was read badly. Readable fixtures: 92.6–95.8; degraded
 * copies with wrong words: 47–83.5 (a 24-word page with at least 4 wrong words: 83.5).
 */
export const MIN_MEAN_CONFIDENCE = 88;
/**
 * Share of doubtful words above this: too many to check one by one. Readable ≤ 0.035; wrong-word copies 0.08–0.6
 * (the one under 0.1 is caught by its mean, 83).
 */
export const MAX_LOW_CONFIDENCE_SHARE = 0.1;
/** Fewer words than this is "no text": a blank verso, or ink the engine could not read at all. */
export const MIN_WORDS = 3;
/**
 * Share of the page's pixels that are ink (measureInk, on a 600 px wide copy). Blank paper strips cut from the
 * fixtures' margins (grain, specks, darker edges): 0.06–0.1 %; the fixtures' printed pages 2.4–14 % (faded: 3.8 %).
 */
export const MIN_INK_SHARE = 0.002;
/**
 * Ink is at least this many grey levels darker than the paper. Grain and darker edges put 4–38 % of a blank strip's
 * pixels 15 levels under its paper, 0.3–1.2 % at 25, ≤ 0.1 % at 40; the faded fixture still has 3.8 % at 40.
 */
export const INK_CONTRAST = 40;
/**
 * Unruled-table test: a row of words splits into cells at gaps wider than this many word heights. In prose and
 * documents 98 % of gaps are ≤ 1.5 heights (the monospace page once reaches 2.2, header blocks 7–11); the ruled
 * fixtures' column gaps are 3–45.
 */
export const CELL_GAP_HEIGHTS = 2;
/**
 * A suspected table has at least this many rows of ≥ 3 cells whose cell starts line up in ≥ 3 columns. Document
 * headers and signature blocks have 2 cells a row: prose and document fixtures have 0–1 rows of ≥ 3 cells, the 4
 * ruled fixtures (read with their rules erased, as an unruled table would be) 19–36.
 */
export const MIN_TABLE_ROWS = 5;
/**
 * Share of the ink outside every word box (widened by half a word height; a ruled table's box and a 2 % border left
 * out) above which text was probably skipped. Confidence cannot show this: a copy that lost whole paragraphs (CER
 * 40 %) kept a mean of 94.7. Readable fixtures, tables included: 0.1–0.9 %; that copy 35 %, garbled copies 16–76 %.
 * Not measured on real seals and signatures; estimated, a 4 cm seal is ~0.6 % of an A4 page against ~10 % for text.
 */
export const MAX_UNCOVERED_INK = 0.1;

export type QualityReason = 'low_mean_confidence' | 'many_low_confidence_words' | 'text_missed' | 'table_not_read' | 'no_text';

export interface PageQuality {
  /** Mean confidence (0–100) of the words with a letter or digit; null without such words. */
  meanWordConfidence: number | null;
  /** Share (0–1) of those words under LOW_WORD_CONFIDENCE; null without words. */
  lowConfidenceShare: number | null;
  wordCount: number;
  /** Share (0–1) of the ink outside the words read (measureInk); null when not measured. */
  uncoveredInkShare: number | null;
  /** A ruled table was found, or the words stand in aligned columns like an unruled one. */
  suspectedTable: boolean;
  /** The page was read as a table (ocr/tables found its rules). */
  tableRead: boolean;
  needsReview: boolean;
  reasons: QualityReason[];
}

export interface QualityInput {
  words: readonly OcrWord[];
  tables?: readonly OcrTable[] | null;
  /** Share of ink pixels (measureInk); undefined when not measured, e.g. for results stored before this signal. */
  ink?: number;
  /** Share of the ink outside the words (measureInk); undefined when not measured. */
  uncoveredInk?: number;
}

const HAS_TEXT = /[\p{L}\p{N}]/u;

export function pageQuality(input: QualityInput): PageQuality {
  const words = input.words.filter((w) => HAS_TEXT.test(w.t));
  const n = words.length;
  const mean = n ? words.reduce((s, w) => s + w.c, 0) / n : null;
  const low = n ? words.filter((w) => w.c < LOW_WORD_CONFIDENCE).length / n : null;
  const tableRead = !!input.tables?.length;
  const suspectedTable = tableRead || looksTabular(words);
  const reasons: QualityReason[] = [];
  if (n < MIN_WORDS) {
    // Unknown ink counts as ink: a page without text that nobody measured is worth one look.
    if (input.ink === undefined || input.ink >= MIN_INK_SHARE) reasons.push('no_text');
  } else {
    if (mean! < MIN_MEAN_CONFIDENCE) reasons.push('low_mean_confidence');
    if (low! > MAX_LOW_CONFIDENCE_SHARE) reasons.push('many_low_confidence_words');
    if (input.uncoveredInk !== undefined && input.uncoveredInk > MAX_UNCOVERED_INK) reasons.push('text_missed');
  }
  if (suspectedTable && !tableRead) reasons.push('table_not_read');
  return {
    meanWordConfidence: mean === null ? null : round(mean, 1),
    lowConfidenceShare: low === null ? null : round(low, 3),
    wordCount: n,
    uncoveredInkShare: input.uncoveredInk === undefined ? null : round(input.uncoveredInk, 3),
    suspectedTable,
    tableRead,
    needsReview: reasons.length > 0,
    reasons,
  };
}

export interface GreyImage {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/**
 * Ink of a small grey copy of the page (`scale` = its width / the master's): the share of ink pixels, and the share of
 * that ink outside every word box. Ink is darker than the paper (its 90th percentile, as most of a page is paper) by
 * INK_CONTRAST: a fixed contrast rather than Otsu, because Otsu splits a blank sheet's grain too.
 */
export function measureInk(img: GreyImage, scale: number, words: readonly OcrWord[], tables?: readonly OcrTable[] | null): { share: number; uncovered: number } {
  const { data, width, height } = img;
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  let acc = 0;
  let paper = 255;
  for (let g = 0; g < 256; g++) {
    acc += hist[g]!;
    if (acc >= data.length * 0.9) {
      paper = g;
      break;
    }
  }
  const inkAt = paper - INK_CONTRAST;
  // 0 = counts, 1 = covered by a word, 2 = ignored (a table's rules).
  const mask = new Uint8Array(width * height);
  const fill = (b: readonly number[], pad: number, v: number) => {
    const x0 = Math.max(0, Math.floor(b[0]! * scale) - pad), x1 = Math.min(width, Math.ceil(b[2]! * scale) + pad);
    const y0 = Math.max(0, Math.floor(b[1]! * scale) - pad), y1 = Math.min(height, Math.ceil(b[3]! * scale) + pad);
    for (let y = y0; y < y1; y++) if (x1 > x0) mask.fill(v, y * width + x0, y * width + x1);
  };
  // A ruled table's box is left out whole: its rules are skewed across the (upright) cell boxes, and its cells had a
  // second reading of their own (ocr/tables) when the page pass left them empty.
  for (const t of tables ?? []) fill(t.b, 2, 2);
  const heights = words.map((w) => w.b[3] - w.b[1]).sort((a, b) => a - b);
  const pad = Math.ceil((heights[heights.length >> 1] ?? 0) * scale * 0.5);
  for (const w of words) fill(w.b, pad, 1);
  const bx = Math.round(width * 0.02);
  const by = Math.round(height * 0.02);
  let ink = 0;
  let counted = 0;
  let uncovered = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i]! > inkAt) continue;
      ink++;
      if (mask[i] === 2 || x < bx || x >= width - bx || y < by || y >= height - by) continue;
      counted++;
      if (mask[i] === 0) uncovered++;
    }
  }
  return { share: data.length ? ink / data.length : 0, uncovered: counted ? uncovered / counted : 0 };
}

/** Rows of words (by vertical centre) cut into cells at wide gaps; a table when enough rows share ≥ 3 cell starts. */
export function looksTabular(words: readonly OcrWord[]): boolean {
  if (words.length < MIN_TABLE_ROWS * 3) return false;
  const heights = words.map((w) => w.b[3] - w.b[1]).sort((a, b) => a - b);
  const h = Math.max(1, heights[heights.length >> 1]!);
  const rows: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => centre(a) - centre(b))) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(centre(w) - centre(row[row.length - 1]!)) <= h * 0.5) row.push(w);
    else rows.push([w]);
  }
  const starts: number[][] = [];
  for (const row of rows) {
    row.sort((a, b) => a.b[0] - b.b[0]);
    const cells = [row[0]!.b[0]];
    for (let i = 1; i < row.length; i++) if (row[i]!.b[0] - row[i - 1]!.b[2] > h * CELL_GAP_HEIGHTS) cells.push(row[i]!.b[0]);
    if (cells.length >= 3) starts.push(cells);
  }
  if (starts.length < MIN_TABLE_ROWS) return false;
  // Columns: cell starts within one word height of each other, used by at least MIN_TABLE_ROWS rows.
  const xs = starts.flat().sort((a, b) => a - b);
  let columns = 0;
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1]! - xs[i]! <= h) j++;
    if (j - i + 1 >= MIN_TABLE_ROWS) columns++;
    i = j + 1;
  }
  return columns >= 3;
}

const centre = (w: OcrWord) => (w.b[1] + w.b[3]) / 2;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
