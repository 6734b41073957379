/**
 * probeMaster: decides whether an uploaded scan is a usable master and describes each page. The type
 * comes from the content, the page count from the TIFF structure, and soundness from a full decode of
 * every page, because truncated files pass sharp's metadata() (docs/design.md).
 */
import { open, stat } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { sharp } from './sharp.js';
import { sniff } from './sniff.js';
import { readTiffStructure } from './tiff-structure.js';
import { ImageRejectedError, type ColourMode, type ImageLimits, type MasterInfo, type PageInfo } from './types.js';

const reject = (code: ImageRejectedError['code'], message: string) => new ImageRejectedError(code, message);
const fmtInt = (n: number) => n.toLocaleString('vi-VN');

export const REJECT = {
  empty: () => reject('IMAGE_EMPTY', 'Tệp rỗng (0 byte), không có dữ liệu ảnh. Hãy kiểm tra lại tệp quét.'),
  notAFile: () => reject('IMAGE_TYPE_UNSUPPORTED', 'Đường dẫn không phải là một tệp ảnh.'),
  pdf: () =>
    reject(
      'IMAGE_TYPE_UNSUPPORTED',
      'Tệp là PDF, không phải ảnh quét. Hãy chuyển từng trang PDF sang ảnh TIFF hoặc PNG (ví dụ: pdftoppm -r 300 -tiff) rồi tải lên lại.',
    ),
  otherType: (name: string) =>
    reject(
      'IMAGE_TYPE_UNSUPPORTED',
      `Định dạng tệp không được hỗ trợ (nội dung là ${name}). Chỉ nhận ảnh TIFF, JPEG hoặc PNG; hãy chuyển đổi sang TIFF rồi tải lên lại.`,
    ),
  tooManyPages: (max: number) =>
    reject('IMAGE_TOO_MANY_PAGES', `Tệp TIFF có quá nhiều trang (tối đa ${fmtInt(max)} trang mỗi tệp). Hãy tách thành nhiều tệp nhỏ hơn.`),
  tooLarge: (page: number, w: number | null, h: number | null, max: number) =>
    reject(
      'IMAGE_TOO_LARGE',
      w && h
        ? `Trang ${page + 1} có kích thước ${fmtInt(w)}×${fmtInt(h)} điểm ảnh, vượt giới hạn ${fmtInt(max)} điểm ảnh mỗi trang.`
        : `Trang ${page + 1} vượt giới hạn ${fmtInt(max)} điểm ảnh mỗi trang.`,
    ),
  truncated: (page: number | null) =>
    reject(
      'IMAGE_TRUNCATED',
      `Tệp ảnh bị cắt cụt${page === null ? '' : ` ở trang ${page + 1}`} (thiếu dữ liệu phía cuối), có thể do sao chép hoặc tải lên chưa xong. Hãy tải lên lại bản đầy đủ.`,
    ),
  corrupt: (page: number | null) =>
    reject(
      'IMAGE_CORRUPT',
      `Tệp ảnh bị hỏng, không giải mã được${page === null ? '' : ` trang ${page + 1}`}. Hãy quét lại hoặc xuất lại tệp từ phần mềm quét.`,
    ),
};

/** Reads the head, checks structure, then decodes every page once. Throws ImageRejectedError on any refusal. */
export async function probeMaster(path: string, limits: ImageLimits): Promise<MasterInfo> {
  const st = await stat(path);
  if (!st.isFile()) throw REJECT.notAFile();
  if (st.size === 0) throw REJECT.empty();

  const fh = await open(path, 'r');
  let pageIndexes: number[];
  let format: MasterInfo['format'];
  try {
    const head = Buffer.alloc(Math.min(64, st.size));
    await fh.read(head, 0, head.length, 0);
    const sniffed = sniff(head);
    if (sniffed.kind === 'other') throw sniffed.name === 'PDF' ? REJECT.pdf() : REJECT.otherType(sniffed.name);
    format = sniffed.format;
    if (format === 'tiff') {
      const structure = await readTiffStructure(fh, st.size, sniffed, limits.maxPages * 2 + 8);
      if (!structure.ok) {
        if (structure.problem === 'too-many') throw REJECT.tooManyPages(limits.maxPages);
        throw structure.problem === 'truncated' ? REJECT.truncated(null) : REJECT.corrupt(null);
      }
      // Reduced-resolution directories (embedded thumbnails, pyramid levels) are not scanned pages.
      pageIndexes = structure.directories.filter((d) => !d.reduced).map((d) => d.index);
      if (pageIndexes.length === 0) throw REJECT.corrupt(null);
      if (pageIndexes.length > limits.maxPages) throw REJECT.tooManyPages(limits.maxPages);
    } else {
      pageIndexes = [0];
    }
  } finally {
    await fh.close();
  }

  const pages: PageInfo[] = [];
  for (const index of pageIndexes) pages.push(await probePage(path, format, index, limits));
  return { format, pages };
}

