/**
 * Recognises a file by its first bytes. Extension and the browser's mimetype are never trusted: a scan
 * station can name a PDF ".tif", and a proxy error page can arrive as "image/jpeg".
 */
import type { ImageFormat } from './types.js';

export type Sniffed =
  | { kind: 'image'; format: ImageFormat; bigTiff: boolean; littleEndian: boolean }
  | { kind: 'other'; name: string };

const starts = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, s: string, at = 0) => b.subarray(at, at + s.length).toString('latin1') === s;

/** Needs at least the first 16 bytes of the file (fewer only when the file is that short). */
export function sniff(head: Buffer): Sniffed {
  if (starts(head, [0x49, 0x49, 0x2a, 0x00])) return { kind: 'image', format: 'tiff', bigTiff: false, littleEndian: true };
  if (starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'image', format: 'tiff', bigTiff: false, littleEndian: false };
  if (starts(head, [0x49, 0x49, 0x2b, 0x00])) return { kind: 'image', format: 'tiff', bigTiff: true, littleEndian: true };
  if (starts(head, [0x4d, 0x4d, 0x00, 0x2b])) return { kind: 'image', format: 'tiff', bigTiff: true, littleEndian: false };
  if (starts(head, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg', bigTiff: false, littleEndian: false };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', format: 'png', bigTiff: false, littleEndian: false };
  }
  return { kind: 'other', name: otherName(head) };
}

/** A human name for what the file is instead, used in the rejection message. */
function otherName(b: Buffer): string {
  if (ascii(b, '%PDF-')) return 'PDF';
  if (ascii(b, 'GIF87a') || ascii(b, 'GIF89a')) return 'GIF';
  if (ascii(b, 'BM')) return 'BMP';
  if (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) return 'WebP';
  if (ascii(b, 'ftyp', 4)) return 'HEIF/AVIF';
  if (starts(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50]) || starts(b, [0xff, 0x4f, 0xff, 0x51])) return 'JPEG 2000';
  if (ascii(b, 'AT&TFORM')) return 'DjVu';
  if (ascii(b, 'PK\x03\x04')) return 'ZIP';
  if (ascii(b, '\xff\x0a')) return 'JPEG XL';
  const text = b.toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'HTML';
  if (text.startsWith('<?xml') || text.startsWith('<svg')) return 'XML/SVG';
  // Printable ASCII/UTF-8 only: a text file renamed to an image.
  if (b.length > 0 && [...b].every((c) => c === 9 || c === 10 || c === 13 || c >= 0x20)) return 'văn bản';
  return 'không rõ';
}
