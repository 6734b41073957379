import { describe, expect, it } from 'vitest';
import { chooseMedian, chooseScale, measurePage } from '../../../ocr/image/ocr-prep.js';

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
});
