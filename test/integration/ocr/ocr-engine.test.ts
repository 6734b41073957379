/**
 * The OCR engine end to end with the real components: sharp clean-up and tesseract.js (Vietnamese best_int,
 * offline) on a real degraded scan. One pool of one worker serves the whole file to keep CPU use modest.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, OcrTimeoutError, type TesseractOcrPool } from '../../../ocr/engine/tesseract-pool.js';
import type { OcrPageResult } from '../../../ocr/engine/types.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { cer } from '../../../ocr/quality.js';
import { searchablePdf } from '../../../ocr/export/pdf.js';

/** poppler's pdftotext (Debian poppler-utils, installed by .ci/run): an independent reader of the PDF text layer. */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/ocr/page-02.png');
const TRUTH = fs.readFileSync(FIXTURE.replace(/\.png$/, '.txt'), 'utf8');

let pool: TesseractOcrPool;
let tmp: string;
let page: OcrPageResult;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-test-'));
  pool = createOcrPool({ size: 1 });
  page = await pool.recognizeFile(FIXTURE, 0);
});

afterAll(async () => {
  await pool?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Share of dark pixels of the master inside a box: a box on a word must hold ink. */
async function inkMeter(file: string) {
  const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
  return ([x0, y0, x1, y1]: [number, number, number, number]) => {
    let dark = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * info.width + x] < 128) dark++;
    return dark / Math.max(1, (x1 - x0) * (y1 - y0));
  };
}

