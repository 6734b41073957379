/**
 * Metadata proposals from the four Nghị định 30 first pages (test/fixtures/ocr-documents, copied from
 * ../shared/fixtures/ocr-documents) with the real pipeline: ink-profile regions, sharp crops, tesseract.js through
 * the pool. Target (issue 14): ≥ 95 % of fields exactly right after NFC + whitespace folding. A prose page
 * (test/fixtures/ocr/page-02.png) must not be taken for a document start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, type TesseractOcrPool } from '../../../ocr/engine/tesseract-pool.js';
import { readFirstPage } from '../../../ocr/documents/first-page.js';
import { findPageRegions } from '../../../ocr/documents/page-regions.js';
import { PROPOSAL_FIELDS, type FirstPageReading } from '../../../ocr/documents/types.js';
import { sameField } from '../../../scripts/bench/ocr-documents.js';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/ocr-documents');
const PROSE = path.resolve(import.meta.dirname, '../../fixtures/ocr/page-02.png');
const PAGES = ['page-01', 'page-02', 'page-03', 'page-04'];

let pool: TesseractOcrPool;
const readings = new Map<string, FirstPageReading>();
const recognize = (png: Buffer) => pool.recognizeFile(png, 0);

beforeAll(async () => {
  pool = createOcrPool({ size: 1 });
  for (const p of PAGES) readings.set(p, await readFirstPage(path.join(DIR, `${p}.png`), 0, recognize));
}, 240_000);
afterAll(() => pool?.close());

const truth = (p: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${p}.meta.json`), 'utf8')) as Record<string, string | null>;

describe('first-page metadata proposals on the fixtures', () => {
  it('when all four pages are read, then at least 95 % of their fields are exactly what a digitiser types', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const p of PAGES) {
      for (const f of PROPOSAL_FIELDS) {
        if (sameField(f, truth(p)[f] ?? null, readings.get(p)!.fields[f].value)) right++;
        else wrong.push(`${p} ${f}: ${readings.get(p)!.fields[f].value}`);
      }
    }
    expect(right / (PAGES.length * PROPOSAL_FIELDS.length), wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('when the QĐ page is read, then number, notation, date and the two-line organ are exact, each with its box in the header', () => {
    const f = readings.get('page-03')!.fields;
    expect([f.codeNumber.value, f.codeNotation.value, f.issuedDate.value, f.place.value, f.organName.value, f.parentOrgan.value])
      .toEqual(['458', 'QĐ-UBND', '2024-09-23', 'Hưng Yên', 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', null]);
    // Left block on the left, date on the right, all in the top sixth of the A4 master (2480 × 3508).
    expect(f.codeNumber.box![2]).toBeLessThan(1240);
    expect(f.issuedDate.box![0]).toBeGreaterThan(1000);
    for (const k of ['codeNumber', 'issuedDate', 'organName'] as const) expect(f[k].box![3]).toBeLessThan(3508 / 6);
    // The subject lies under the type, centred.
    expect(f.subject.box![1]).toBeGreaterThan(f.typeName.box![3] - 5);
    expect(f.codeNumber.confidence).toBeGreaterThan(50);
  });

  it('when the page is a công văn (faded typewriter), then the type is CÔNG VĂN and the subject the V/v line', () => {
    const f = readings.get('page-04')!.fields;
    expect([f.typeName.value, f.subject.value, f.codeNotation.value]).toEqual(['CÔNG VĂN', 'phần mềm một cửa điện tử', 'TTLTLS-NV']);
  });

  it('when the header is read as two blocks, then the left block text never holds motto words (no interleaving)', () => {
    for (const p of PAGES) {
      const r = readings.get(p)!;
      expect(r.blocks.left).not.toMatch(/CỘNG HÒA|Độc lập/);
      expect(r.blocks.right).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(r.start).toMatchObject({ motto: true, numberLine: true, isStart: true });
    }
  });

  it('when a body page without header is read, then it is not a document start and no field is proposed', async () => {
    const regions = await findPageRegions(PROSE, 0, 300_000_000);
    expect(regions.left).toBeNull();
    const r = await readFirstPage(PROSE, 0, recognize);
    expect(r.start.isStart).toBe(false);
    expect(PROPOSAL_FIELDS.every((f) => r.fields[f].value === null)).toBe(true);
  }, 60_000);
});
