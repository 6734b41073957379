/**
 * Viewer windows and watermarks: an approved read request for a digitised file opens it for READING_VIEW_WINDOW_DAYS
 * (an access grant with that expiry); a researcher's downloads are watermarked copies; the master stays untouched.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { pdfPages } from '../print/pdf-tools.js';
import { blobImages, withBlobs } from '../iiif/iiif-fixtures.js';
import { page } from '../search/search-factory.js';
import { approvedRequest, reader, shelvedFiles } from './circulation-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let researcher: HttpClient;
let researcherId: number;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function readBlob(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await t.blobs.get(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  t = await startTestApp({ READING_VIEW_WINDOW_DAYS: '14' });
  staff = await t.as('archivist');
  researcher = await t.as('researcher', { username: 'docgia.xem' });
  researcherId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.xem'`))[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

describe('viewer window', () => {
  it('when staff open an approved digital line, then the restricted file opens for 14 days with watermarked downloads, masters untouched', async () => {
    const s = await shelvedFiles(t, 1, { accessLevel: 'restricted' });
    const fileId = s.fileIds[0]!;
    const pageIds = [await page(t.db, fileId, 'Trang một.'), await page(t.db, fileId, 'Trang hai.')];
    for (const p of pageIds) await withBlobs(t, p);
    // A real master object behind the page: its bytes must not change whatever the reader downloads.
    const [m] = await t.db.query<{ key: string }>(`SELECT m.object_key AS key FROM masters m JOIN pages p ON p.master_id = m.id WHERE p.id = $1`, [pageIds[0]]);
    const masterBytes = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ddd' } }).tiff().toBuffer();
    await t.blobs.put(m!.key, masterBytes, { contentType: 'image/tiff' });
    const masterSha = sha(masterBytes);

    expect((await researcher.get(`/api/digitization/pages/${pageIds[0]}`)).status).toBe(404);
    const rd = await reader(t, 'Đinh Thị Xem Số', researcherId);
    const req = await approvedRequest(t, rd, [fileId], { serveAs: 'digital' });
    const w = await staff.post('/api/reading-room/viewing-windows', { lineId: req.lineIds[0] });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    expect(w.body).toMatchObject({ opensOn: '2026-11-22', expiresOn: '2026-12-06', active: true, userId: researcherId, recordFileId: fileId });
    const [g] = await t.db.query<{ expires_on: string }>(`SELECT to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM access_grants WHERE user_id = $1 AND record_file_id = $2`, [researcherId, fileId]);
    expect(g!.expires_on).toBe('2026-12-06');

    expect((await researcher.get(`/api/digitization/pages/${pageIds[0]}`)).status).toBe(200);
    expect((await researcher.get('/api/reading-room/viewing-windows/mine')).body.items.map((x: { id: number }) => x.id)).toEqual([w.body.id]);

    const dl = await researcher.get(`/api/reading-room/pages/${pageIds[0]}/download`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toContain('image/jpeg');
    const meta = await sharp(dl.buffer).metadata();
    expect([meta.width, meta.height]).toEqual([640, 900]);
    expect(sha(dl.buffer)).not.toBe(sha(blobImages().access));
    // The band along the bottom is drawn: the stamped image differs from the plain page there, not just by re-encoding.
    const band = async (img: Buffer) => (await sharp(img).extract({ left: 0, top: 840, width: 640, height: 60 }).greyscale().raw().toBuffer());
    const [a, b] = [await band(dl.buffer), await band(blobImages().access)];
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
    expect(diff / a.length).toBeGreaterThan(5);

    const pdf = await researcher.get(`/api/reading-room/files/${fileId}/download.pdf?from=1&to=2`);
    expect(pdf.status).toBe(200);
    expect(await pdfPages(pdf.buffer)).toBe(2);

    expect(sha(await readBlob(m!.key))).toBe(masterSha);
    expect(sha(await readBlob(`test/access/${pageIds[0]}.jpg`))).toBe(sha(blobImages().access));

    // Past the window the grant has lapsed: the file is hidden again on every channel.
    const saved = t.now.value;
    try {
      t.now.value = new Date(saved.getTime() + 15 * 86_400_000);
      const later = await t.as('researcher', { username: 'docgia.xem.2' });
      expect((await later.get(`/api/reading-room/pages/${pageIds[0]}/download`)).status).toBe(404);
    } finally {
      t.now.value = saved;
    }
  });

  it('when a researcher has no window on an open file, then downloads are refused; originals do not open in the viewer', async () => {
    const s = await shelvedFiles(t, 1);
    const p = await page(t.db, s.fileIds[0]!, 'Trang mở.');
    await withBlobs(t, p);
    // Fresh sessions: the first test moved the clock past the old ones' lifetime.
    staff = await t.as('archivist');
    const other = await t.as('researcher');
    const r = await other.get(`/api/reading-room/pages/${p}/download`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('VIEW_WINDOW_REQUIRED');
    const rd = await reader(t, 'Kiều Văn Gốc', (await t.db.query<{ id: number }>(`SELECT max(id)::int AS id FROM users WHERE role = 'researcher'`))[0]!.id);
    const orig = await approvedRequest(t, rd, s.fileIds, { serveAs: 'original' });
    expect((await staff.post('/api/reading-room/viewing-windows', { lineId: orig.lineIds[0] })).body.error.code).toBe('LINE_NOT_DIGITAL');
    const paper = await shelvedFiles(t, 1);
    const d = await approvedRequest(t, rd, paper.fileIds, { serveAs: 'digital' });
    expect((await staff.post('/api/reading-room/viewing-windows', { lineId: d.lineIds[0] })).body.error.code).toBe('FILE_NOT_DIGITISED');
    expect((await other.post('/api/reading-room/viewing-windows', { lineId: d.lineIds[0] })).status).toBe(403);
  });
});
