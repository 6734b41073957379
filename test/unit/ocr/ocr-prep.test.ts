import { describe, expect, it } from 'vitest';
import { chooseMedian, chooseScale, chooseTargetDpi, measurePage, prepareForOcr, CRISP_TARGET_DPI, DEFAULT_TARGET_DPI } from '../../../ocr/image/ocr-prep.js';
import { decodeGreyPage, encodeGreyPng } from '../../../ocr/image/grey-page.js';

/** A page of dashed "text lines" in `ink` on `paper`, `width`×`height` pixels. */
function page(width: number, height: number, ink: number, paper: number): Uint8Array {
  const px = new Uint8Array(width * height).fill(paper);
  for (let line = 120; line < height - 120; line += 45) {
    for (let x = 90; x < width - 90; x++) {
      if (x % 23 < 4) continue;
      for (let y = line; y < line + 14; y++) px[y * width + x] = ink;
    }
  }
  return px;
}

describe('OCR clean-up choices', () => {
  it('when a page is faded (ink and paper less than half the scale apart), then a wider median is chosen at OCR resolution', () => {
    expect(chooseMedian(255 / 88, 240)).toBe(5);
    expect(chooseMedian(255 / 220, 240)).toBe(3);
    // At low resolution the wide window would erase strokes.
    expect(chooseMedian(255 / 88, 200)).toBe(3);
    expect(chooseMedian(255 / 220, 120)).toBe(0);
  });

  it('when the master declares more than the target resolution, then it is scaled down to it; otherwise kept', () => {
    expect(chooseScale(2480, 3508, 300, 240)).toBeCloseTo(0.8);
    expect(chooseScale(4960, 7016, 600, 240)).toBeCloseTo(0.4);
    expect(chooseScale(1654, 2339, 200, 240)).toBe(1);
    // Unknown resolution: only a page far larger than an A4 at the target is shrunk.
    expect(chooseScale(2480, 3508, null, 240)).toBe(1);
    expect(chooseScale(7016, 9920, null, 240)).toBeLessThan(0.5);
  });

  it('when a page is measured, then its own ink and paper levels come out, not fixed values', async () => {
    // A faded page: paper 214, ink 120 on 3% of the pixels.
    const w = 400;
    const h = 300;
    const px = Buffer.alloc(w * h, 214);
    for (let i = 0; i < px.length; i += 33) px[i] = 120;
    const m = await measurePage(px, w, h);
    expect(m.low).toBe(120);
    expect(m.high).toBe(214);
  });

  it('when a page-sized scan is crisp, then it is read at the lower resolution; a faded page or a short crop keeps the full one', () => {
    expect(chooseTargetDpi(255 / 230, 11.7)).toBe(CRISP_TARGET_DPI);
    expect(chooseTargetDpi(255 / 89, 11.7)).toBe(DEFAULT_TARGET_DPI);
    expect(chooseTargetDpi(255 / 230, 1.5)).toBe(DEFAULT_TARGET_DPI);
  });

  it('when the page comes already decoded, then the prepared image is the same as from the encoded file, at the resolution its own contrast chose', async () => {
    const w = 1500;
    const h = 2000; // 5 × 6.7 inches at 300 dpi: page-sized
    for (const [ink, paper, dpi] of [[20, 245, CRISP_TARGET_DPI], [120, 214, DEFAULT_TARGET_DPI]]) {
      const png = await encodeGreyPng({ data: page(w, h, ink, paper), width: w, height: h }, 300);
      const fromFile = await prepareForOcr(png, 0, { maxPixels: 1e8 });
      const fromPixels = await prepareForOcr(await decodeGreyPage(png, 0, 1e8), 0, { maxPixels: 1e8 });
      expect(fromFile.dpi).toBe(dpi);
      expect(fromFile.scale).toBeCloseTo(dpi / 300);
      expect(fromPixels.image.equals(fromFile.image)).toBe(true);
      expect([fromPixels.width, fromPixels.height, fromPixels.masterWidth, fromPixels.masterHeight]).toEqual([fromFile.width, fromFile.height, w, h]);
      // A forced resolution wins over the page's own choice.
      expect((await prepareForOcr(png, 0, { maxPixels: 1e8, targetDpi: 240 })).dpi).toBe(240);
    }
  });
});
