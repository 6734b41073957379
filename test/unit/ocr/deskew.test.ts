import { describe, expect, it } from 'vitest';
import { estimateSkew, rotateGrey } from '../../../ocr/image/deskew.js';
import { blocksFromTsv } from '../../../ocr/engine/native-pool.js';

/** A page of dark "text lines" (dashed bars) drawn at `degrees` clockwise, on paper 230. */
function linedPage(degrees: number, width = 1200, height = 1600): Buffer {
  const px = Buffer.alloc(width * height, 230);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let line = 150; line < height - 150; line += 40) {
    for (let x = 100; x < width - 100; x++) {
      if (x % 23 < 4) continue; // gaps between "words"
      const y0 = Math.round(line + (x - width / 2) * t);
      for (let y = y0; y < y0 + 12; y++) if (y >= 0 && y < height) px[y * width + x] = 40;
    }
  }
  return px;
}

describe('skew estimate', () => {
  it('when text lines run at a clockwise or anticlockwise angle, then that angle is measured within 0.1°', async () => {
    for (const deg of [-4, -1.3, 0, 0.6, 2.5, 7]) {
      const e = await estimateSkew(linedPage(deg), 1200, 1600, 135);
      expect(Math.abs(e.degrees - deg)).toBeLessThanOrEqual(0.1);
    }
  });

  it('when a page has no lines (blank paper), then no skew is claimed', async () => {
    const e = await estimateSkew(Buffer.alloc(800 * 1000, 230), 800, 1000, 135);
    expect(e).toEqual({ degrees: 0, confidence: 1 });
  });

  it('when the page is turned back by the measured angle, then its lines are level and its size is kept', async () => {
    const page = linedPage(2);
    // Against the unsheared profile, the turned page's lines pile up far better at their angle.
    expect((await estimateSkew(page, 1200, 1600, 135)).confidence).toBeGreaterThan(2);
    const straight = await rotateGrey(page, 1200, 1600, -2, 230);
    expect(straight.length).toBe(1200 * 1600);
    const e = await estimateSkew(straight, 1200, 1600, 135);
    expect(Math.abs(e.degrees)).toBeLessThanOrEqual(0.1);
  });
});

describe('native engine TSV', () => {
  it('when tesseract writes its TSV, then blocks, paragraphs, lines and words come back with boxes and confidences', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2000\t3000\t-1\t',
      '2\t1\t1\t0\t0\t0\t100\t200\t800\t60\t-1\t',
      '3\t1\t1\t1\t0\t0\t100\t200\t800\t60\t-1\t',
      '4\t1\t1\t1\t1\t0\t100\t200\t800\t60\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t150\t60\t96.5\tCỘNG',
      '5\t1\t1\t1\t1\t2\t270\t200\t100\t60\t91\tHÒA',
      '2\t1\t2\t0\t0\t0\t100\t400\t500\t40\t-1\t',
      '3\t1\t2\t1\t0\t0\t100\t400\t500\t40\t-1\t',
      '4\t1\t2\t1\t1\t0\t100\t400\t500\t40\t-1\t',
      '5\t1\t2\t1\t1\t1\t100\t400\t90\t40\t88\tNgày',
      '',
    ].join('\n');
    const blocks = blocksFromTsv(tsv);
    expect(blocks).toHaveLength(2);
    expect(blocks[0].paragraphs[0].lines[0].words).toEqual([
      { text: 'CỘNG', confidence: 96.5, bbox: { x0: 100, y0: 200, x1: 250, y1: 260 } },
      { text: 'HÒA', confidence: 91, bbox: { x0: 270, y0: 200, x1: 370, y1: 260 } },
    ]);
    expect(blocks[1].paragraphs[0].lines[0].bbox).toEqual({ x0: 100, y0: 400, x1: 600, y1: 440 });
  });
});
