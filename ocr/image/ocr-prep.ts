/**
 * Clean-up of one master page before OCR. Measured on the fixtures (docs/design.md): greyscale + median 3 +
 * contrast stretch cut character errors threefold, while any fixed global threshold destroyed faded pages.
 * So every decision here comes from the page itself: the stretch points are its own histogram percentiles,
 * the median window and the unsharp mask follow its contrast and resolution (chooseMedian, chooseSharpen), and
 * it is straightened only when its own text lines are measurably skewed (deskew.ts).
 */
import sharp from './sharp.js';
import { decodeGreyPage, greyHistogram, greyPercentile, type GreyPixels } from './grey-page.js';
import { estimateSkew, rotateGrey } from './deskew.js';

export interface OcrPrepOptions {
  /** Decompression-bomb guard (sharp limitInputPixels). */
  maxPixels: number;
  /**
   * Resolution the OCR image is resampled to when the master declares a higher one (or none is known and
   * the page is much larger than an A4 at that resolution). Default 240: tesseract normalises every text
   * line to its network's input height anyway, so on the fixtures 240 dpi read as well as 300 (CER 0.6%)
   * while layout analysis and binarisation touch 36% fewer pixels; 200 dpi was faster still but lost
   * accuracy on the faded page. 8-pt print still has an x-height of ~12 px at 240 dpi.
   * Unset: chosen per page (chooseTargetDpi); a number forces it.
   */
  targetDpi?: number;
  /** Median window: 'auto' (default) chooses from contrast and resolution; a number or 0 forces it. */
  median?: 'auto' | 0 | 3 | 5;
  /** Unsharp mask after the stretch: 'auto' (default) only on faded pages (chooseSharpen); true/false forces it. */
  sharpen?: 'auto' | boolean;
  /**
   * Straighten the page when its measured skew is at least this many degrees (default DESKEW_MIN_DEGREES);
   * false never measures.
   */
  deskew?: number | false;
}

export interface OcrPrepared {
  /**
   * 8-bit greyscale image handed to the OCR engine, as binary PGM (P5): leptonica reads it without a
   * decode step, measurably faster than PNG inside the wasm worker, and nothing is spent encoding it.
   */
  image: Buffer;
  width: number;
  height: number;
  masterWidth: number;
  masterHeight: number;
  /** prepared pixel = master pixel × scale; boxes map back by dividing. */
  scale: number;
  /** Clockwise rotation applied after scaling, about the image centre (0 when straight); boxes map back by undoing it. */
  radians: number;
  /** Resolution of the prepared image, told to tesseract (user_defined_dpi). */
  dpi: number;
  /** What was done, recorded in the engine string, e.g. 'grey+median3+stretch(24-240)'. */
  steps: string;
}

/**
 * A page already decoded upright to one grey channel (ocr/tables decodes it to look for rules), so the clean-up
 * does not decode the master a second time.
 */
export type DecodedGreyPage = GreyPixels & { density: number | undefined };

export type OcrInput = string | Buffer | DecodedGreyPage;

export interface PageMeasure {
  /** Dark and light ends of the ink/paper range (0.5th and 99.5th percentile grey). */
  low: number;
  high: number;
}

const SAMPLE_LONG_SIDE = 1200;
/**
 * Straighten from 0.3°: tesseract's line finding collapses from ~1.8° (page-02 turned to 1.8°: CER 32%, 2°: 84%,
 * 3°: 87%; straightened 0.2%), and below that straightening still gained overall on the fixtures (0.54% → 0.50%;
 * page-01 at 1.75° lost 0.56% → 0.83%, pages 02/03/05 gained) at ~0.25 CPU s/page. No fixture is skewed less
 * than 0.3°, so smaller angles were not measured and are left alone.
 */
export const DESKEW_MIN_DEGREES = 0.3;
/** Below this profile gain the page has no clear text lines (a photo, an empty page): never rotated. */
const MIN_SKEW_CONFIDENCE = 1.05;
/** Images shorter than this (in inches at OCR resolution) are never straightened: crops, strips, single lines. */
const MIN_DESKEW_INCHES = 4;
export const DEFAULT_TARGET_DPI = 240;
/**
 * Crisp page-sized scans are read at 200 dpi. Native engine on the prose fixtures (one page at a time, CPU s incl.
 * the tesseract process): recognition 1.87 → 1.67 s/page, clean-up ~0.1 s less, CER per crisp page 0.70/0.00/0.18/0.61/0.34 %
 * at 240 against 0.51/0.05/0.00/0.51/0.42 % at 200. The faded page lost too much at 200 (1.48 % → 2.17 %) and keeps 240.
 */