/**
 * Whether one page of a file still decodes: the refusal if it does not, null if it does. Lets a later step
 * (derivatives) tell a master damaged in storage from a passing failure such as memory or disk.
 */
export async function checkPage(path: string, index: number, maxPixels: number): Promise<ImageRejectedError | null> {
  try {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(64);
    const { bytesRead } = await fh.read(head, 0, 64, 0).finally(() => fh.close());
    if (bytesRead === 0) return REJECT.empty();
    const sniffed = sniff(head.subarray(0, bytesRead));
    if (sniffed.kind === 'other') return REJECT.otherType(sniffed.name);
    await probePage(path, sniffed.format, index, { maxPixels, maxPages: Number.MAX_SAFE_INTEGER });
    return null;
  } catch (err) {
    return err instanceof ImageRejectedError ? err : null;
  }
}

async function probePage(path: string, format: MasterInfo['format'], index: number, limits: ImageLimits): Promise<PageInfo> {
  const input = { page: index, limitInputPixels: limits.maxPixels, failOn: 'error' as const, sequentialRead: true };
  let meta: Metadata;
  try {
    meta = await sharp(path, input).metadata();
  } catch (err) {
    throw classify(err, index, format, limits);
  }
  // Pages are described as displayed: an EXIF/TIFF orientation (a phone photo held upright) is applied
  // by renderDerivatives too, so page size, derivatives and OCR boxes share one coordinate system.
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw REJECT.corrupt(index);
  if (width * height > limits.maxPixels) throw REJECT.tooLarge(index, width, height, limits.maxPixels);

  // Full decode of every pixel into a tiny output: a block-average shrink reads every strip and tile
  // and keeps memory flat (≈40 MB for a 256-megapixel page), where a raw dump would hold the whole page.
  try {
    await sharp(path, input)
      .resize({ width: Math.max(1, Math.ceil(width / 16)), kernel: 'linear' })
      .raw()
      .toBuffer();
  } catch (err) {
    throw classify(err, index, format, limits);
  }

  const bitDepth = meta.bitsPerSample ?? depthBits(meta.depth);
  return { index, width, height, dpi: dpiOf(meta), colourMode: colourModeOf(meta, bitDepth), bitDepth };
}

/** Turns a sharp/libvips failure while reading a master into the refusal a user can act on. */
export function classify(err: unknown, page: number, format: MasterInfo['format'], limits: Pick<ImageLimits, 'maxPixels'>): ImageRejectedError {
  if (err instanceof ImageRejectedError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(msg)) return REJECT.tooLarge(page, null, null, limits.maxPixels);
  if (/premature end|truncat|end of (file|data|stream|input)|out of data|read error|short read|not enough|unexpected end|bad seek|seek error/i.test(msg)) {
    return REJECT.truncated(page);
  }
  if (/unsupported image format/i.test(msg) && format !== 'tiff') return REJECT.truncated(page);
  return REJECT.corrupt(page);
}

function depthBits(depth: Metadata['depth']): number {
  switch (depth) {
    case 'ushort':
    case 'short':
      return 16;
    case 'uint':
    case 'int':
    case 'float':
      return 32;
    case 'complex':
    case 'double':
    case 'dpcomplex':
      return 64;
    default:
      return 8;
  }
}

function colourModeOf(meta: Metadata, bitDepth: number): ColourMode {
  if (bitDepth === 1) return 'bilevel';
  const colourChannels = (meta.channels ?? 3) - (meta.hasAlpha ? 1 : 0);
  if (colourChannels === 1 || meta.space === 'b-w' || meta.space === 'grey16') return 'grey';
  return 'colour';
}

/** sharp reports density in pixels per inch whatever unit the file used; absent means unknown, not 72. */
function dpiOf(meta: Metadata): number | null {
  const d = meta.density;
  if (!d || !Number.isFinite(d) || d <= 0) return null;
  return Math.round(d * 100) / 100;
}
