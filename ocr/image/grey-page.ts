/**
 * Grey pixels of a scanned page for the layout readers (ocr/tables, ocr/documents), which measure ink themselves and
 * so need raw pixels rather than a finished image; sharp stays inside ocr/image. Pages are decoded as ocr-prep.ts
 * decodes them for recognition (EXIF-upright, one grey channel), so every box lands in the master's frame.
 */
import sharp from './sharp.js';

export interface GreyPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

type Input = string | Buffer;
const open = (file: Input, pageIndex: number, maxPixels: number) => sharp(file, { page: pageIndex, pages: 1, limitInputPixels: maxPixels, failOn: 'error' });
/** Resolution from the file when it is believable; scanners often write 72 or nothing. */
const densityOf = (d: number | undefined) => (d && d > 50 ? d : undefined);

/** The full-size upright grey page, with the scan's resolution when it has a believable one. */
export async function decodeGreyPage(file: Input, pageIndex: number, maxPixels: number): Promise<GreyPixels & { density: number | undefined }> {
  const meta = await open(file, pageIndex, maxPixels).metadata();
  const full = await open(file, pageIndex, maxPixels).autoOrient().removeAlpha().greyscale().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(full.data.buffer, full.data.byteOffset, full.data.length), width: full.info.width, height: full.info.height, density: densityOf(meta.density) };
}

/** A small upright grey copy `width` pixels wide (cubic), with the master's upright size. */
export async function decodeGreyThumbnail(file: Input, pageIndex: number, maxPixels: number, width: number) {
  const meta = await sharp(file, { page: pageIndex, pages: 1, limitInputPixels: maxPixels }).metadata();
  const masterWidth = meta.autoOrient?.width ?? meta.width ?? 0;
  const masterHeight = meta.autoOrient?.height ?? meta.height ?? 0;
  const height = Math.max(1, Math.round(masterHeight * (width / masterWidth)));
  const data = await open(file, pageIndex, maxPixels).autoOrient().removeAlpha().greyscale().resize(width, height, { kernel: 'cubic' }).raw({ depth: 'uchar' }).toBuffer();
  return { data, width, height, masterWidth, masterHeight };
}

/** Grey PNG for the OCR pool (fast, low compression: it lives for one recognition). */
export async function encodeGreyPng(r: GreyPixels, density: number | undefined): Promise<Buffer> {
  let img = sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.length), { raw: { width: r.width, height: r.height, channels: 1 } });
  if (density) img = img.withMetadata({ density });
  return img.png({ compressionLevel: 1 }).toBuffer();
}

/** A region of the master as a grey PNG at the master's resolution (300 dpi when unknown), for OCR on its own. */
export async function cropGreyPng(file: Input, pageIndex: number, box: [number, number, number, number], maxPixels: number): Promise<Buffer> {
  const meta = await sharp(file, { page: pageIndex, pages: 1, limitInputPixels: maxPixels }).metadata();
  return open(file, pageIndex, maxPixels)
    .autoOrient()
    .extract({ left: box[0], top: box[1], width: Math.max(1, box[2] - box[0]), height: Math.max(1, box[3] - box[1]) })
    .removeAlpha()
    .greyscale()
    .withMetadata({ density: densityOf(meta.density) ?? 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Grey-level histogram of every `step`-th pixel (a sample is enough for percentiles) and the pixels counted. */
export function greyHistogram(data: ArrayLike<number>, step = 1): { hist: Uint32Array; total: number } {
  const hist = new Uint32Array(256);
  let total = 0;
  for (let i = 0; i < data.length; i += step) {
    hist[data[i]]++;
    total++;
  }
  return { hist, total };
}

/**
 * The first grey level whose cumulative count passes the share `p` of the pixels (reaches it, with `atLeast`);
 * `fallback` when none does.
 */
export function greyPercentile(h: { hist: Uint32Array; total: number }, p: number, fallback = 255, atLeast = false): number {
  const target = h.total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += h.hist[v];
    if (atLeast ? acc >= target : acc > target) return v;
  }
  return fallback;
}