export const CRISP_TARGET_DPI = 200;
const isDecoded = (input: OcrInput): input is DecodedGreyPage => !Buffer.isBuffer(input) && typeof input !== 'string';
const A4_LONG_INCH = 11.7;

export async function prepareForOcr(input: OcrInput, pageIndex: number, opts: OcrPrepOptions): Promise<OcrPrepared> {
  // Decoded once, upright, to one 8-bit grey channel (ocr/image/grey-page.ts), unless the caller already has it.
  const full = isDecoded(input) ? input : await decodeGreyPage(input, pageIndex, opts.maxPixels);
  const masterWidth = full.width;
  const masterHeight = full.height;
  if (!masterWidth || !masterHeight) throw new Error(`ocr-prep: page ${pageIndex} has no size`);
  const fullPixels = Buffer.from(full.data.buffer, full.data.byteOffset, full.data.length);

  const dpi = full.density ?? null;
  // Without a declared resolution the page's size in inches is unknown: it keeps the default.
  let targetDpi = opts.targetDpi ?? DEFAULT_TARGET_DPI;
  if (opts.targetDpi === undefined && dpi) {
    const m = await measurePage(fullPixels, masterWidth, masterHeight);
    targetDpi = chooseTargetDpi(255 / Math.max(1, m.high - m.low), masterHeight / dpi);
  }
  const scale = chooseScale(masterWidth, masterHeight, dpi, targetDpi);
  const width = Math.max(1, Math.round(masterWidth * scale));
  const height = Math.max(1, Math.round(masterHeight * scale));

  // The measurement works on a small copy of the image at OCR size.
  let grey = sharp(fullPixels, { raw: { width: masterWidth, height: masterHeight, channels: 1 } });
  if (scale !== 1) grey = grey.resize(width, height, { kernel: 'lanczos3' });
  const raw = await grey.greyscale().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (raw.info.channels !== 1) throw new Error(`ocr-prep: expected 1 grey channel, got ${raw.info.channels}`);
  const measure = await measurePage(raw.data, raw.info.width, raw.info.height);

  const effectiveDpi = Math.round((dpi ?? targetDpi / scale) * scale);
  const steps: string[] = ['grey'];
  if (scale !== 1) steps.push(`scale${scale.toFixed(3)}`);
  let out = sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: 1 } });
  const range = measure.high - measure.low;
  const gain = 255 / Math.max(1, range);
  const window = opts.median === undefined || opts.median === 'auto' ? chooseMedian(gain, effectiveDpi) : opts.median;
  if (window) {
    out = out.median(window);
    steps.push(`median${window}`);
  }
  // Stretch the page's own ink..paper range to full scale: a faded page gets the most gain, a crisp one
  // almost none. No threshold is applied; tesseract binarises adaptively itself (Otsu per region).
  if (range > 8 && (measure.low > 2 || measure.high < 253)) {
    out = out.linear(gain, -measure.low * gain);
    steps.push(`stretch(${measure.low}-${measure.high})`);
  }
  const sharpen = opts.sharpen === undefined || opts.sharpen === 'auto' ? chooseSharpen(gain, effectiveDpi) : opts.sharpen;
  if (sharpen) {
    out = out.convolve(UNSHARP);
    steps.push('sharpen');
  }
  // linear() makes libvips hand back sRGB: ask for the one grey channel again.
  let pixels: Buffer = await out.greyscale().raw({ depth: 'uchar' }).toBuffer();
  if (pixels.length !== raw.info.width * raw.info.height) throw new Error('ocr-prep: unexpected pixel layout');
  // Straightened last, on the cleaned-up image, so the filters never see the rotation's interpolated edges.
  // Only page-sized images: a crop of a few header lines (ocr/documents) reads as well unturned, and its short
  // profile gives less certain angles (measured: one more wrong field of 32 when crops were turned too).
  let radians = 0;
  const minSkew = opts.deskew ?? DESKEW_MIN_DEGREES;
  if (minSkew !== false && raw.info.height >= MIN_DESKEW_INCHES * effectiveDpi) {
    const skew = await estimateSkew(raw.data, raw.info.width, raw.info.height, (measure.low + measure.high) / 2);
    if (Math.abs(skew.degrees) >= minSkew && skew.confidence > MIN_SKEW_CONFIDENCE) {
      pixels = await rotateGrey(pixels, raw.info.width, raw.info.height, -skew.degrees, 255);
      radians = (-skew.degrees * Math.PI) / 180;
      steps.push(`deskew(${skew.degrees.toFixed(2)})`);
    }
  }
  const image = Buffer.concat([Buffer.from(`P5\n${raw.info.width} ${raw.info.height}\n255\n`, 'ascii'), pixels]);
  return { image, width, height, masterWidth, masterHeight, scale, radians, dpi: effectiveDpi, steps: steps.join('+') };
}

