import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrTable, OcrWord } from '../../../ocr/engine/types.js';
import { INK_CONTRAST, MIN_INK_SHARE, looksTabular, measureInk, pageQuality } from '../../../ocr/page-quality.js';

/** Real engine output for real scans (test/fixtures/page-quality/README.md). */
const recognised = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/page-quality', `${name}.json`), 'utf8')) as { words: OcrWord[]; tables: OcrTable[] | null; confidence: number };

const word = (t: string, c: number, x: number, y: number, w = 60, h = 30): OcrWord => ({ t, c, b: [x, y, x + w, y + h] });
/** A grey page `w`×`h` of paper at 236–244 (grain), with ink rectangles [x0, y0, x1, y1] painted at `ink`. */
const greyPage = (w: number, h: number, rects: [number, number, number, number][], ink = 60) => {
  const data = new Uint8Array(w * h).map((_, i) => 236 + ((i * 7919) % 9));
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = ink;
  return { data, width: w, height: h };
};

describe('page quality from recognised words', () => {
  it('when a faded but readable prose page is measured, then it is confident, not a table, and needs no review', () => {
    const q = pageQuality(recognised('faded-prose'));
    expect(q.wordCount).toBeGreaterThan(400);
    expect(q.meanWordConfidence).toBeGreaterThan(90);
    expect(q.lowConfidenceShare).toBeLessThan(0.05);
    expect(q).toMatchObject({ suspectedTable: false, tableRead: false, needsReview: false, reasons: [] });
  });

  it('when a document with header and signature blocks is measured, then its two-column blocks are not taken for a table', () => {
    const q = pageQuality(recognised('document'));
    expect(q).toMatchObject({ suspectedTable: false, needsReview: false });
  });

  it('when a page is garbled by blur and low resolution, then low mean confidence and many doubtful words are both reasons', () => {
    const q = pageQuality(recognised('garbled'));
    expect(q.meanWordConfidence).toBeLessThan(60);
    expect(q.lowConfidenceShare).toBeGreaterThan(0.4);
    expect(q.needsReview).toBe(true);
    expect(q.reasons).toEqual(['low_mean_confidence', 'many_low_confidence_words']);
  });

  it('when a ruled table was read as a table, then it is a suspected table that needs no review', () => {
    const r = recognised('ruled-table');
    const q = pageQuality(r);
    expect(q).toMatchObject({ suspectedTable: true, tableRead: true, needsReview: false, reasons: [] });
  });

  it('when the same table words come without the table structure (an unruled table), then the page is flagged as a table not read', () => {
    const r = recognised('ruled-table');
    expect(looksTabular(r.words)).toBe(true);
    const q = pageQuality({ words: r.words, tables: null });
    expect(q).toMatchObject({ suspectedTable: true, tableRead: false, needsReview: true, reasons: ['table_not_read'] });
  });

  it('when words carry only punctuation (paper dust), then they are not counted and the mean covers real words only', () => {
    const q = pageQuality({ words: [word('.', 10, 0, 0), word('Hưng', 90, 100, 0), word('Yên', 80, 200, 0), word('2010', 70, 300, 0), word('—', 5, 400, 0)] });
    expect(q.wordCount).toBe(3);
    expect(q.meanWordConfidence).toBe(80);
    expect(q.lowConfidenceShare).toBe(0);
  });

  it('when a page has no words, then it needs review only if it has ink or its ink was not measured', () => {
    expect(pageQuality({ words: [], ink: 0 })).toMatchObject({ wordCount: 0, meanWordConfidence: null, needsReview: false, reasons: [] });
    expect(pageQuality({ words: [], ink: 0.05 }).reasons).toEqual(['no_text']);
    expect(pageQuality({ words: [] }).reasons).toEqual(['no_text']);
  });

  it('when two-column rows (header, signature) repeat, then it is not a table; three aligned columns over five rows are', () => {
    const twoCols = Array.from({ length: 10 }, (_, r) => [word('Ủy', 95, 100, r * 50), word('Cộng', 95, 1200, r * 50)]).flat();
    expect(looksTabular(twoCols)).toBe(false);
    const grid = Array.from({ length: 6 }, (_, r) => [word(String(r + 1), 90, 100, r * 50), word('Tập', 90, 400, r * 50), word('2016', 90, 1500, r * 50)]).flat();
    expect(looksTabular(grid)).toBe(true);
    expect(looksTabular(grid.slice(0, 12))).toBe(false);
  });
});

describe('ink of the page', () => {
  it('when a sheet is paper grain only, or one faint speck, then there is no ink; print is counted', () => {
    expect(measureInk(greyPage(100, 100, []), 1, [])).toEqual({ share: 0, uncovered: 0 });
    const speck = greyPage(100, 100, [[50, 50, 51, 51]], 236 - INK_CONTRAST - 1);
    expect(measureInk(speck, 1, []).share).toBeLessThan(MIN_INK_SHARE);
    expect(measureInk(greyPage(100, 100, [[10, 10, 60, 20]]), 1, []).share).toBeCloseTo(0.05, 3);
  });

  it('when the ink lies inside the words read, then none is uncovered; ink where no word was read is', () => {
    // Master twice the copy's size: boxes are scaled by 0.5.
    const words = [word('Biên', 95, 20, 20, 100, 20), word('bản', 95, 140, 20, 40, 20)];
    const read = greyPage(100, 100, [[10, 10, 60, 20], [70, 10, 90, 20]]);
    expect(measureInk(read, 0.5, words).uncovered).toBe(0);
    const skipped = greyPage(100, 100, [[10, 10, 60, 20], [70, 10, 90, 20], [10, 60, 90, 70]]);
    const m = measureInk(skipped, 0.5, words);
    expect(m.uncovered).toBeCloseTo(800 / 1500, 2);
    expect(pageQuality({ words: [...words, word('năm', 95, 220, 20)], ink: m.share, uncoveredInk: m.uncovered }).reasons).toEqual(['text_missed']);
  });

  it('when a ruled table was read, then its rules inside the table box do not count as missed text', () => {
    const rules = greyPage(100, 100, [[10, 30, 90, 31], [10, 50, 90, 51], [10, 70, 90, 71], [10, 30, 11, 71], [50, 30, 51, 71], [89, 30, 90, 71]]);
    const table: OcrTable = { b: [20, 60, 180, 142], rows: 2, cols: 2, cells: [] };
    expect(measureInk(rules, 0.5, [], null).uncovered).toBe(1);
    expect(measureInk(rules, 0.5, [], [table]).uncovered).toBe(0);
  });
});
