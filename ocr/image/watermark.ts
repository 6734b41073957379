/**
 * A visible watermark on a copy of a page (reading-room downloads and copies): a band with the reader, the request
 * and the date along the bottom, and the same words faint and diagonal across the page, so a crop does not remove
 * it. Works on a copy in memory: the caller passes the access derivative's bytes, never a master's key.
 */
import { sharp } from './sharp.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JPEG of `image` with `lines` drawn over it. */
export async function watermarkJpeg(image: Buffer, lines: string[]): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 1000;
  const height = meta.height ?? 1400;
  const size = Math.max(12, Math.round(width / 45));
  const band = Math.round(size * 1.5 * lines.length + size);
  const text = lines.map((l, i) => `<text x="${size}" y="${height - band + size * 1.5 * (i + 1)}" font-size="${size}">${esc(l)}</text>`).join('');
  const diagonal = esc(lines[lines.length - 1] ?? '');
  const big = Math.round(size * 1.6);
  const rows = [0.25, 0.5, 0.75].map((f) =>
    `<text x="${width / 2}" y="${height * f}" font-size="${big}" text-anchor="middle" transform="rotate(-30 ${width / 2} ${height * f})">${diagonal}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <g font-family="DejaVu Sans" fill="rgb(180,0,0)" fill-opacity="0.22">${rows}</g>
    <rect x="0" y="${height - band}" width="${width}" height="${band}" fill="white" fill-opacity="0.8"/>
    <g font-family="DejaVu Sans" fill="rgb(120,0,0)">${text}</g></svg>`;
  return sharp(image)
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}
