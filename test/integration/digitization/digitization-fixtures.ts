/**
 * Factories for digitisation tests: an agency, a fonds and received files written in SQL (only their rows matter
 * here), real scans made with sharp at test time, and a multipart helper that sends several files at once.
 */
import { sharp } from '../../../ocr/image/sharp.js';
import type { HttpClient, Res } from '../../support/http-client.js';
import type { TestApp } from '../../support/test-app.js';

export interface FileSpec {
  notation: string;
  title?: string;
  accessLevel?: 'unrestricted' | 'restricted';
  secrecy?: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
}

let seq = 0;

/** An agency with its fonds and one received handover holding the given files; returns their ids. */
export async function archive(t: TestApp, files: FileSpec[]) {
  const n = ++seq;
  const [a] = await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`, [`SNV${n}`, `Sở Nội vụ tỉnh Hưng Yên ${n}`]);
  const [fo] = await t.db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ($1, $2, $3) RETURNING id`, [`P${n}`, `Phông Sở Nội vụ ${n}`, a.id]);
  const [h] = await t.db.query<{ id: number }>(`INSERT INTO handovers (agency_id, fonds_id, title, status) VALUES ($1, $2, 'Tài liệu nộp lưu', 'received') RETURNING id`, [a.id, fo.id]);
  const ids: number[] = [];
  for (const [i, f] of files.entries()) {
    const [r] = await t.db.query<{ id: number }>(
      `INSERT INTO record_files (agency_id, fonds_id, handover_id, row_no, file_notation, title, end_date, retention, permanent, due_rule, access_level, secrecy, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2010-12-31', 'Vĩnh viễn', true, 'law2011_art21', $7, $8, now()) RETURNING id`,
      [a.id, fo.id, h.id, i + 1, f.notation, f.title ?? `Hồ sơ ${f.notation}`, f.accessLevel ?? 'unrestricted', f.secrecy ?? null],
    );
    ids.push(r.id);
  }
  return { agencyId: a.id, fondsId: fo.id, handoverId: h.id, fileIds: ids };
}

export async function batch(c: HttpClient, recordFileId: number, extra: { documentId?: number; label?: string } = {}): Promise<number> {
  const r = await c.post('/api/digitization/batches', { recordFileId, ...extra });
  if (r.status !== 201) throw new Error(`batch: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

export async function uploadScans(c: HttpClient, batchId: number, files: { name: string; data: Buffer }[]): Promise<Res> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)]), f.name);
  return c.request('POST', `/api/digitization/batches/${batchId}/scans`, undefined, { raw: form });
}

function esc(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A page of large serif text on white, so OCR reads it reliably and quickly. */
export function textSvg(lines: string[], width = 1200, height = 800, fontSize = 56): Buffer {
  const body = lines.map((l, i) => `<text x="60" y="${120 + i * fontSize * 1.6}" font-family="DejaVu Serif" font-size="${fontSize}">${esc(l)}</text>`).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${body}</svg>`);
}

export const PAGE_LINES = ['BIÊN BẢN GIAO NHẬN', 'Tỉnh Hưng Yên năm 2010'];

export async function pagePng(lines = PAGE_LINES, opts: { width?: number; height?: number } = {}) {
  return sharp(textSvg(lines, opts.width, opts.height)).removeAlpha().extractChannel(0).withDensity(300).png().toBuffer();
}

export async function pageJpeg(lines = ['Công văn số 12', 'Ủy ban nhân dân']) {
  return sharp(textSvg(lines)).removeAlpha().withDensity(200).jpeg({ quality: 90 }).toBuffer();
}

/** A colour photo-like JPEG (gradient + text), distinct bytes per seed. */
export async function colourJpeg(seed: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><defs><linearGradient id="g"><stop offset="0" stop-color="#a${seed % 10}3020"/><stop offset="1" stop-color="#2040c0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><text x="40" y="300" font-size="60" font-family="DejaVu Serif" fill="white">Ảnh ${seed}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** 16-bit greyscale LZW TIFF. */
export async function tiff16(lines = ['Quyết định 667/QĐ-UBND']) {
  return sharp(textSvg(lines)).removeAlpha().extractChannel(0).toColourspace('grey16').withDensity(300).tiff({ compression: 'lzw' }).toBuffer();
}

/** A multi-page TIFF (one page per entry), deflate-compressed, colour. */
export async function multiPageTiff(pages: string[][]) {
  const pngs = await Promise.all(pages.map((l) => sharp(textSvg(l)).removeAlpha().png().toBuffer()));
  return sharp(pngs, { join: { animated: true } }).tiff({ compression: 'deflate' }).toBuffer();
}

