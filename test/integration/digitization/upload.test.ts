import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, colourJpeg, multiPageTiff, pageJpeg, pagePng, tiff16, uploadScans } from './digitization-fixtures.js';
import { makePngBomb } from '../../support/images.js';

let t: TestApp;
let staff: HttpClient;
let files: number[];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  ({ fileIds: files } = await archive(t, [{ notation: '01' }, { notation: '02' }, { notation: '03' }, { notation: '04' }, { notation: '05' }]));
});
afterAll(() => t?.close());

/** Temp files are removed right after the response is sent: allow that a moment. */
async function tempFilesLeft(): Promise<string[]> {
  let left: string[] = [];
  for (let i = 0; i < 50; i++) {
    left = fs.readdirSync(path.join(t.config.DATA_DIR, 'tmp'));
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return left;
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function objectKeys(prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const o of t.blobs.list(prefix)) out.push(o.key);
  return out;
}

describe('uploading scans into a batch', () => {
  it('when staff upload a PNG, a JPEG, a 16-bit LZW TIFF and a 2-page TIFF, then every page is stored with its properties and queued for work', async () => {
    const b = await batch(staff, files[0], { label: 'Đợt 1' });
    const scans = [
      { name: 'trang-1.png', data: await pagePng() },
      { name: 'công-văn.jpg', data: await pageJpeg() },
      { name: 'quyết-định-16bit.tif', data: await tiff16() },
      { name: 'hai-trang.tiff', data: await multiPageTiff([['Trang một'], ['Trang hai']]) },
    ];
    const r = await uploadScans(staff, b, scans);
    expect(r.status).toBe(201);
    expect(r.body.summary).toEqual({ stored: 4, duplicate: 0, rejected: 0, failed: 0 });
    expect(r.body.files.map((f: { name: string; status: string; format: string }) => [f.name, f.status, f.format])).toEqual([
      ['trang-1.png', 'stored', 'png'], ['công-văn.jpg', 'stored', 'jpeg'], ['quyết-định-16bit.tif', 'stored', 'tiff'], ['hai-trang.tiff', 'stored', 'tiff'],
    ]);
    expect(r.body.files[3].pageIds).toHaveLength(2);

    const pages = await staff.get(`/api/digitization/files/${files[0]}/pages`);
    expect(pages.status).toBe(200);
    expect(pages.body.items.map((p: { seq: number; width: number; height: number; colourMode: string; bitDepth: number }) => [p.seq, p.width, p.height, p.colourMode, p.bitDepth])).toEqual([
      [1, 1200, 800, 'grey', 8], [2, 1200, 800, 'colour', 8], [3, 1200, 800, 'grey', 16], [4, 1200, 800, 'colour', 8], [5, 1200, 800, 'colour', 8],
    ]);
    expect(pages.body.items[0].dpi).toBe(300);
    expect(pages.body.items.every((p: { ocrStatus: string; derivativesStatus: string }) => p.ocrStatus === 'queued' && p.derivativesStatus === 'pending')).toBe(true);

    // Jobs were committed with the rows: one derivatives and one OCR job per page.
    const jobs = await t.db.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM pgboss.job WHERE name LIKE 'page.%' GROUP BY name ORDER BY name`);
    expect(jobs).toEqual([{ name: 'page.derivatives', n: 5 }, { name: 'page.ocr', n: 5 }]);

    // Masters round-trip byte for byte with the SHA-256 recorded at upload.
    for (const [i, f] of r.body.files.entries()) {
      const m = await staff.get(`/api/digitization/masters/${f.masterId}/content`);
      expect(m.status).toBe(200);
      expect(m.buffer.equals(scans[i].data)).toBe(true);
      expect(f.sha256).toBe(sha(scans[i].data));
      expect(m.headers.get('x-content-sha256')).toBe(f.sha256);
    }
    const progress = await staff.get(`/api/digitization/batches/${b}`);
    expect(progress.body).toMatchObject({ pages: 5, ocr: { queued: 5, running: 0, done: 0, failed: 0 }, derivatives: { pending: 5, done: 0, failed: 0 }, finished: false });
    expect(progress.body.masters).toHaveLength(4);
    const events = await t.db.query(`SELECT 1 FROM events WHERE action = 'master.stored'`);
    expect(events).toHaveLength(4);
  });

  it('when the same master is uploaded again for the same file, then it is reported as a duplicate and not stored twice', async () => {
    const data = await colourJpeg(7);
    const b1 = await batch(staff, files[1]);
    const first = await uploadScans(staff, b1, [{ name: 'a.jpg', data }]);
    expect(first.status).toBe(201);
    const before = await objectKeys(`masters/${files[1]}/`);
    const b2 = await batch(staff, files[1]);
    const again = await uploadScans(staff, b2, [{ name: 'a-lần-2.jpg', data }]);
    expect(again.status).toBe(200);
    expect(again.body.files[0]).toMatchObject({ status: 'duplicate', masterId: first.body.files[0].masterId });
    expect(again.body.files[0].message).toMatch(/trùng/);
    expect(await objectKeys(`masters/${files[1]}/`)).toEqual(before);
    expect(await t.db.query(`SELECT id FROM masters WHERE record_file_id = $1`, [files[1]])).toHaveLength(1);
  });

  it('when each bad file is uploaded, then it is rejected with its code and a Vietnamese message, and nothing is stored', async () => {
    const good = await pagePng(['Tốt']);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    // 20,000² = 400 Mpx, over the default MAX_SCAN_PIXELS (300 Mpx), in a ~50 kB file.
    const bomb = makePngBomb(20_000);
    const bad: [string, Buffer, string][] = [
      ['rỗng.png', Buffer.alloc(0), 'IMAGE_EMPTY'],
      ['chữ.png', Buffer.from('đây không phải ảnh'), 'IMAGE_TYPE_UNSUPPORTED'],
      ['trang-web.jpg', Buffer.from('<!doctype html><html><body>xin chào</body></html>'), 'IMAGE_TYPE_UNSUPPORTED'],
      ['tài-liệu.pdf', pdf, 'IMAGE_TYPE_UNSUPPORTED'],
      ['cụt.png', good.subarray(0, Math.floor(good.length * 0.6)), 'IMAGE_TRUNCATED'],
      ['bom.png', bomb, 'IMAGE_TOO_LARGE'],
    ];
    const b = await batch(staff, files[2]);
    for (const [name, data, code] of bad) {
      const r = await uploadScans(staff, b, [{ name, data }]);
      expect([name, r.status, r.body.error?.code]).toEqual([name, 422, code]);
      expect(r.body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
    }
    expect(await t.db.query(`SELECT id FROM masters WHERE record_file_id = $1`, [files[2]])).toHaveLength(0);
    expect(await t.db.query(`SELECT id FROM pages WHERE record_file_id = $1`, [files[2]])).toHaveLength(0);
    expect(await objectKeys(`masters/${files[2]}/`)).toEqual([]);
    expect(await tempFilesLeft()).toEqual([]);
  });

  it('when good and bad files are uploaded together, then the good ones are kept and each file reports its own outcome', async () => {
    const b = await batch(staff, files[3]);
    const r = await uploadScans(staff, b, [
      { name: 'tốt-1.png', data: await pagePng(['Một']) },
      { name: 'xấu.tif', data: Buffer.from('II*\0 hỏng') },
      { name: 'tốt-2.jpg', data: await colourJpeg(2) },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.summary).toEqual({ stored: 2, duplicate: 0, rejected: 1, failed: 0 });
    expect(r.body.files.map((f: { status: string }) => f.status)).toEqual(['stored', 'rejected', 'stored']);
    expect(r.body.files[1].code).toMatch(/^IMAGE_/);
    const pages = await staff.get(`/api/digitization/files/${files[3]}/pages`);
    expect(pages.body.items.map((p: { seq: number }) => p.seq)).toEqual([1, 2]);
  });

  it('when staff look for files to digitise, then the filters by digitised state, restriction and text apply', async () => {
    const digitised = await staff.get(`/api/digitization/files?digitized=true&limit=100`);
    expect(digitised.status).toBe(200);
    const ids = digitised.body.items.map((f: { id: number }) => f.id);
    expect(ids).toContain(files[0]);
    expect(ids).not.toContain(files[2]);
    const f0 = digitised.body.items.find((f: { id: number }) => f.id === files[0]);
    expect(f0).toMatchObject({ fileNotation: '01', pages: 5, accessLevel: 'unrestricted', fondsCode: expect.stringMatching(/^P\d+$/) });
    const byText = await staff.get(`/api/digitization/files?q=${encodeURIComponent('ho so 02')}`);
    expect(byText.body.items.map((f: { fileNotation: string }) => f.fileNotation)).toEqual(['02']);
    expect((await staff.get(`/api/digitization/files?restricted=true`)).body.items).toEqual([]);
    expect((await (await t.as('researcher')).get('/api/digitization/files')).status).toBe(403);
  });

  it('when a researcher or agency tries to create a batch or upload, then 403', async () => {
    const researcher = await t.as('researcher');
    expect((await researcher.post('/api/digitization/batches', { recordFileId: files[4] })).status).toBe(403);
    const b = await batch(staff, files[4]);
    const r = await uploadScans(researcher, b, [{ name: 'x.png', data: await pagePng() }]);
    expect(r.status).toBe(403);
    expect(await t.db.query(`SELECT id FROM masters WHERE record_file_id = $1`, [files[4]])).toHaveLength(0);
  });

  it('when a batch targets a missing file or a document of another file, then 400 with a Vietnamese message', async () => {
    const r = await staff.post('/api/digitization/batches', { recordFileId: 999999 });
    expect([r.status, r.body.error.code]).toEqual([400, 'FILE_NOT_FOUND']);
    const label = await staff.post('/api/digitization/batches', { recordFileId: files[4], label: 'x'.repeat(201) });
    expect([label.status, label.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('when the database refuses the master row, then the object already stored is deleted, no job exists, and the file reports failed', async () => {
    await t.db.exec(`CREATE FUNCTION refuse_master() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;
      CREATE TRIGGER refuse_master BEFORE INSERT ON masters FOR EACH ROW EXECUTE FUNCTION refuse_master();`);
    try {
      const jobsBefore = await t.db.query(`SELECT id FROM pgboss.job WHERE name LIKE 'page.%'`);
      const b = await batch(staff, files[4]);
      const r = await uploadScans(staff, b, [{ name: 'lỗi.png', data: await pagePng(['Lỗi cơ sở dữ liệu']) }]);
      expect([r.status, r.body.error.code]).toEqual([503, 'SCAN_STORE_FAILED']);
      expect(r.body.error.details.files[0]).toMatchObject({ name: 'lỗi.png', status: 'failed' });
      expect(await objectKeys(`masters/${files[4]}/`)).toEqual([]);
      expect(await t.db.query(`SELECT id FROM pages WHERE batch_id = $1`, [b])).toHaveLength(0);
      expect(await t.db.query(`SELECT id FROM pgboss.job WHERE name LIKE 'page.%'`)).toHaveLength(jobsBefore.length);
    } finally {
      await t.db.exec(`DROP TRIGGER refuse_master ON masters; DROP FUNCTION refuse_master();`);
    }
  });

  it('when more files than MAX_SCAN_FILES are sent, then 413 TOO_MANY_FILES and nothing is stored', async () => {
    const small = await startTestApp({ MAX_SCAN_FILES: '2' });
    try {
      const s = await small.as('archivist');
      const { fileIds } = await archive(small, [{ notation: '99' }]);
      const b = await batch(s, fileIds[0]);
      const png = await pagePng(['A']);
      const r = await uploadScans(s, b, [{ name: '1.png', data: png }, { name: '2.png', data: png }, { name: '3.png', data: png }]);
      expect([r.status, r.body.error.code]).toEqual([413, 'TOO_MANY_FILES']);
      expect(await small.db.query(`SELECT id FROM masters`)).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it('when the client aborts mid-upload, then no temp file is left behind and nothing is stored', async () => {
    const b = await batch(staff, files[4]);
    const boundary = '----kho' + crypto.randomUUID();
    const url = new URL(`${t.baseUrl}/api/digitization/batches/${b}/scans`);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(50 * 1024 * 1024), cookie: staff.cookie!, 'x-csrf-token': staff.csrf! },
      });
      req.on('error', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="lớn.tif"\r\nContent-Type: image/tiff\r\n\r\n`);
      req.write(Buffer.alloc(2 * 1024 * 1024, 7), () => {
        // Give the server time to open the temp file, then cut the connection.
        setTimeout(() => { req.destroy(); resolve(); }, 300);
      });
    });
    expect(await tempFilesLeft()).toEqual([]);
    expect(await t.db.query(`SELECT id FROM masters WHERE batch_id = $1`, [b])).toHaveLength(0);
  });
});
