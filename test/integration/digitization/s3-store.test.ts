/** The same upload and viewing path on the S3 store (s3rver in-process, minio client): presigned URLs and fixity flags. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, colourJpeg, uploadScans } from './digitization-fixtures.js';

let s3: S3TestServer;
let t: TestApp;
let staff: HttpClient;
let a: Awaited<ReturnType<typeof archive>>;
let pageId: number;
let masterId: number;
let data: Buffer;

beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp({ ...s3.env }, undefined, { jobs: true });
  staff = await t.as('archivist');
  a = await archive(t, [{ notation: 'S3', accessLevel: 'restricted' }]);
  data = await colourJpeg(42);
  const r = await uploadScans(staff, await batch(staff, a.fileIds[0]), [{ name: 'ảnh-màu.jpg', data }]);
  expect(r.status).toBe(201);
  pageId = r.body.files[0].pageIds[0];
  masterId = r.body.files[0].masterId;
  await t.drainJobs({ timeoutMs: 240_000 });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

describe('digitisation on the S3 store', () => {
  it('when a scan is uploaded, then the master and derivatives are objects in the bucket and the master round-trips', async () => {
    expect(t.blobs.kind).toBe('s3');
    const keys: string[] = [];
    for await (const o of t.blobs.list('')) keys.push(o.key);
    expect(keys.filter((k) => k.startsWith(`masters/${a.fileIds[0]}/`))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith(`derivatives/${pageId}/`)).sort()).toEqual([`derivatives/${pageId}/access.jpg`, `derivatives/${pageId}/pyramid.tif`, `derivatives/${pageId}/thumb.webp`]);
    const m = await staff.get(`/api/digitization/masters/${masterId}/content`);
    expect(crypto.createHash('sha256').update(m.buffer).digest('hex')).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });

  it('when an allowed user asks for a presigned URL, then it fetches the access image; a user without the right gets 404 and no URL', async () => {
    const u = await staff.get(`/api/digitization/pages/${pageId}/image-url`);
    expect(u.status).toBe(200);
    expect(u.body.expiresInSeconds).toBeLessThanOrEqual(600);
    const viaUrl = Buffer.from(await (await fetch(u.body.url)).arrayBuffer());
    const viaApp = await staff.get(`/api/digitization/pages/${pageId}/image`);
    expect(viaUrl.equals(viaApp.buffer)).toBe(true);
    const researcher = await t.as('researcher');
    const denied = await researcher.get(`/api/digitization/pages/${pageId}/image-url`);
    expect([denied.status, denied.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(JSON.stringify(denied.body)).not.toMatch(/X-Amz/i);
  });

  it('when fixity has flagged the master corrupt, then the page shows the flag, images carry it, and the master is not served as good', async () => {
    await t.db.query(`UPDATE masters SET fixity_status = 'corrupt' WHERE id = $1`, [masterId]);
    const p = await staff.get(`/api/digitization/pages/${pageId}`);
    expect(p.body).toMatchObject({ fixityStatus: 'corrupt', fixityOk: false });
    const img = await staff.get(`/api/digitization/pages/${pageId}/image`);
    expect(img.headers.get('x-fixity-status')).toBe('corrupt');
    const m = await staff.get(`/api/digitization/masters/${masterId}/content`);
    expect([m.status, m.body.error.code]).toEqual([409, 'MASTER_FIXITY_FAILED']);
    const man = JSON.parse((await staff.get(`/api/iiif/3/file-${a.fileIds[0]}/manifest.json`)).buffer.toString('utf8'));
    expect(man.items[0].metadata[0].label.vi[0]).toBe('Cảnh báo toàn vẹn');
  });
});
