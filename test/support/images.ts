/**
 * Real scan files made at test time with sharp: good masters in every format and variant the ingest
 * accepts, and the bad files it must refuse. Pages carry Vietnamese text (SVG rendered with DejaVu
 * Serif) so they look like scans and can feed OCR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { sharp } from '../../ocr/image/sharp.js';

export const VIETNAMESE_LINES = [
  'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
  'Cộng hòa Xã hội Chủ nghĩa Việt Nam',
  'Độc lập – Tự do – Hạnh phúc',
  'QUYẾT ĐỊNH về việc thành lập Hội đồng xác định giá trị tài liệu',
  'Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;',
  'Điều 1. Thành lập Hội đồng gồm các ông (bà) có tên sau đây.',
  'Điều 2. Hội đồng có nhiệm vụ thẩm định danh mục hồ sơ hết giá trị.',
];

export interface PageSpec {
  width: number;
  height: number;
  lines?: string[];
  /** A coloured stamp and tinted paper; otherwise black on white. */
  colour?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One page as 8-bit sRGB PNG. */
export async function renderPage(spec: PageSpec): Promise<Buffer> {
  const { width, height, colour } = spec;
  const lines = spec.lines ?? VIETNAMESE_LINES;
  const fontSize = Math.max(10, Math.round(width / 40));
  const text = lines
    .map((l, i) => `<text x="${Math.round(width * 0.08)}" y="${Math.round(height * 0.1 + i * fontSize * 1.8)}">${esc(l)}</text>`)
    .join('');
  const stamp = colour
    ? `<circle cx="${width * 0.75}" cy="${height * 0.8}" r="${width * 0.08}" fill="none" stroke="#c8102e" stroke-width="${fontSize / 3}"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${colour ? '#f4ecd8' : '#ffffff'}"/>
    <g font-family="DejaVu Serif" font-size="${fontSize}" fill="#111111">${text}</g>${stamp}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer();
}

export type Compression = 'lzw' | 'deflate' | 'jpeg' | 'none';

export interface TiffSpec {
  pages: PageSpec[];
  compression?: Compression;
  bits?: 8 | 16;
  mode?: 'grey' | 'colour' | 'bilevel';
  dpi?: number;
}

/** A TIFF, one page or several (sharp's `join` with animated:true writes one directory per page). */
export async function makeTiff(spec: TiffSpec): Promise<Buffer> {
  const mode = spec.mode ?? 'colour';
  const pages = await Promise.all(spec.pages.map((p) => toMode(renderPage({ ...p, colour: mode === 'colour' }), mode, spec.bits ?? 8)));
  let img =
    pages.length === 1 ? sharp(pages[0]) : sharp(pages, { join: { animated: true } });
  if (mode === 'bilevel') img = img.toColourspace('b-w');
  else if (spec.bits === 16) img = img.toColourspace(mode === 'grey' ? 'grey16' : 'rgb16');
  else img = img.toColourspace(mode === 'grey' ? 'b-w' : 'srgb');
  if (spec.dpi) img = img.withDensity(spec.dpi);
  return img
    .tiff(
      mode === 'bilevel'
        ? { compression: 'ccittfax4', bitdepth: 1 }
        : { compression: spec.compression ?? 'lzw', quality: 85 },
    )
    .toBuffer();
}

async function toMode(png: Promise<Buffer>, mode: 'grey' | 'colour' | 'bilevel', bits: 8 | 16): Promise<Buffer> {
  const img = sharp(await png);
  if (mode === 'bilevel') return img.greyscale().threshold(160).png().toBuffer();
  if (mode === 'grey') return img.greyscale().toColourspace(bits === 16 ? 'grey16' : 'b-w').png().toBuffer();
  return img.png().toBuffer();
}

export async function makeJpeg(page: PageSpec, dpi?: number): Promise<Buffer> {
  const img = sharp(await renderPage(page));
  return (dpi ? img.withDensity(dpi) : img).jpeg({ quality: 90 }).toBuffer();
}

export async function makePng(page: PageSpec, mode: 'grey' | 'colour' | 'bilevel' = 'colour', dpi?: number): Promise<Buffer> {
  let img = sharp(await renderPage({ ...page, colour: mode === 'colour' }));
  if (mode === 'grey') img = img.greyscale().toColourspace('b-w');
  if (dpi) img = img.withDensity(dpi);
  return mode === 'bilevel'
    ? img.greyscale().threshold(160).png({ palette: true, colours: 2 }).toBuffer()
    : img.png().toBuffer();
}

/**
 * A decompression bomb: a 1-bit PNG of side×side zero pixels, a few hundred KB on disk. Written by hand
 * (IHDR, one IDAT, IEND) because asking sharp to encode it would mean processing every pixel.
 */
export function makePngBomb(side = 20_000): Buffer {
  const rowBytes = 1 + Math.ceil(side / 8);
  const idat = zlib.deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** A real one-page PDF (what a scan station exports when set to PDF). */
export function makePdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const truncate = (buf: Buffer, keep = 0.6) => buf.subarray(0, Math.floor(buf.length * keep));

/** Every file the probe tests use, written under dir; returns name → absolute path. */
export async function writeScanSet(dir: string) {
  await mkdir(dir, { recursive: true });
  const page = { width: 620, height: 877 };
  const colourTiff = await makeTiff({ pages: [page], mode: 'colour', compression: 'lzw', dpi: 300 });
  const jpeg = await makeJpeg(page, 300);
  const png = await makePng(page, 'colour');
  const multi = await makeTiff({ pages: [page, page, page], mode: 'grey', compression: 'lzw', dpi: 300 });
  const files = {
    tiffGrey8Lzw: await makeTiff({ pages: [page], mode: 'grey', compression: 'lzw', dpi: 300 }),
    tiffGrey16Deflate: await makeTiff({ pages: [page], mode: 'grey', bits: 16, compression: 'deflate', dpi: 400 }),
    tiffColour8Lzw: colourTiff,
    tiffColour8Jpeg: await makeTiff({ pages: [page], mode: 'colour', compression: 'jpeg', dpi: 600 }),
    tiffColour16Deflate: await makeTiff({ pages: [page], mode: 'colour', bits: 16, compression: 'deflate', dpi: 300 }),
    tiffBilevelG4: await makeTiff({ pages: [page], mode: 'bilevel', dpi: 300 }),
    tiffMultiPage: multi,
    jpegColour: jpeg,
    pngColour: png,
    pngGrey: await makePng(page, 'grey', 200),
    pngBilevel: await makePng(page, 'bilevel'),
    // Bad files
    empty: Buffer.alloc(0),
    textAsPng: Buffer.from('Biên bản giao nộp hồ sơ — đây là văn bản, không phải ảnh.\n', 'utf8'),
    htmlAsJpeg: Buffer.from('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>\n'),
    pdf: makePdf(),
    gif: await sharp(png).gif().toBuffer(),
    bmp: bmp(4, 4),
    truncatedTiff: truncate(colourTiff),
    truncatedMultiPageTiff: truncate(multi, 0.5),
    truncatedJpeg: truncate(jpeg),
    truncatedPng: truncate(png),
    pngBomb: makePngBomb(),
  };
  const ext: Record<string, string> = { textAsPng: 'png', htmlAsJpeg: 'jpg', pdf: 'tif', gif: 'gif', bmp: 'bmp', empty: 'tif' };
  const paths = {} as Record<keyof typeof files, string>;
  for (const [name, data] of Object.entries(files) as [keyof typeof files, Buffer][]) {
    const e = ext[name] ?? (/^tiff|Tiff/.test(name) ? 'tif' : /^jpeg|Jpeg/.test(name) ? 'jpg' : 'png');
    paths[name] = path.join(dir, `${name}.${e}`);
    await writeFile(paths[name], data);
  }
  return paths;
}

/** A minimal valid 24-bit BMP (sharp cannot write BMP). */
function bmp(w: number, h: number): Buffer {
  const row = Math.ceil((w * 3) / 4) * 4;
  const b = Buffer.alloc(54 + row * h, 0x80);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(0, 30);
  b.writeUInt32LE(row * h, 34);
  return b;
}

/**
 * A grey 8-bit uncompressed TIFF written by hand with every directory BEFORE the pixel data, as scanner
 * software and tiffcp do (libvips writes them after). `reduced` marks directories as reduced-resolution
 * copies (NewSubfileType = 1), the way some scanners embed a preview.
 */
export function makeTiffDirectoriesFirst(pages: { width: number; height: number; value: number; reduced?: boolean }[]): Buffer {
  const entries = 9;
  const ifdSize = 2 + entries * 12 + 4;
  const dataStart = 8 + pages.length * ifdSize;
  const total = dataStart + pages.reduce((n, p) => n + p.width * p.height, 0);
  const b = Buffer.alloc(total);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  let data = dataStart;
  pages.forEach((p, i) => {
    const at = 8 + i * ifdSize;
    const bytes = p.width * p.height;
    const tags: [number, number, number][] = [
      [254, 4, p.reduced ? 1 : 0], // NewSubfileType
      [256, 4, p.width],
      [257, 4, p.height],
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // no compression
      [262, 3, 1], // BlackIsZero
      [273, 4, data], // StripOffsets
      [278, 4, p.height], // RowsPerStrip: one strip
      [279, 4, bytes], // StripByteCounts
    ];
    b.writeUInt16LE(entries, at);
    tags.forEach(([tag, type, value], k) => {
      const e = at + 2 + k * 12;
      b.writeUInt16LE(tag, e);
      b.writeUInt16LE(type, e + 2);
      b.writeUInt32LE(1, e + 4);
      if (type === 3) b.writeUInt16LE(value, e + 8);
      else b.writeUInt32LE(value, e + 8);
    });
    b.writeUInt32LE(i + 1 < pages.length ? at + ifdSize : 0, at + 2 + entries * 12);
    b.fill(p.value, data, data + bytes);
    data += bytes;
  });
  return b;
}