describe('OCR engine on a real scan', () => {
  it('when a degraded Vietnamese page is recognised, then the text matches the ground truth within 5% CER', () => {
    expect(cer(page.text, TRUTH)).toBeLessThanOrEqual(0.05);
    expect(page.text.split('\n')[0]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page.confidence).toBeGreaterThan(50);
    expect(page.engine).toMatch(/^tesseract\.js \d+\.\d+\.\d+ vie 4\.0\.0_best_int .*psm=auto .*prep=grey\+(scale[\d.]+\+)?median3/);
    expect([page.width, page.height]).toEqual([2480, 3508]);
  });

  it('when text is stored, then it is NFC with Đ and never the look-alike Ð', () => {
    expect(page.text).toBe(page.text.normalize('NFC'));
    expect(page.text).toContain('Độc lập');
    expect(page.text).not.toMatch(/[\u00D0\u00F0]/);
    expect(page.words.some((w) => /[\u00D0\u00F0]/.test(w.t))).toBe(false);
  });

  it('when words come back, then every box lies inside the master and lines index the words in order', () => {
    expect(page.words.length).toBeGreaterThan(300);
    for (const w of page.words) {
      const [x0, y0, x1, y1] = w.b;
      expect(0 <= x0 && x0 <= x1 && x1 <= page.width && 0 <= y0 && y0 <= y1 && y1 <= page.height).toBe(true);
    }
    let next = 0;
    for (const line of page.lines) {
      expect(line.w[0]).toBe(next);
      next = line.w[1];
    }
    expect(next).toBe(page.words.length);
    expect(page.lines.map((l) => page.words.slice(l.w[0], l.w[1]).map((w) => w.t).join(' ')).join('\n'))
      .toBe(page.text.replace(/\n\n/g, '\n'));
  });

  it('when the title word is located, then its box sits on the ink of that word at the top centre of the master', async () => {
    const title = page.words.find((w) => w.t === 'CỘNG')!;
    expect(title).toBeDefined();
    const [x0, y0, x1, y1] = title.b;
    expect(y1).toBeLessThan(page.height * 0.12);
    expect((x0 + x1) / 2).toBeGreaterThan(page.width * 0.2);
    expect((x0 + x1) / 2).toBeLessThan(page.width * 0.5);
    const inkShare = await inkMeter(FIXTURE);
    expect(inkShare(title.b)).toBeGreaterThan(0.1);
    // The same-sized band just above the heading is blank paper: the box is not shifted onto nothing.
    expect(inkShare([x0, y0 - (y1 - y0) - 20, x1, y0 - 20])).toBeLessThan(0.02);
    // Body words too: most boxes hold ink.
    const sample = page.words.filter((w) => w.t.length >= 4).slice(0, 40);
    const inked = sample.map((w) => inkShare(w.b));
    expect(inked.filter((s) => s > 0.05).length).toBeGreaterThanOrEqual(sample.length * 0.9);
  });

  it('when a searchable PDF is built from the result, then a PDF reader extracts the Vietnamese text', async () => {
    const access = await sharp(FIXTURE).resize(1240).jpeg({ quality: 80 }).toBuffer();
    const file = path.join(tmp, 'page.pdf');
    fs.writeFileSync(file, await searchablePdf([{ page, image: access, dpi: 300 }], { title: 'Báo cáo' }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cer(text, TRUTH)).toBeLessThanOrEqual(0.05);
    // The word sits where the scan shows it: pdftotext's box for "CỘNG" (in points) matches the OCR box.
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">CỘNG<\/word>/.exec(bbox);
    expect(m).not.toBeNull();
    const title = page.words.find((w) => w.t === 'CỘNG')!;
    expect(Math.abs(Number(m![1]) - (title.b[0] * 72) / 300)).toBeLessThan(3);
    expect(Math.abs(Number(m![3]) - (title.b[2] * 72) / 300)).toBeLessThan(3);
  });

  it('when a multi-page TIFF is given a page index, then that page is the one recognised', async () => {
    const crop = (top: number, height: number) => sharp(FIXTURE).extract({ left: 0, top, width: 2480, height }).png().toBuffer();
    // Pages of one TIFF written by sharp share a height: page 0 is the national heading, page 1 the title.
    const tiff = path.join(tmp, 'two-pages.tif');
    await sharp([await crop(100, 300), await crop(400, 300)], { join: { animated: true } }).tiff({ compression: 'lzw' }).toFile(tiff);
    const second = await pool.recognizeFile(tiff, 1);
    expect(second.text).toContain('BÁO CÁO');
    expect(second.text).not.toContain('CỘNG');
    expect([second.width, second.height]).toEqual([2480, 300]);
    for (const w of second.words) expect(w.b[3]).toBeLessThanOrEqual(300);
  });

  it('when a JPEG carries an EXIF orientation, then it is read upright and boxes are in the upright frame', async () => {
    const upright = await sharp(FIXTURE).extract({ left: 0, top: 200, width: 2480, height: 220 }).png().toBuffer();
    const file = path.join(tmp, 'sideways.jpg');
    // Stored turned a quarter to the left, with orientation 6 ("rotate 90° clockwise to display").
    await sharp(upright).rotate(270).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toFile(file);
    const r = await pool.recognizeFile(file, 0);
    expect([r.width, r.height]).toEqual([2480, 220]);
    expect(r.text).toContain('CỘNG HÒA');
    for (const w of r.words) expect(w.b[2] <= 2480 && w.b[3] <= 220).toBe(true);
  });

  it('when a page overruns its time limit or the file is not an image, then the job fails and the pool keeps working', async () => {
    const small = path.join(tmp, 'heading.png');
    await sharp(FIXTURE).extract({ left: 0, top: 200, width: 2480, height: 220 }).png().toFile(small);
    const before = pool.workersStarted;
    await expect(pool.recognizeFile(small, 0, { timeoutMs: 1 })).rejects.toBeInstanceOf(OcrTimeoutError);
    const junk = path.join(tmp, 'not-an-image.png');
    fs.writeFileSync(junk, 'this is text, not a PNG');
    await expect(pool.recognizeFile(junk, 0)).rejects.toThrow();
    const after = await pool.recognizeFile(small, 0);
    expect(after.text).toContain('CỘNG HÒA');
    // The overrun worker was terminated and a fresh one took its slot.
    expect(pool.workersStarted).toBe(before + 1);
  });
});