/**
 * Median window. Dust, JPEG blocks and paper grain become dots and broken strokes after binarisation; a
 * 3×3 median removes them at no cost to 300-dpi strokes (CER 4.3% → 1.4% in docs/design.md). The contrast
 * stretch multiplies that grain by its gain, so a faded page (gain ≥ 2: ink and paper less than half the
 * scale apart) gets a 5×5 window (faded fixture at 300 dpi: 6.1% → 1.8% CER; at 240 dpi 4.1% → 1.6%); on
 * a crisp page 5×5 erodes thin serifs (0.2% → 0.6%), and below ~225 dpi it erodes the faded strokes too
 * (200 dpi: 2.0% → 2.5%). Below 150 dpi strokes are too thin for any median.
 */
export function chooseMedian(gain: number, dpi: number): 0 | 3 | 5 {
  if (dpi < 150) return 0;
  if (gain >= 2 && dpi >= 225) return 5;
  return 3;
}

/**
 * Resolution for a page whose own contrast gives `gain` and whose height is `inches`: a faded page (gain ≥ 2, the
 * same measure that picks the 5×5 median) needs DEFAULT_TARGET_DPI, a crisp page-sized scan reads as well at
 * CRISP_TARGET_DPI. Images under MIN_DESKEW_INCHES tall (header crops of ocr/documents, cell strips) keep
 * DEFAULT_TARGET_DPI: they cost little to read and were not measured at 200 dpi.
 */
export function chooseTargetDpi(gain: number, inches: number): number {
  return gain < 2 && inches >= MIN_DESKEW_INCHES ? CRISP_TARGET_DPI : DEFAULT_TARGET_DPI;
}

export function chooseScale(width: number, height: number, dpi: number | null, targetDpi: number): number {
  if (dpi && dpi > targetDpi * 1.15) return targetDpi / dpi;
  // Unknown resolution: assume the long side is an A4 page and only shrink very large scans.
  if (!dpi) {
    const assumedDpi = Math.max(width, height) / A4_LONG_INCH;
    if (assumedDpi > targetDpi * 1.5) return targetDpi / assumedDpi;
  }
  return 1;
}

/** Histogram percentiles, on a downsampled copy so it costs a few milliseconds. */
export async function measurePage(grey: Buffer, width: number, height: number): Promise<PageMeasure> {
  const f = Math.min(1, SAMPLE_LONG_SIDE / Math.max(width, height));
  const sw = Math.max(3, Math.round(width * f));
  const sh = Math.max(3, Math.round(height * f));
  const small = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(sw, sh, { kernel: 'nearest' })
    .raw()
    .toBuffer();
  const hist = greyHistogram(small);
  const low = greyPercentile(hist, 0.005);
  const high = greyPercentile(hist, 0.995);

  return { low, high };
}

/**
 * Unsharp mask for faded pages only (the same gain ≥ 2 that picks the 5×5 median): the wide median rounds the
 * thin typewriter strokes, and restoring their edges took the faded fixture from 1.62% to 1.48% CER (straightened
 * too: 2.59% without it and 1.29% with it in the final order, rotation last). A crisp page never gets it, so its image is unchanged byte for byte.
 */
export function chooseSharpen(gain: number, dpi: number): boolean {
  return gain >= 2 && dpi >= 150;
}

/**
 * Unsharp mask as one 5×5 convolution: (1 + a)·identity − a·Gaussian(σ 1), a = 1. On the faded fixture (straightened
 * before the filters) it read better than sharp's sharpen() (1.02% vs 1.20% CER; a 0.6: 1.11%, 1.3: 1.20%, 2: 1.16%)
 * at a third of its cost (sharpen() took ~1 CPU s a page).
 */
const UNSHARP = (() => {
  const amount = 1;
  const g: number[] = [];
  for (let y = -2; y <= 2; y++) for (let x = -2; x <= 2; x++) g.push(Math.exp(-(x * x + y * y) / 2));
  const sum = g.reduce((a, b) => a + b, 0);
  return { width: 5, height: 5, scale: 1, kernel: g.map((v, i) => (i === 12 ? 1 + amount : 0) - (amount * v) / sum) };
})();
