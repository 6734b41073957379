/**
 * Skew of a text page, measured cheaply, and the straightening rotation. Tesseract's own rotateAuto costs
 * ~0.45 s/page; a projection profile on a ~1000-px binarised copy costs a few hundredths of a second: text
 * lines, sheared by the right angle, pile their ink into few rows, so the sum of squared row counts peaks there.
 * The straightened image keeps the input's size and centre, so a box maps back to the master by one rotation
 * about the centre (ocr/engine/layout.ts toMaster with `radians`).
 */
import sharp from './sharp.js';

export interface SkewEstimate {
  /** Clockwise angle of the text lines in degrees (image y axis pointing down); rotate by -degrees to straighten. */
  degrees: number;
  /** Peak sharpness relative to the unsheared profile (1 = no gain): a page without lines gives ~1. */
  confidence: number;
}

const SAMPLE_WIDTH = 1000;
const MAX_DEGREES = 10;

/** Skew of an 8-bit grey page whose ink is darker than `threshold`. */
export async function estimateSkew(grey: Buffer, width: number, height: number, threshold: number): Promise<SkewEstimate> {
  const f = Math.min(1, SAMPLE_WIDTH / width);
  const sw = Math.max(8, Math.round(width * f));
  const sh = Math.max(8, Math.round(height * f));
  const small = await sharp(grey, { raw: { width, height, channels: 1 } }).resize(sw, sh, { kernel: 'linear' }).greyscale().raw({ depth: 'uchar' }).toBuffer();
  // Ink coordinates, centred so a shear turns about the middle; the page edges (scanner shadows) are skipped.
  const xs: number[] = [];
  const ys: number[] = [];
  const mx = Math.round(sw * 0.04);
  const my = Math.round(sh * 0.03);
  for (let y = my; y < sh - my; y++) {
    for (let x = mx; x < sw - mx; x++) {
      if (small[y * sw + x] < threshold) {
        xs.push(x - sw / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return { degrees: 0, confidence: 1 };
  const rows = new Float64Array(sh + 2 * sw);
  const offset = sw;
  const score = (deg: number) => {
    rows.fill(0);
    const t = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < xs.length; i++) rows[Math.round(ys[i] - xs[i] * t) + offset]++;
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += rows[i] * rows[i];
    return s;
  };
  // Coarse then fine: 0.5° steps over ±10° (the peak is ~1.5° wide at this size), then 0.05° around the best.
  let best = 0;
  let bestScore = -1;
  for (let d = -MAX_DEGREES; d <= MAX_DEGREES + 1e-9; d += 0.5) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.5; d <= coarse + 0.5 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return { degrees: Math.round(best * 100) / 100, confidence: bestScore / Math.max(1, score(0)) };
}

/**
 * The page rotated clockwise by `degrees` about its centre, cropped back to its own size, with `paper` filling
 * the corners. prepared(x, y) = master rotated about the centre, so boxes map back by the inverse rotation.
 */
export async function rotateGrey(grey: Buffer, width: number, height: number, degrees: number, paper: number): Promise<Buffer> {
  // The rotated canvas is the bounding box libvips gives (rounded like vips_rotate); extract() after rotate() crops
  // it back in the same pipeline, with no intermediate copy of the page.
  const a = (Math.abs(degrees) * Math.PI) / 180;
  const rw = Math.round(width * Math.cos(a) + height * Math.sin(a));
  const rh = Math.round(width * Math.sin(a) + height * Math.cos(a));
  const out = await sharp(grey, { raw: { width, height, channels: 1 } })
    .rotate(degrees, { background: { r: paper, g: paper, b: paper } })
    .extract({ left: Math.round((rw - width) / 2), top: Math.round((rh - height) / 2), width, height })
    .greyscale()
    .raw({ depth: 'uchar' })
    .toBuffer();
  if (out.length !== width * height) throw new Error('deskew: unexpected pixel layout');
  return out;
}
