/**
 * The whole pipeline with the in-process job runner: upload → derivatives (sharp) → OCR (tesseract.js, real) →
 * viewing through IIIF, manifest and exports, and who may see what on every channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { VIEWING_PATHS } from '../../../server/digitization/digitization.routes.js';
import { archive, batch, pagePng, uploadScans } from './digitization-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let open: { fileId: number; pageId: number };
let restricted: { fileId: number; pageId: number };
let secret: { fileId: number; pageId: number };
let ownAgencyId: number;
let otherAgencyId: number;

async function scanInto(fileId: number, lines: string[]) {
  const b = await batch(staff, fileId);
  const r = await uploadScans(staff, b, [{ name: 'trang.png', data: await pagePng(lines) }]);
  expect(r.status).toBe(201);
  return { fileId, pageId: r.body.files[0].pageIds[0] as number, batchId: b };
}

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: 'MO' }, { notation: 'HC', accessLevel: 'restricted' }, { notation: 'MAT', secrecy: 'mat' }]);
  const other = await archive(t, []);
  ownAgencyId = a.agencyId;
  otherAgencyId = other.agencyId;
  open = await scanInto(a.fileIds[0], ['BIÊN BẢN GIAO NHẬN', 'Tỉnh Hưng Yên năm 2010']);
  restricted = await scanInto(a.fileIds[1], ['Hồ sơ hạn chế']);
  secret = await scanInto(a.fileIds[2], ['Tài liệu mật']);
  await t.drainJobs({ timeoutMs: 240_000 });
}, 300_000);
afterAll(() => t?.close());

describe('derivatives, IIIF and OCR of an uploaded page', () => {
  it('when the jobs have run, then the page has derivatives, OCR text with boxes inside the page, and one ocr_done event', async () => {
    const p = await staff.get(`/api/digitization/pages/${open.pageId}`);
    expect(p.body).toMatchObject({ derivativesStatus: 'done', ocrStatus: 'done', width: 1200, height: 800, fixityStatus: 'unchecked' });
    const txt = await staff.get(`/api/digitization/pages/${open.pageId}/export/txt`);
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toMatch(/text\/plain/);
    expect(txt.body).toMatch(/Hưng Yên/);
    expect(txt.body).toMatch(/BIÊN BẢN/);
    const [row] = await t.db.query<{ words: { t: string; b: number[] }[]; confidence: number }>(`SELECT ocr_words AS words, ocr_confidence AS confidence FROM pages WHERE id = $1`, [open.pageId]);
    expect(row.confidence).toBeGreaterThan(50);
    for (const w of row.words) {
      expect(w.b[0]).toBeGreaterThanOrEqual(0);
      expect(w.b[1]).toBeGreaterThanOrEqual(0);
      expect(w.b[2]).toBeLessThanOrEqual(1200);
      expect(w.b[3]).toBeLessThanOrEqual(800);
    }
    // "Hưng" is on the second line: its box lies in the upper half, below the title.
    const hung = row.words.find((w) => w.t.startsWith('Hưng'))!;
    expect(hung.b[1]).toBeGreaterThan(150);
    expect(hung.b[3]).toBeLessThan(400);
    const events = await t.db.query(`SELECT 1 FROM events WHERE action = 'page.ocr_done' AND entity_id = $1`, [String(open.pageId)]);
    expect(events).toHaveLength(1);
    const progress = await staff.get(`/api/digitization/batches/${p.body.batchId}`);
    expect(progress.body).toMatchObject({ ocr: { queued: 0, running: 0, done: 1, failed: 0 }, derivatives: { pending: 0, done: 1, failed: 0 }, finished: true });
  });

  it('when a viewer asks for the thumbnail and the access image, then it gets WebP and JPEG with private caching and 304 on revalidation', async () => {
    const th = await staff.get(`/api/digitization/pages/${open.pageId}/thumbnail`);
    expect([th.status, th.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect(th.headers.get('cache-control')).toMatch(/^private/);
    const img = await staff.get(`/api/digitization/pages/${open.pageId}/image`);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(img.buffer.subarray(0, 2).toString('hex')).toBe('ffd8');
    const again = await staff.request('GET', `/api/digitization/pages/${open.pageId}/image`, undefined, { headers: { 'if-none-match': img.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('when a viewer reads info.json and asks for a tile, then they follow IIIF Image API 3', async () => {
    const info = await staff.get(`/api/iiif/3/page-${open.pageId}/info.json`);
    expect(info.status).toBe(200);
    const body = JSON.parse(info.buffer.toString('utf8'));
    expect(body).toMatchObject({ '@context': 'http://iiif.io/api/image/3/context.json', type: 'ImageService3', width: 1200, height: 800, id: `${t.baseUrl}/api/iiif/3/page-${open.pageId}` });
    expect(body.tiles[0].width).toBe(512);
    const tile = await staff.get(`/api/iiif/3/page-${open.pageId}/512,0,512,512/256,/0/default.jpg`);
    expect([tile.status, tile.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const bad = await staff.get(`/api/iiif/3/page-${open.pageId}/5000,0,10,10/max/0/default.jpg`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
  });

  it('when a viewer opens the file manifest, then it is IIIF Presentation 3 with a canvas per page served by the image service', async () => {
    const m = await staff.get(`/api/iiif/3/file-${open.fileId}/manifest.json`);
    expect(m.status).toBe(200);
    const man = JSON.parse(m.buffer.toString('utf8'));
    expect(man).toMatchObject({ '@context': 'http://iiif.io/api/presentation/3/context.json', type: 'Manifest', label: { vi: [expect.stringContaining('MO')] } });
    expect(man.items).toHaveLength(1);
    const canvas = man.items[0];
    expect(canvas).toMatchObject({ type: 'Canvas', width: 1200, height: 800, label: { vi: ['Trang 1'] } });
    const body = canvas.items[0].items[0].body;
    expect(body.service[0]).toEqual({ id: `${t.baseUrl}/api/iiif/3/page-${open.pageId}`, type: 'ImageService3', profile: 'level2' }); // the level info.json declares
    expect(canvas.seeAlso[0].id).toBe(`${t.baseUrl}/api/digitization/pages/${open.pageId}/export/alto`);
  });

  it('when a user exports a page and a file, then ALTO, hOCR and a searchable PDF carry the recognised text', async () => {
    const alto = await staff.get(`/api/digitization/pages/${open.pageId}/export/alto`);
    expect(alto.status).toBe(200);
    expect(alto.body).toMatch(/<alto xmlns="http:\/\/www.loc.gov\/standards\/alto\/ns-v4#"/);
    expect(alto.body).toMatch(/CONTENT="Hưng"/);
    const hocr = await staff.get(`/api/digitization/files/${open.fileId}/export/hocr`);
    expect(hocr.status).toBe(200);
    expect(hocr.body).toMatch(/ocrx_word/);
    const pdf = await staff.get(`/api/digitization/files/${open.fileId}/export/pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(pdf.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const zip = await staff.get(`/api/digitization/files/${open.fileId}/export/alto`);
    expect([zip.status, zip.headers.get('content-type')]).toEqual([200, 'application/zip']);
    expect(zip.buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('when staff ask to re-OCR a page, then it is queued again and completes once more', async () => {
    const r = await staff.post(`/api/digitization/pages/${open.pageId}/reocr`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ queued: 1, pageIds: [open.pageId] });
    await t.drainJobs({ timeoutMs: 120_000 });
    const p = await staff.get(`/api/digitization/pages/${open.pageId}`);
    expect(p.body).toMatchObject({ ocrStatus: 'done', ocrAttempts: 1 });
    const events = await t.db.query<{ data: { attempt: number } }>(`SELECT data FROM events WHERE action = 'page.ocr_done' AND entity_id = $1 ORDER BY id`, [String(open.pageId)]);
    expect(events.map((e) => e.data.attempt)).toEqual([0, 1]);
    expect((await (await t.as('researcher')).post(`/api/digitization/pages/${open.pageId}/reocr`)).status).toBe(403);
  });
});

describe('who sees restricted and secret pages, on every channel', () => {
  const pathFor = (p: string, target: { fileId: number; pageId: number }) =>
    p.replace(':id', String(p.includes('/files/') || p.includes('/file-') ? target.fileId : target.pageId));

  async function statuses(c: HttpClient, target: { fileId: number; pageId: number }) {
    const out: Record<string, number> = {};
    for (const p of VIEWING_PATHS) {
      const r = await c.get(pathFor(p, target));
      // The filesystem store issues no presigned URLs: 404 PRESIGN_UNAVAILABLE for whoever may see the page.
      out[p] = p.endsWith('image-url') && r.body?.error?.code === 'PRESIGN_UNAVAILABLE' ? 200 : r.status;
    }
    return out;
  }
  const all = (status: number) => Object.fromEntries(VIEWING_PATHS.map((p) => [p, status]));

  it('when staff ask, then every channel answers for open, restricted and secret files', async () => {
    for (const target of [open, restricted, secret]) expect(await statuses(staff, target)).toEqual(all(200));
  });

  it('when a researcher without a grant asks, then open pages answer and restricted or secret ones are 404 everywhere', async () => {
    const r = await t.as('researcher');
    expect(await statuses(r, open)).toEqual(all(200));
    expect(await statuses(r, restricted)).toEqual(all(404));
    expect(await statuses(r, secret)).toEqual(all(404));
  });

  it('when a researcher holds a grant on the restricted file, then it answers, and the secret one stays hidden', async () => {
    const r = await t.as('researcher', { username: 'docgia-duoc-cap' });
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia-duoc-cap'`);
    await t.db.query(`INSERT INTO access_grants (user_id, record_file_id, note) VALUES ($1, $2, 'Phiếu yêu cầu đã duyệt')`, [u.id, restricted.fileId]);
    expect(await statuses(r, restricted)).toEqual(all(200));
    expect(await statuses(r, secret)).toEqual(all(404));
  });

  it('when an agency account asks, then it sees its own restricted file but not another agency’s, and never a secret one', async () => {
    const own = await t.as('agency', { agencyId: ownAgencyId });
    const other = await t.as('agency', { agencyId: otherAgencyId });
    expect(await statuses(own, restricted)).toEqual(all(200));
    expect(await statuses(own, secret)).toEqual(all(404));
    expect(await statuses(other, restricted)).toEqual(all(404));
  });

  it('when nobody is signed in, then every channel is 401', async () => {
    expect(await statuses(t.anonymous(), open)).toEqual(all(401));
  });
});
