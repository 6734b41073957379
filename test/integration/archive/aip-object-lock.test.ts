/**
 * Write-once AIPs on an S3 store that HAS Object Lock: moto's server (moto 5.2, Python, installed on this machine
 * kind; neither MinIO nor Ceph RGW is installable here). A recording proxy in front of it keeps every request, so the
 * test sees exactly what the vault sends: the bucket made with `x-amz-bucket-object-lock-enabled`, then
 * PutObjectRetention (mode, date, the uploaded version) and the HeadObject read-back. The store itself then refuses
 * to delete the locked version. What this does NOT prove: behaviour on MinIO or AWS themselves (moto is an emulator).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';
import { retentionRequest } from '../../../server/archive/aip-vault.js';
import type { S3BlobStore } from '../../../storage/s3-store.js';

// moto comes with the machine image (Python, pyenv); a machine without it cannot emulate Object Lock, and says so.
const HAS_MOTO = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
if (!HAS_MOTO) console.warn('aip-object-lock: moto_server not found, Object Lock tests skipped');

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

let moto: ChildProcess;
let proxy: http.Server;
const seen: Seen[] = [];
let t: TestApp;
let staff: HttpClient;
let fileId: number;
const LOCK_BUCKET = 'kho-aip-worm';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

async function startMoto(): Promise<number> {
  const port = await freePort();
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  moto.stderr!.on('data', (d) => (err += d));
  const spawnError = new Promise<never>((_, rej) => moto.on('error', (e) => rej(new Error(`moto_server (pip moto[server]) did not start: ${e.message}`))));
  for (let i = 0; i < 100; i++) {
    const ok = await Promise.race([fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false), spawnError]);
    if (ok) return port;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer: ${err}`);
}

/** Forwards to moto byte for byte (moto does not check signatures, so the Host header may stay as signed). */
function startProxy(target: number): Promise<number> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: body.length < 4096 ? body.toString('utf8') : `<${body.length} bytes>` });
      const up = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  return new Promise((r) => proxy.listen(0, '127.0.0.1', () => r((proxy.address() as net.AddressInfo).port)));
}

beforeAll(async () => {
  if (!HAS_MOTO) return;
  const port = await startProxy(await startMoto());
  t = await startTestApp({
    MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: String(port), MINIO_USE_SSL: 'false', MINIO_ACCESS_KEY: 'kho-test', MINIO_SECRET_KEY: 'kho-test-secret',
    MINIO_BUCKET: 'kho-objects', ARCHIVE_AIP_BUCKET: LOCK_BUCKET, ARCHIVE_AIP_LOCK_MODE: 'COMPLIANCE', ARCHIVE_AIP_RETENTION_DAYS: '3650',
  }, undefined, { jobs: true });
  staff = await t.as('archivist');
  fileId = (await archive(t, [{ notation: '03/HS-2015', title: 'Hồ sơ lưu trữ ghi một lần' }])).fileIds[0]!;
  const up = await uploadScans(staff, await batch(staff, fileId), [{ name: 'trang.png', data: await pagePng(['QUYẾT ĐỊNH LƯU TRỮ', 'Hưng Yên năm 2015']) }]);
  expect(up.status).toBe(201);
  await t.drainJobs({ timeoutMs: 240_000 });
}, 360_000);
afterAll(async () => {
  await t?.close();
  await new Promise((r) => (proxy ? proxy.close(r) : r(null)));
  moto?.kill('SIGTERM');
});

describe.skipIf(!HAS_MOTO)('AIP on an S3 store with Object Lock (moto server)', () => {
  it('when the retention request is built, then it names the mode, the ISO date and the exact version', () => {
    const until = new Date('2036-11-30T03:00:00.000Z');
    expect(retentionRequest('COMPLIANCE', until, '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY')).toEqual({ mode: 'COMPLIANCE', retainUntilDate: '2036-11-30T03:00:00.000Z', versionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' });
    expect(retentionRequest('GOVERNANCE', until, null)).toEqual({ mode: 'GOVERNANCE', retainUntilDate: '2036-11-30T03:00:00.000Z' });
  });

  it('when an AIP is packaged, then the bucket is made with Object Lock, the retention is set on its version and read back → object-lock', async () => {
    const r = await staff.post('/api/archive/aips', { fileId });
    expect(r.status).toBe(202);
    await t.drainJobs({ timeoutMs: 240_000 });
    const aip = (await staff.get(`/api/archive/aips/${r.body.id}`)).body;
    expect(aip.status, aip.error ?? '').toBe('done');
    expect(aip.lockMode).toBe('object-lock');
    expect(aip.lockDetail).toMatch(/^Object Lock COMPLIANCE đến /);
    const days = (new Date(aip.lockedUntil).getTime() - new Date(aip.finishedAt).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(3649.9);
    expect(days).toBeLessThan(3650.1);

    const make = seen.find((s) => s.method === 'PUT' && s.url === `/${LOCK_BUCKET}`);
    expect(make, 'CreateBucket of the AIP bucket').toBeDefined();
    expect(make!.headers['x-amz-bucket-object-lock-enabled']).toBe('true');
    const key = `aip/${aip.packageId}.zip`;
    const put = seen.find((s) => s.method === 'PUT' && s.url.startsWith(`/${LOCK_BUCKET}/${key}`) && !s.url.includes('retention'));
    expect(put, 'PutObject of the package').toBeDefined();
    const retention = seen.filter((s) => s.method === 'PUT' && /[?&]retention(&|=|$)/.test(s.url));
    expect(retention).toHaveLength(1);
    const q = new URL(retention[0]!.url, 'http://x');
    expect(q.pathname).toBe(`/${LOCK_BUCKET}/${key}`);
    expect(q.searchParams.get('versionId')).toMatch(/\S+/);
    expect(retention[0]!.body).toBe(`<Retention><Mode>COMPLIANCE</Mode><RetainUntilDate>${new Date(aip.lockedUntil).toISOString()}</RetainUntilDate></Retention>`);
    expect(retention[0]!.headers['content-md5']).toBe(crypto.createHash('md5').update(retention[0]!.body).digest('base64'));
    const head = seen.filter((s) => s.method === 'HEAD' && s.url.startsWith(`/${LOCK_BUCKET}/${key}?versionId=`));
    expect(head.length).toBeGreaterThan(0);

    const zip = await staff.get(`/api/archive/aips/${aip.id}/download`);
    expect(crypto.createHash('sha256').update(zip.buffer).digest('hex')).toBe(aip.sha256);
    expect((await staff.post(`/api/archive/aips/${aip.id}/fixity`, {})).body.items).toEqual([{ id: aip.id, status: 'ok' }]);

    // The store enforces it: the locked version cannot be deleted, not even by the app's own credentials.
    const client = (t.blobs as S3BlobStore).client;
    const versionId = q.searchParams.get('versionId')!;
    await expect(client.removeObject(LOCK_BUCKET, key, { versionId })).rejects.toMatchObject({ code: 'AccessDenied' });
    const again = await client.statObject(LOCK_BUCKET, key, { versionId });
    expect(again.size).toBe(aip.sizeBytes);
  }, 300_000);
});
