import { describe, expect, it } from 'vitest';
import { extractLayout, toMaster, type BoxMapping, type TessBlock } from '../../../ocr/engine/layout.js';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
const word = (text: string, confidence: number, b: ReturnType<typeof box>) => ({ text, confidence, bbox: b });
const identity: BoxMapping = { scale: 1, radians: 0, width: 1000, height: 1000, masterWidth: 1000, masterHeight: 1000 };

const blocks: TessBlock[] = [{
  bbox: box(10, 10, 500, 100),
  paragraphs: [
    { bbox: box(10, 10, 500, 60), lines: [
      { bbox: box(10, 10, 300, 30), words: [word('\u00D0ộc', 90, box(10, 10, 60, 30)), word('lập', 80, box(70, 10, 120, 30))] },
      { bbox: box(10, 40, 300, 60), words: [word('Tự', 70, box(10, 40, 40, 60)), word('  ', 10, box(50, 40, 60, 60)), word('do', 60, box(70, 40, 100, 60))] },
    ] },
    { bbox: box(10, 80, 500, 100), lines: [{ bbox: box(10, 80, 500, 100), words: [word('Hạnh'.normalize('NFD'), 50, box(10, 80, 90, 100))] }] },
  ],
}];

describe('extractLayout', () => {
  it('when tesseract returns paragraphs and lines, then text has one line per line and a blank line between paragraphs', () => {
    const page = extractLayout(blocks, identity);
    expect(page.text).toBe('Độc lập\nTự do\n\nHạnh');
    expect(page.words.map((w) => w.t)).toEqual(['Độc', 'lập', 'Tự', 'do', 'Hạnh']);
    expect(page.lines.map((l) => l.w)).toEqual([[0, 2], [2, 4], [4, 5]]);
    // Empty words are dropped and do not count towards the mean confidence.
    expect(page.confidence).toBe(70);
  });

  it('when the OCR image was downscaled, then boxes are scaled back to master pixels and clamped to it', () => {
    const page = extractLayout(blocks, { ...identity, scale: 0.5, masterWidth: 900, masterHeight: 2000 });
    expect(page.words[0].b).toEqual([20, 20, 120, 60]);
    expect(page.lines[2].b).toEqual([20, 160, 900, 200]);
  });

  it('when there are no blocks, then the page is empty with confidence 0', () => {
    expect(extractLayout(null, identity)).toEqual({ text: '', words: [], lines: [], confidence: 0 });
  });
});

describe('toMaster', () => {
  it('when tesseract straightened the image, then a box is rotated back about the image centre', () => {
    const map: BoxMapping = { ...identity, radians: Math.PI / 2 };
    // Turning (600, 500) back a quarter turn about the centre (500, 500) lands on (500, 400).
    expect(toMaster(box(600, 500, 600, 500), map)).toEqual([500, 400, 500, 400]);
  });

  it('when the angle is small, then the box only moves slightly and grows to the rotated hull', () => {
    const map: BoxMapping = { ...identity, radians: 0.02 };
    const [x0, y0, x1, y1] = toMaster(box(100, 100, 300, 140), map);
    expect(Math.abs(x0 - 100)).toBeLessThan(20);
    expect(y1 - y0).toBeGreaterThan(40);
    expect(x1 - x0).toBeGreaterThanOrEqual(200);
  });
});
