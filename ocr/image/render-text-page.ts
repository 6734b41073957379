/**
 * Renders a realistic typed Vietnamese page (A4 portrait by default) as a scan would arrive: national heading,
 * title, body paragraphs, with a slightly off-white paper tone. For the demo data and the ingest benchmark only;
 * fonts with Vietnamese glyphs (DejaVu Serif / Liberation Serif) come from the system.
 */
import { sharp } from './sharp.js';

export interface TextPageSpec {
  heading?: string[];
  title: string;
  paragraphs: string[];
  /** Default 300. */
  dpi?: number;
  /** Default 'grey'. */
  colour?: 'grey' | 'colour';
  format: 'tiff' | 'png' | 'jpeg';
  /** Page size in mm; default A4 (210×297). */
  sizeMm?: [number, number];
}

function esc(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Greedy wrap by an average glyph width; good enough for a serif body face. */
function wrap(text: string, maxChars: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > maxChars) {
      if (line) out.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) out.push(line);
  return out;
}

export async function renderTextPage(spec: TextPageSpec): Promise<Buffer> {
  const dpi = spec.dpi ?? 300;
  const [wMm, hMm] = spec.sizeMm ?? [210, 297];
  const w = Math.round((wMm / 25.4) * dpi);
  const h = Math.round((hMm / 25.4) * dpi);
  const pt = (p: number) => (p / 72) * dpi; // points → pixels
  const margin = Math.round((25 / 25.4) * dpi);
  const body = pt(13);
  const lineH = body * 1.5;
  const maxChars = Math.floor((w - 2 * margin) / (body * 0.5));
  const parts: string[] = [];
  let y = margin + pt(14);
  for (const line of spec.heading ?? ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
    parts.push(`<text x="${w / 2}" y="${y}" text-anchor="middle" font-size="${pt(13)}" font-weight="bold">${esc(line)}</text>`);
    y += lineH;
  }
  y += lineH;
  parts.push(`<text x="${w / 2}" y="${y}" text-anchor="middle" font-size="${pt(16)}" font-weight="bold">${esc(spec.title)}</text>`);
  y += lineH * 1.8;
  for (const p of spec.paragraphs) {
    for (const l of wrap(p, maxChars)) {
      if (y > h - margin) break;
      parts.push(`<text x="${margin}" y="${y}" font-size="${body}">${esc(l)}</text>`);
      y += lineH;
    }
    y += lineH * 0.5;
  }
  const paper = spec.colour === 'colour' ? '#f4ecd8' : '#f7f7f5';
  const ink = spec.colour === 'colour' ? '#1c2a5a' : '#111111';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${paper}"/>` +
    `<g font-family="DejaVu Serif, Liberation Serif, serif" fill="${ink}">${parts.join('')}</g></svg>`;
  let img = sharp(Buffer.from(svg), { density: 72, limitInputPixels: false }).removeAlpha();
  // extractChannel gives a true one-channel grey page; withDensity (not withMetadata) keeps it untagged grey.
  if (spec.colour !== 'colour') img = img.extractChannel(0);
  img = img.withDensity(dpi);
  if (spec.format === 'tiff') return img.tiff({ compression: 'lzw' }).toBuffer();
  if (spec.format === 'png') return img.png({ compressionLevel: 6 }).toBuffer();
  return img.jpeg({ quality: 88 }).toBuffer();
}
