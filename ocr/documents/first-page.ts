/**
 * Reads a document's first page into proposed metadata: the regions are found from the ink profile
 * (page-regions.ts), the header's two blocks and the zone under it are OCRed separately through the caller's OCR
 * function (the pool, ocr/engine/tesseract-pool.ts), and each block goes to its parser (fields.ts). Every box is
 * mapped back to master pixels. A page without a two-column header gives empty fields and isStart false.
 */
import type { OcrPageResult } from '../engine/types.js';
import { cropGreyPng } from '../image/grey-page.js';
import { findPageRegions } from './page-regions.js';
import { trimNoise, parseLeftBlock, parseRightBlock, parseTitleZone, type TextLine } from './fields.js';
import type { Box, DocumentFields, FirstPageReading, ProposedValue } from './types.js';

/** OCR of one PNG crop (master resolution); the pool's recognizeFile(buffer, 0). */
export type RecognizeImage = (png: Buffer) => Promise<OcrPageResult>;

export interface FirstPageOptions {
  maxPixels?: number;
}

const NONE: ProposedValue = { value: null, box: null, confidence: 0 };
/** A key field whose weakest word is below this is read again (measured: right fields ≥ 72, misreads 35–47). */
const RETRY_BELOW = 60;

export async function readFirstPage(file: string | Buffer, pageIndex: number, recognize: RecognizeImage, opts: FirstPageOptions = {}): Promise<FirstPageReading> {
  const maxPixels = opts.maxPixels ?? 300_000_000;
  const regions = await findPageRegions(file, pageIndex, maxPixels);
  if (!regions.left || !regions.right || !regions.title) return emptyReading();
  const margin = Math.round(regions.masterWidth * 0.02);
  // Crops stop short of the scanner's dark edges, which tesseract would otherwise read as a column of noise.
  const left: Box = [Math.max(regions.left[0], Math.round(regions.textLeft) - margin), regions.left[1], regions.left[2], regions.left[3]];
  const right: Box = [regions.right[0], regions.right[1], Math.min(regions.right[2], Math.round(regions.textRight) + margin), regions.right[3]];
  const title: Box = [left[0], regions.title[1], right[2], regions.title[3]];
  const read = async (box: Box) => linesOf(await recognize(await cropGreyPng(file, pageIndex, box, maxPixels)), box);
  const centre = (regions.textLeft + regions.textRight) / 2;
  const parseTitle = (lines: TextLine[]) => parseTitleZone(lines, centre, regions.masterWidth * 0.02, regions.textRight - regions.textLeft);
  const grow = (b: Box, d: number): Box => [Math.max(0, b[0] - d), Math.max(0, b[1] - d), Math.min(regions.masterWidth, b[2] + d), Math.min(regions.masterHeight, b[3] + d)];
  /**
   * tesseract's reading of a small crop changes with a few pixels of margin (06 → 96, a lost title line). When a
   * block's key fields do not parse, or one was a guess (weakest word < RETRY_BELOW), the block is read once more
   * with a wider margin and the better reading kept: parsed before not, then the more confident.
   */
  const readBlock = async <T>(box: Box, parse: (lines: TextLine[]) => T, key: (r: T) => ProposedValue[]) => {
    const score = (r: T) => {
      const vals = key(r);
      return vals.every((v) => v.value) ? 1000 + Math.min(...vals.map((v) => v.confidence)) : 0;
    };
    let lines = await read(box);
    let parsed = parse(lines);
    if (score(parsed) < 1000 + RETRY_BELOW) {
      const again = await read(grow(box, Math.round(regions.masterWidth * 0.01)));
      const second = parse(again);
      if (score(second) > score(parsed)) [lines, parsed] = [again, second];
    }
    return { lines, parsed };
  };
  // Sequential on purpose: the pool queues them anyway, and a caller with several pages parallelises across pages.
  const { lines: leftLines, parsed: l } = await readBlock(left, parseLeftBlock, (x) => [x.codeNumber, x.codeNotation, x.organName]);
  const { lines: rightLines, parsed: r } = await readBlock(right, parseRightBlock, (x) => [x.issuedDate, x.place]);
  // A công văn's title zone starts with body text: only a page without "V/v" under the number must show a type.
  const { lines: titleLines, parsed: t } = await readBlock(title, parseTitle, (x) => (l.vvSubject.value ? [] : [x.typeName, x.subject]));
  // A công văn prints no type: its subject is the "V/v …" under the number, and the type is implied.
  const congVan = !t.typeName.value && l.vvSubject.value;
  const typeName = congVan ? { value: 'CÔNG VĂN', box: l.vvSubject.box, confidence: Math.min(90, l.vvSubject.confidence) } : t.typeName;
  const subject = congVan ? l.vvSubject : t.subject.value ? t.subject : l.vvSubject;
  const fields: DocumentFields = {
    typeName, codeNumber: l.codeNumber, codeNotation: l.codeNotation, issuedDate: r.issuedDate, place: r.place,
    parentOrgan: l.parentOrgan, organName: l.organName, subject,
  };
  const signals = { motto: r.hasMotto, organBlock: l.hasOrganBlock, numberLine: l.hasNumberLine };
  return {
    fields,
    start: { ...signals, isStart: isDocumentStart(signals) },
    blocks: { left: joinText(leftLines), right: joinText(rightLines), title: joinText(titleLines) },
  };
}

/** A page opens a document when two of the three marks are there: one alone is too easily a quotation in the body. */
export function isDocumentStart(s: { motto: boolean; organBlock: boolean; numberLine: boolean }): boolean {
  return [s.motto, s.organBlock, s.numberLine].filter(Boolean).length >= 2;
}

function linesOf(r: OcrPageResult, crop: Box): TextLine[] {
  const [dx, dy] = crop;
  return r.lines.map((line) => {
    const words = r.words.slice(line.w[0], line.w[1]);
    // The weakest word, not the mean: one misread word makes the whole field wrong, so it is what staff must check.
    const conf = words.length ? Math.min(...words.map((w) => w.c)) : 0;
    return {
      text: trimNoise(words.map((w) => w.t).join(' ')),
      box: [line.b[0] + dx, line.b[1] + dy, line.b[2] + dx, line.b[3] + dy] as Box,
      conf,
    };
  });
}

function joinText(lines: TextLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

function emptyReading(): FirstPageReading {
  const fields = Object.fromEntries(
    ['typeName', 'codeNumber', 'codeNotation', 'issuedDate', 'place', 'parentOrgan', 'organName', 'subject'].map((k) => [k, NONE]),
  ) as DocumentFields;
  return { fields, start: { motto: false, organBlock: false, numberLine: false, isStart: false }, blocks: { left: '', right: '', title: '' } };
}
