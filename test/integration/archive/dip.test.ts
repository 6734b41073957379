/**
 * DIPs end to end with real components: three scanned pages (sharp), derivatives and OCR (tesseract.js), an approved
 * copy request for pages 2–3 run through the copy-order states to delivery, then the reader's DIP: unzipped, its
 * PDF/A-2b self-checked against the OCR of exactly those pages, the watermark read back by OCR from the embedded
 * image (and absent from the same page in the AIP, whose images are the access derivatives byte for byte), the
 * metadata file read, the `dips` row and its PREMIS events. A researcher's download DIP needs a live window.
 * Refusals: an order not yet delivered and another reader's order (404), a file without an approved slip (403).
 */
import { execFile, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';
import { approvedRequest, reader } from '../reading-room/circulation-fixtures.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { createOcrPool, type TesseractOcrPool } from '../../../ocr/engine/tesseract-pool.js';
import { selfCheckPdfa } from '../../../server/archive/pdfa-check.js';

const run = promisify(execFile);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ');

let t: TestApp;
let staff: HttpClient;
let owner: HttpClient;
let ownerId: number;
let fileId: number;
let orderId: number;
let request: { requestId: number; requestNo: number };
let pool: TesseractOcrPool;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dip-test-'));
let dipDir: string;
let dipZip: Buffer;

const go = (id: number, to: string, extra: Record<string, unknown> = {}) => staff.post(`/api/reading-room/copy-orders/${id}/transition`, { to, ...extra });

function unzip(buf: Buffer, name: string): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d);
  fs.writeFileSync(path.join(d, 'p.zip'), buf);
  const r = spawnSync('unzip', ['-q', 'p.zip'], { cwd: d, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  fs.rmSync(path.join(d, 'p.zip'));
  return d;
}

/** The JPEGs embedded in a PDF, in page order (pdfimages -j writes DCT streams out unchanged). */
async function pdfJpegs(pdf: Buffer, name: string): Promise<Buffer[]> {
  const d = fs.mkdtempSync(path.join(tmp, `img-${name}-`));
  fs.writeFileSync(path.join(d, 'x.pdf'), pdf);
  await run('pdfimages', ['-j', path.join(d, 'x.pdf'), path.join(d, 'img')]);
  return fs.readdirSync(d).filter((f) => f.startsWith('img')).sort().map((f) => fs.readFileSync(path.join(d, f)));
}

/** OCR of the bottom band of an image, where the watermark's reader line is drawn. */
async function footerText(jpeg: Buffer): Promise<string> {
  const m = await sharp(jpeg).metadata();
  const band = Math.round(m.height! * 0.16);
  const png = await sharp(jpeg).extract({ left: 0, top: m.height! - band, width: m.width!, height: band }).resize({ width: m.width! * 2 }).png().toBuffer();
  return (await pool.recognizeFile(png, 0)).text;
}

async function accessImages(): Promise<Buffer[]> {
  const rows = await t.db.query<{ key: string }>(`SELECT access_key AS key FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
  return Promise.all(rows.map(async (r) => Buffer.concat(await (await t.blobs.get(r.key)).toArray())));
}

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  pool = createOcrPool({ size: 1 });
  staff = await t.as('archivist', { username: 'phong.doc.dip' });
  owner = await t.as('researcher', { username: 'docgia.dip' });
  ownerId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.dip'`))[0]!.id;
  const a = await archive(t, [{ notation: '12/HS-2011', title: 'Hồ sơ xây dựng đê điều năm 2011' }]);
  fileId = a.fileIds[0]!;
  const b = await batch(staff, fileId);
  const up = await uploadScans(staff, b, [
    { name: 'trang-1.png', data: await pagePng(['TỜ TRÌNH XÂY DỰNG', 'Sở Nông nghiệp tỉnh']) },
    { name: 'trang-2.png', data: await pagePng(['QUYẾT ĐỊNH SỐ 42', 'Ủy ban nhân dân tỉnh']) },
    { name: 'trang-3.png', data: await pagePng(['BIÊN BẢN NGHIỆM THU', 'Công trình đê điều']) },
  ]);
  expect(up.status).toBe(201);
  await t.drainJobs({ timeoutMs: 240_000 });
  request = await approvedRequest(t, await reader(t, 'Đinh Thị Bản Sao', ownerId), [fileId], { kind: 'copy', serveAs: 'digital', pageFrom: 2, pageTo: 3 });
  const q = await staff.post('/api/reading-room/copy-orders', { requestId: request.requestId });
  expect(q.status, JSON.stringify(q.body)).toBe(201);
  orderId = q.body.id;
  await go(orderId, 'awaiting_payment');
  await go(orderId, 'paid', { receiptNo: 'BL-DIP-1' });
  await go(orderId, 'copying');
  const early = await owner.get(`/api/reading-room/copy-orders/mine/${orderId}/dip.zip`);
  expect([early.status, early.body.error?.code]).toEqual([404, 'COPY_ORDER_NOT_FOUND']);
  expect((await go(orderId, 'delivered')).body.status).toBe('delivered');
  const r = await owner.get(`/api/reading-room/copy-orders/mine/${orderId}/dip.zip`);
  expect(r.status, r.buffer.toString("utf8").slice(0, 300)).toBe(200);
  expect(r.headers.get('content-type')).toContain('application/zip');
  dipZip = r.buffer;
  dipDir = unzip(dipZip, 'dip');
}, 420_000);
afterAll(async () => {
  await pool?.close();
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('DIP of a delivered copy order', () => {
  it('when unzipped, then it holds <code>.pdf and metadata.json naming the file, pages, access level, reader, order and hashes', () => {
    expect(fs.readdirSync(dipDir).sort()).toEqual(['12-HS-2011.pdf', 'metadata.json']);
    const md = JSON.parse(fs.readFileSync(path.join(dipDir, 'metadata.json'), 'utf8'));
    expect(md).toMatchObject({
      format: 'kho-luu-tru-dip', kind: 'copy_order', copyOrderId: orderId,
      reader: { name: 'Đinh Thị Bản Sao', userId: ownerId }, request: { id: request.requestId, label: `${request.requestNo}/2026` },
    });
    expect(md.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(md.watermark[1]).toContain('Độc giả: Đinh Thị Bản Sao');
    expect(md.files).toHaveLength(1);
    const f = md.files[0];
    expect(f).toMatchObject({ pdf: '12-HS-2011.pdf', fileId, fileCode: '12/HS-2011', title: 'Hồ sơ xây dựng đê điều năm 2011', accessLevel: 'unrestricted', pages: [2, 3] });
    expect(f.fonds.code).toMatch(/^P\d+$/);
    expect(f.sha256).toBe(sha(fs.readFileSync(path.join(dipDir, '12-HS-2011.pdf'))));
  });

  it('when the PDF is self-checked, then it is PDF/A-2b with exactly the approved pages and their OCR text', async () => {
    const pdf = fs.readFileSync(path.join(dipDir, '12-HS-2011.pdf'));
    const rows = await t.db.query<{ seq: number; text: string }>(`SELECT seq, ocr_text AS text FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
    const check = await selfCheckPdfa(pdf, rows.filter((r) => r.seq >= 2).map((r) => r.text));
    expect(check.checks.filter((c) => !c.ok), JSON.stringify(check.checks)).toEqual([]);
    expect((await selfCheckPdfa(pdf, rows.map((r) => r.text))).passed).toBe(false);
    expect(pdf.includes('<pdfaid:part>2</pdfaid:part>')).toBe(true);
  });

  it('when the images are read back, then the DIP carries the watermark and the AIP of the same file does not', async () => {
    const access = await accessImages();
    const dipImages = await pdfJpegs(fs.readFileSync(path.join(dipDir, '12-HS-2011.pdf')), 'dip');
    expect(dipImages).toHaveLength(2);
    expect(dipImages.some((img) => access.some((a) => a.equals(img)))).toBe(false);
    const dipFooter = fold(await footerText(dipImages[0]!));
    expect(dipFooter, dipFooter).toContain(`${request.requestNo}/2026`);
    expect(dipFooter).toMatch(/doc gia/);

    const r = await staff.post('/api/archive/aips', { fileId });
    expect(r.status).toBe(202);
    await t.drainJobs({ timeoutMs: 240_000 });
    const aip = (await staff.get(`/api/archive/aips/${r.body.id}`)).body;
    expect(aip.status, aip.error ?? '').toBe('done');
    const aipDir = unzip((await staff.get(`/api/archive/aips/${aip.id}/download`)).buffer, 'aip');
    const data = path.join(aipDir, aip.packageId, 'representations/rep1/data');
    const aipPdf = fs.readFileSync(path.join(data, fs.readdirSync(data).find((f) => f.endsWith('.pdf'))!));
    const aipImages = await pdfJpegs(aipPdf, 'aip');
    expect(aipImages.map(sha)).toEqual(access.map(sha));
    const aipFooter = fold(await footerText(aipImages[1]!));
    expect(aipFooter).not.toContain(`${request.requestNo}/2026`);
    expect(aipFooter).not.toMatch(/doc gia/);
    // No reader's name anywhere in the package's bytes either.
    expect(spawnSync('grep', ['-rl', 'Bản Sao', path.join(aipDir, aip.packageId)], { encoding: 'utf8' }).stdout).toBe('');
  }, 300_000);

  it('when the DIP is recorded, then a dips row and creation, validation and dissemination events name its PDF and hashes', async () => {
    const list = await staff.get(`/api/archive/dips?copyOrderId=${orderId}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const d = list.body.items[0];
    expect(d).toMatchObject({ kind: 'copy_order', copyOrderId: orderId, requestId: request.requestId, userId: ownerId, readerName: 'Đinh Thị Bản Sao', recordFileIds: [fileId], pages: 2, zipSha256: sha(dipZip), zipSize: dipZip.length });
    const pdfSha = sha(fs.readFileSync(path.join(dipDir, '12-HS-2011.pdf')));
    const ev = await t.db.query<{ type: string; outcome: string; sha: string; name: string }>(
      `SELECT event_type AS type, outcome, object_sha256 AS sha, object_name AS name FROM premis_events WHERE dip_id = $1 ORDER BY id`, [d.id]);
    expect(ev.map((e) => `${e.type}:${e.outcome}`)).toEqual(['creation:pass', 'validation:pass', 'dissemination:pass']);
    expect(ev.every((e) => e.sha === pdfSha && e.name === '12-HS-2011.pdf')).toBe(true);
  });

  it('when another reader or a reader without an approved slip asks, then 404 / 403 with codes and nothing is recorded', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dips`))[0]!.n;
    const other = await t.as('researcher', { username: 'docgia.khac.dip' });
    const o = await other.get(`/api/reading-room/copy-orders/mine/${orderId}/dip.zip`);
    expect([o.status, o.body.error?.code]).toEqual([404, 'COPY_ORDER_NOT_FOUND']);
    expect(o.body.error.message).toBe('Không tìm thấy đơn sao tài liệu.');
    const f = await other.get(`/api/reading-room/files/${fileId}/dip.zip`);
    expect([f.status, f.body.error?.code]).toEqual([403, 'VIEW_WINDOW_REQUIRED']);
    expect((await staff.get(`/api/reading-room/copy-orders/mine/${orderId}/dip.zip`)).status).toBe(403);
    expect((await owner.get('/api/archive/dips')).status).toBe(403);
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dips`))[0]!.n).toBe(before);
  });

  it('when a reader with a live window downloads a page range, then the DIP holds those pages, stamped, recorded as a download', async () => {
    const viewer = await t.as('researcher', { username: 'docgia.xem.dip' });
    const uid = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.xem.dip'`))[0]!.id;
    const req = await approvedRequest(t, await reader(t, 'Lê Văn Xem', uid), [fileId], { kind: 'read', serveAs: 'digital' });
    const r = await viewer.get(`/api/reading-room/files/${fileId}/dip.zip?from=1&to=1`);
    expect(r.status, r.buffer.toString("utf8").slice(0, 300)).toBe(200);
    const dir = unzip(r.buffer, 'download');
    const md = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8'));
    expect(md).toMatchObject({ kind: 'download', copyOrderId: null, reader: { name: 'Lê Văn Xem', userId: uid }, request: { id: req.requestId, label: `${req.requestNo}/2026` } });
    expect(md.files[0].pages).toEqual([1]);
    const imgs = await pdfJpegs(fs.readFileSync(path.join(dir, '12-HS-2011.pdf')), 'download');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.equals((await accessImages())[0]!)).toBe(false);
    const [row] = await t.db.query<{ kind: string; pages: number }>(`SELECT kind, pages FROM dips WHERE user_id = $1`, [uid]);
    expect(row).toEqual({ kind: 'download', pages: 1 });
  });
});
