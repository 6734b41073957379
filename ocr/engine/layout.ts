/**
 * Turns tesseract's block tree (blocks → paragraphs → lines → words) into the stored page shape: flat words
 * with boxes in master-image pixels, lines as index ranges into the words, and the page text rebuilt from
 * the same words so text, boxes and exports never disagree.
 */
import type { OcrLine, OcrWord } from './types.js';
import { normaliseOcrText } from './normalise.js';

export interface TessBox { x0: number; y0: number; x1: number; y1: number }
export interface TessWord { text: string; confidence: number; bbox: TessBox }
export interface TessLine { words: TessWord[]; bbox: TessBox }
export interface TessParagraph { lines: TessLine[]; bbox: TessBox }
export interface TessBlock { paragraphs: TessParagraph[]; bbox: TessBox }

/** How the OCR image relates to the master: prepared = rotate(master × scale) about the image centre. */
export interface BoxMapping {
  scale: number;
  /** Angle tesseract straightened the prepared image by (tesseract.js rotateRadians), 0 if none. */
  radians: number;
  /** Prepared image size (the rotation centre is its middle). */
  width: number;
  height: number;
  /** Master size: boxes are clamped to it. */
  masterWidth: number;
  masterHeight: number;
}

export interface PageLayout {
  text: string;
  words: OcrWord[];
  lines: OcrLine[];
  confidence: number;
}

export function extractLayout(blocks: TessBlock[] | null | undefined, map: BoxMapping): PageLayout {
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const paragraphs: string[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs ?? []) {
      const lineTexts: string[] = [];
      for (const line of paragraph.lines ?? []) {
        const first = words.length;
        const texts: string[] = [];
        for (const word of line.words ?? []) {
          const t = normaliseOcrText(word.text ?? '').trim();
          if (!t) continue;
          words.push({ t, c: round1(word.confidence), b: toMaster(word.bbox, map) });
          texts.push(t);
        }
        if (words.length === first) continue;
        lines.push({ b: toMaster(line.bbox, map), w: [first, words.length] });
        lineTexts.push(texts.join(' '));
      }
      if (lineTexts.length) paragraphs.push(lineTexts.join('\n'));
    }
  }
  const confidence = words.length ? round1(words.reduce((s, w) => s + w.c, 0) / words.length) : 0;
  return { text: paragraphs.join('\n\n'), words, lines, confidence };
}

/**
 * Box in the prepared (possibly straightened) image → axis-aligned box in master pixels. Leptonica rotates
 * about the centre keeping the size, so undoing it is a rotation by -radians about the same centre; the
 * box's four corners are rotated and their hull taken.
 */
export function toMaster(b: TessBox, map: BoxMapping): [number, number, number, number] {
  let { x0, y0, x1, y1 } = b;
  if (map.radians) {
    const cx = map.width / 2;
    const cy = map.height / 2;
    const cos = Math.cos(-map.radians);
    const sin = Math.sin(-map.radians);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]) {
      xs.push(cx + (x - cx) * cos - (y - cy) * sin);
      ys.push(cy + (x - cx) * sin + (y - cy) * cos);
    }
    [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  }
  const s = map.scale || 1;
  return [
    clamp(Math.floor(x0 / s), map.masterWidth),
    clamp(Math.floor(y0 / s), map.masterHeight),
    clamp(Math.ceil(x1 / s), map.masterWidth),
    clamp(Math.ceil(y1 / s), map.masterHeight),
  ];
}

const clamp = (v: number, max: number) => Math.min(Math.max(0, v), max);
const round1 = (v: number) => Math.round((Number.isFinite(v) ? v : 0) * 10) / 10;
