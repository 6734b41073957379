/**
 * The digitisation exports for readers: a researcher's searchable PDF and page image are drawn from a watermarked
 * copy of the access image (reader, request or "—", day), staff get the access image byte for byte, text exports are
 * unchanged, an agency's own records go out unstamped, and no master or access derivative changes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { pdfTextPages } from '../print/pdf-tools.js';
import { blobImages, withBlobs } from '../iiif/iiif-fixtures.js';
import { page } from '../search/search-factory.js';
import { approvedRequest, reader, shelvedFiles } from './circulation-fixtures.js';
import { readerStamp } from '../../../server/reading-room/watermark.js';
import type { Actor } from '../../../server/core/actor.js';

const run = promisify(execFile);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestApp;
let staff: HttpClient;
let researcher: HttpClient;
let researcherId: number;

async function readBlob(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await t.blobs.get(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The JPEGs embedded in a PDF, in page order (poppler's pdfimages -j writes DCT streams out unchanged). */
async function pdfJpegs(pdf: Buffer): Promise<Buffer[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-wm-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    await run('pdfimages', ['-j', path.join(dir, 'x.pdf'), path.join(dir, 'img')]);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean grey-level difference of two 640×900 images in the bottom band, where the watermark's text band is drawn. */
async function footerDiff(a: Buffer, b: Buffer): Promise<number> {
  const band = (img: Buffer) => sharp(img).extract({ left: 0, top: 840, width: 640, height: 60 }).greyscale().raw().toBuffer();
  const [x, y] = [await band(a), await band(b)];
  let d = 0;
  for (let i = 0; i < x.length; i++) d += Math.abs(x[i]! - y[i]!);
  return d / x.length;
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  researcher = await t.as('researcher', { username: 'docgia.tai' });
  researcherId = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.tai'`))[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

describe('watermarked digitisation exports', () => {
  it('when a researcher exports a PDF or the page image, then it is stamped; staff get the access image unchanged; masters untouched', async () => {
    const s = await shelvedFiles(t, 1);
    const fileId = s.fileIds[0]!;
    const pageId = await page(t.db, fileId, 'Đê điều xã Hòa Bình năm 2001.');
    await withBlobs(t, pageId);
    const [m] = await t.db.query<{ key: string }>(`SELECT m.object_key AS key FROM masters m JOIN pages p ON p.master_id = m.id WHERE p.id = $1`, [pageId]);
    const masterBytes = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ccc' } }).tiff().toBuffer();
    await t.blobs.put(m!.key, masterBytes, { contentType: 'image/tiff' });
    await reader(t, 'Lương Thị Tải Về', researcherId);

    const staffPdf = await staff.get(`/api/digitization/pages/${pageId}/export/pdf`);
    const readerPdf = await researcher.get(`/api/digitization/pages/${pageId}/export/pdf`);
    expect(staffPdf.status).toBe(200);
    expect(readerPdf.status).toBe(200);
    const [staffImg] = await pdfJpegs(staffPdf.buffer);
    const [readerImg] = await pdfJpegs(readerPdf.buffer);
    // Staff export as before: the access derivative embedded byte for byte.
    expect(sha(staffImg!)).toBe(sha(blobImages().access));
    expect(sha(readerImg!)).not.toBe(sha(blobImages().access));
    expect(await footerDiff(readerImg!, staffImg!)).toBeGreaterThan(5);
    // Still searchable: the invisible OCR text layer rides on the stamped image.
    // (The factory's word boxes are laid out for 3400 px pages, so only the first words fall on this 640 px page.)
    expect((await pdfTextPages(readerPdf.buffer)).join(' ')).toContain('Đê');
    expect(readerPdf.headers.get('etag')).not.toBe(staffPdf.headers.get('etag'));

    const filePdf = await researcher.get(`/api/digitization/files/${fileId}/export/pdf`);
    expect(filePdf.status).toBe(200);
    expect(await footerDiff((await pdfJpegs(filePdf.buffer))[0]!, staffImg!)).toBeGreaterThan(5);

    const staffImage = await staff.get(`/api/digitization/pages/${pageId}/image`);
    const readerImage = await researcher.get(`/api/digitization/pages/${pageId}/image`);
    expect(sha(staffImage.buffer)).toBe(sha(blobImages().access));
    expect(readerImage.headers.get('content-type')).toContain('image/jpeg');
    expect(await footerDiff(readerImage.buffer, blobImages().access)).toBeGreaterThan(5);

    // Text exports carry no image: the same bytes for both.
    for (const f of ['txt', 'hocr', 'alto']) {
      const [a, b] = [await staff.get(`/api/digitization/pages/${pageId}/export/${f}`), await researcher.get(`/api/digitization/pages/${pageId}/export/${f}`)];
      expect(a.status).toBe(200);
      expect(sha(b.buffer)).toBe(sha(a.buffer));
    }

    expect(sha(await readBlob(m!.key))).toBe(sha(masterBytes));
    expect(sha(await readBlob(`test/access/${pageId}.jpg`))).toBe(sha(blobImages().access));
  });

  it('when the reader holds an approved slip naming the file, then the stamp carries its number; otherwise "—"; staff get none', async () => {
    const s = await shelvedFiles(t, 2);
    await t.as('researcher', { username: 'docgia.tai2' });
    const uid = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.tai2'`))[0]!.id;
    const rd = await reader(t, 'Phan Văn Phiếu', uid);
    const req = await approvedRequest(t, rd, [s.fileIds[0]!]);
    const actor: Actor = { id: uid, username: 'docgia.tai2', displayName: 'Người dùng docgia.tai2', role: 'researcher', agencyId: null };
    expect(await readerStamp(t.db, actor, s.fileIds[0]!, '2026-11-22', 'TTLT')).toEqual({ readerName: 'Phan Văn Phiếu', requestLabel: `${req.requestNo}/2026`, day: '2026-11-22', centre: 'TTLT' });
    expect((await readerStamp(t.db, actor, s.fileIds[1]!, '2026-11-22', 'TTLT'))!.requestLabel).toBe('—');
    // A researcher account without a reader record is stamped with the account's name.
    const bare: Actor = { ...actor, id: researcherId + 10_000, displayName: 'Tài khoản chưa có thẻ' };
    expect((await readerStamp(t.db, bare, s.fileIds[0]!, '2026-11-22', 'TTLT'))).toMatchObject({ readerName: 'Tài khoản chưa có thẻ', requestLabel: '—' });
    expect(await readerStamp(t.db, { ...actor, role: 'archivist' }, s.fileIds[0]!, '2026-11-22', 'TTLT')).toBeNull();
  });

  it("when an agency exports its own records, then they go out unstamped; another agency's file is stamped", async () => {
    const own = await shelvedFiles(t, 1);
    const other = await shelvedFiles(t, 1);
    const ownPage = await page(t.db, own.fileIds[0]!, 'Hồ sơ của cơ quan.');
    const otherPage = await page(t.db, other.fileIds[0]!, 'Hồ sơ cơ quan khác.');
    await withBlobs(t, ownPage);
    await withBlobs(t, otherPage);
    const agency = await t.as('agency', { agencyId: own.agencyId });
    const a = await agency.get(`/api/digitization/pages/${ownPage}/export/pdf`);
    expect(a.status).toBe(200);
    expect(sha((await pdfJpegs(a.buffer))[0]!)).toBe(sha(blobImages().access));
    const b = await agency.get(`/api/digitization/pages/${otherPage}/export/pdf`);
    expect(b.status).toBe(200);
    expect(await footerDiff((await pdfJpegs(b.buffer))[0]!, blobImages().access)).toBeGreaterThan(5);
  });
});
