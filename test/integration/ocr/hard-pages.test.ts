/**
 * Hard pages with the real components: the clean-up chosen per page by measurement (a faded page gets the wide
 * median and the unsharp mask, a crisp one neither), straightening of a skewed page with boxes in the master's
 * frame, and the optional native engine giving the same page shape as tesseract.js (skipped without the binary).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, type TesseractOcrPool } from '../../../ocr/engine/tesseract-pool.js';
import { nativeTesseractVersion } from '../../../ocr/engine/native-pool.js';
import type { OcrPageResult, OcrWord } from '../../../ocr/engine/types.js';
import { prepareForOcr } from '../../../ocr/image/ocr-prep.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { cer } from '../../../ocr/quality.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/ocr/page-02.png');
const TRUTH = fs.readFileSync(FIXTURE.replace(/\.png$/, '.txt'), 'utf8');
const MAX_PIXELS = 300_000_000;
/** The fixture is printed 1.0° clockwise; turning it 2° more takes it past where tesseract still finds lines. */
const TURN = 2;
const native = await nativeTesseractVersion();

let pool: TesseractOcrPool;
let straight: OcrPageResult;

beforeAll(async () => {
  pool = createOcrPool({ size: 1 });
  straight = await pool.recognizeFile(FIXTURE, 0);
});

afterAll(async () => {
  await pool?.close();
});

/** The page turned clockwise about its centre, cropped back to its size (what a skewed scanner feed gives). */
async function turned(degrees: number): Promise<Buffer> {
  const r = await sharp(FIXTURE).rotate(degrees, { background: '#eeeeee' }).toBuffer({ resolveWithObject: true });
  const left = Math.round((r.info.width - 2480) / 2);
  const top = Math.round((r.info.height - 3508) / 2);
  return sharp(r.data).extract({ left, top, width: 2480, height: 3508 }).greyscale().withMetadata({ density: 300 }).png().toBuffer();
}

/** The same page with its ink and paper squeezed into 125..230: a faded typescript, by measurement. */
async function faded(): Promise<Buffer> {
  return sharp(FIXTURE).greyscale().linear(105 / 255, 125).withMetadata({ density: 300 }).png().toBuffer();
}

const centre = (w: OcrWord) => [(w.b[0] + w.b[2]) / 2, (w.b[1] + w.b[3]) / 2];
const find = (page: OcrPageResult, t: string) => page.words.find((w) => w.t === t);

describe('clean-up chosen per page', () => {
  it('when a page is faded, then it gets the 5×5 median and the unsharp mask; a crisp page gets neither', async () => {
    const fadedPrep = await prepareForOcr(await faded(), 0, { maxPixels: MAX_PIXELS });
    expect(fadedPrep.steps).toMatch(/median5\+stretch\(\d+-\d+\)\+sharpen/);
    const crisp = await prepareForOcr(FIXTURE, 0, { maxPixels: MAX_PIXELS });
    expect(crisp.steps).toMatch(/median3\+stretch/);
    expect(crisp.steps).not.toContain('sharpen');
    // Forced off, the faded page is cleaned up as before.
    const off = await prepareForOcr(await faded(), 0, { maxPixels: MAX_PIXELS, sharpen: false });
    expect(off.steps).not.toContain('sharpen');
  });

  it('when the faded page is recognised, then it reads as well as the crisp one', async () => {
    const page = await pool.recognizeFile(await faded(), 0);
    expect(page.engine).toContain('+sharpen');
    expect(cer(page.text, TRUTH)).toBeLessThanOrEqual(Math.max(0.015, cer(straight.text, TRUTH) + 0.005));
  });
});

describe('straightening a skewed page', () => {
  it('when the page is turned 2° further, then its measured skew is straightened and it reads like the straight one', async () => {
    expect(straight.engine).toMatch(/deskew\(1\.\d+\)/);
    const page = await pool.recognizeFile(await turned(TURN), 0);
    expect(page.engine).toMatch(/deskew\(2\.[89]\d|deskew\(3\.[01]\d/);
    expect(cer(page.text, TRUTH)).toBeLessThanOrEqual(cer(straight.text, TRUTH) + 0.005);
  });

  it('when words come back from the straightened image, then their boxes sit on the turned master, within a few pixels', async () => {
    const page = await pool.recognizeFile(await turned(TURN), 0);
    const rad = (TURN * Math.PI) / 180;
    const [cx, cy] = [2480 / 2, 3508 / 2];
    let checked = 0;
    for (const t of ['CỘNG', 'NGHĨA', 'BÁO', 'phương']) {
      const a = find(straight, t);
      const b = find(page, t);
      if (!a || !b) continue;
      // Where the straight page's word centre lands after turning the page clockwise about its centre.
      const [x, y] = centre(a);
      const ex = cx + (x - cx) * Math.cos(rad) - (y - cy) * Math.sin(rad);
      const ey = cy + (x - cx) * Math.sin(rad) + (y - cy) * Math.cos(rad);
      const [gx, gy] = centre(b);
      expect(Math.hypot(gx - ex, gy - ey)).toBeLessThan(6);
      for (const w of page.words) expect(w.b[2] <= 2480 && w.b[3] <= 3508 && w.b[0] >= 0 && w.b[1] >= 0).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('when straightening is switched off, then the turned page loses most of its text (the gain is real)', async () => {
    const off = createOcrPool({ size: 1, prep: { deskew: false } });
    try {
      const page = await off.recognizeFile(await turned(TURN), 0);
      expect(page.engine).not.toContain('deskew');
      expect(cer(page.text, TRUTH)).toBeGreaterThan(0.2);
    } finally {
      await off.close();
    }
  });
});

describe.skipIf(!native)(`native engine (${native ?? 'skipped: /usr/bin/tesseract with Vietnamese data not installed'})`, () => {
  it('when the native engine reads the page, then text, confidences, boxes and lines have the tesseract.js shape and agree with it', async () => {
    const nativePool = createOcrPool({ size: 1, engine: 'native' });
    try {
      await nativePool.warmUp();
      const page = await nativePool.recognizeFile(FIXTURE, 0);
      expect(page.engine).toMatch(/^tesseract \d+\.\d+\.\d+ native vie oem=lstm psm=auto dpi=200 prep=grey\+scale0\.667\+median3\+stretch\(\d+-\d+\)\+deskew\(1\.\d+\)$/);
      expect(cer(page.text, TRUTH)).toBeLessThanOrEqual(0.02);
      expect([page.width, page.height]).toEqual([straight.width, straight.height]);
      expect(page.words.length).toBeGreaterThan(300);
      for (const w of page.words) {
        expect(w.c).toBeGreaterThanOrEqual(0);
        expect(w.c).toBeLessThanOrEqual(100);
        expect(w.b[0] <= w.b[2] && w.b[2] <= page.width && w.b[1] <= w.b[3] && w.b[3] <= page.height).toBe(true);
      }
      expect(page.lines.map((l) => page.words.slice(l.w[0], l.w[1]).map((w) => w.t).join(' ')).join('\n'))
        .toBe(page.text.replace(/\n\n/g, '\n'));
      for (const t of ['CỘNG', 'BÁO']) {
        const [ax, ay] = centre(find(straight, t)!);
        const [bx, by] = centre(find(page, t)!);
        expect(Math.hypot(ax - bx, ay - by)).toBeLessThan(4);
      }
    } finally {
      await nativePool.close();
    }
  });
});
