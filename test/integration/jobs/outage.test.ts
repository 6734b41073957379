import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openJobEnv, handlersWith, insertMaster, until, type JobEnv } from './support.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { integrityHandlers } from '../../../server/integrity/integrity.jobs.js';
import { startJobRunner, type JobRunner } from '../../../server/jobs/runner.js';
import { keys } from '../../../storage/safe-key.js';
import { HttpClient } from '../../support/http-client.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { archive } from '../digitization/digitization-fixtures.js';
import { SYSTEM } from '../../../server/core/actor.js';

const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

describe(`outages on ${backend}`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => {});
  });

  async function s3Behind(): Promise<{ s3: S3TestServer; proxy: TcpProxy; env: Record<string, string> }> {
    const s3 = await startS3Server();
    cleanups.push(() => s3.close());
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: s3.port });
    cleanups.push(() => proxy.close());
    return { s3, proxy, env: { ...s3.env, MINIO_PORT: String(proxy.port) } };
  }

  it('when object storage is down, then a fixity job retries with backoff without flagging anything, and succeeds when storage returns', async () => {
    const { proxy, env: s3env } = await s3Behind();
    const env: JobEnv = await openJobEnv(s3env);
    cleanups.push(() => env.close());
    const bytes = crypto.randomBytes(40_000);
    const key = keys.master(1, 'tif');
    await env.blobs.put(key, bytes, { size: bytes.length });
    const { masterId } = await insertMaster(env.db, { key, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    await env.control.boss.updateQueue('integrity.fixity', { name: 'integrity.fixity', policy: 'stately', retryLimit: 20, retryDelay: 1, retryBackoff: true });
    const runner: JobRunner = await startJobRunner(env.deps, env.control, {
      handlers: handlersWith(integrityHandlers), createOcrPool: async () => { throw new Error('no OCR'); }, sweeps: false, pollingIntervalSeconds: 0.5,
    });
    cleanups.push(() => runner.stop());

    await proxy.stop();
    await env.deps.jobs.send('integrity.fixity', { masterIds: [masterId] });
    const job = async () => (await env.db.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM pgboss.job WHERE name = 'integrity.fixity'`))[0]!;
    await until('two failed attempts', async () => (await job()).retry_count >= 2);
    // Down is not "missing": the master keeps its status and no verdict is recorded.
    expect((await env.db.query<{ s: string }>(`SELECT fixity_status AS s FROM masters`))[0]!.s).toBe('unchecked');
    expect(await env.db.query(`SELECT 1 FROM events WHERE action = 'fixity.checked'`)).toEqual([]);

    await proxy.start();
    await until('the job to complete', async () => (await job()).state === 'completed', 90_000);
    expect((await env.db.query<{ s: string }>(`SELECT fixity_status AS s FROM masters`))[0]!.s).toBe('ok');
  });

  it('when object storage is down, then requests that need it get 503 SERVICE_UNAVAILABLE naming object storage, and work again after', async () => {
    const { proxy, env: s3env } = await s3Behind();
    const t: TestApp = await startTestApp(s3env);
    cleanups.push(() => t.close());
    const bytes = crypto.randomBytes(10_000);
    const key = keys.master(1, 'png');
    await t.blobs.put(key, bytes, { size: bytes.length });
    const { masterId } = await insertMaster(t.db, { key, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    const staff = await t.as('archivist');

    expect((await staff.get(`/api/digitization/masters/${masterId}/content`)).status).toBe(200);
    await proxy.stop();
    const down = await staff.get(`/api/digitization/masters/${masterId}/content`);
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.error.message).toContain('Kho lưu trữ đối tượng');
    expect(down.headers.get('retry-after')).toBe('30');
    await proxy.start();
    expect((await staff.get(`/api/digitization/masters/${masterId}/content`)).status).toBe(200);
  });

  it('when object storage is down while an uploaded page waits for derivatives and OCR, then both jobs retry and complete when it returns', async () => {
    const { proxy, env: s3env } = await s3Behind();
    const t: TestApp = await startTestApp({ ...s3env, OCR_WORKERS: '1' });
    cleanups.push(() => t.close());
    const staff = await t.as('archivist');
    const { fileIds } = await archive(t, [{ notation: '01' }]);
    const b = await staff.post('/api/digitization/batches', { recordFileId: fileIds[0] });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><rect width="100%" height="100%" fill="white"/><text x="60" y="150" font-family="DejaVu Serif" font-size="56">Biên bản giao nhận</text></svg>`;
    const png = await sharp(Buffer.from(svg)).removeAlpha().greyscale().png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(png)]), 'trang.png');
    expect((await staff.request('POST', `/api/digitization/batches/${b.body.id}/scans`, undefined, { raw: form })).status).toBe(201);

    await proxy.stop();
    for (const name of ['page.derivatives', 'page.ocr'])
      await t.queueControl.boss.updateQueue(name, { name, policy: 'stately', retryLimit: 20, retryDelay: 1, retryBackoff: true });
    await t.startJobs();
    const retries = async (name: string) =>
      (await t.db.query<{ r: number }>(`SELECT max(retry_count)::int AS r FROM pgboss.job WHERE name = $1`, [name]))[0]!.r ?? 0;
    await until('both jobs to fail at least once', async () => (await retries('page.derivatives')) >= 1 && (await retries('page.ocr')) >= 1);
    // While storage is down, upload answers 503 too (the master cannot be written).
    const form2 = new FormData();
    const png2 = await sharp(Buffer.from(svg.replace('Biên bản', 'Công văn'))).removeAlpha().greyscale().png().toBuffer();
    form2.append('files', new Blob([new Uint8Array(png2)]), 'trang-2.png');
    const down = await staff.request('POST', `/api/digitization/batches/${b.body.id}/scans`, undefined, { raw: form2 });
    expect(down.status === 503 || JSON.stringify(down.body).includes('SERVICE_UNAVAILABLE'), JSON.stringify(down.body)).toBe(true);

    await proxy.start();
    await t.drainJobs({ timeoutMs: 240_000 });
    const [page] = await t.db.query<{ derivatives_status: string; ocr_status: string }>(`SELECT derivatives_status, ocr_status FROM pages`);
    expect(page).toEqual({ derivatives_status: 'done', ocr_status: 'done' });
  });

  // A database server that goes away exists only with DATABASE_URL; embedded PGlite lives inside the process.
  it.runIf(!!process.env.DATABASE_URL)('when PostgreSQL is unreachable, then requests get 503 naming the database, and work again after', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const name = `kho_outage_${crypto.randomBytes(5).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try { await c.query(sql); } finally { await c.end(); }
    };
    await admin(`CREATE DATABASE ${name}`);
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    cleanups.push(() => proxy.close());
    const { openPostgres } = await import('../../../server/db/db.js');
    const { migrate } = await import('../../../server/db/migrate.js');
    const { createApp } = await import('../../../server/app.js');
    const { loadConfig } = await import('../../../server/config.js');
    const { openRuntime } = await import('../../../server/runtime.js');
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    dbUrl.port = String(proxy.port);
    const db = await openPostgres(dbUrl.toString(), 3);
    cleanups.push(() => db.close());
    await migrate(db);
    const config = loadConfig({ DATA_DIR: `/tmp/${name}`, LOG_LEVEL: 'silent', COOKIE_SECURE: 'false' });
    const log = pino({ level: 'silent' });
    const runtime = await openRuntime(config, db, log);
    cleanups.push(() => runtime.queue.stop());
    const app = createApp({ db, config, log, clock: () => new Date(), blobs: runtime.blobs, jobs: runtime.queue.queue });
    await app.auth.createUser(SYSTEM, { username: 'luutru', displayName: 'Lưu trữ viên', password: 'mat-khau-thu-nghiem', role: 'archivist', agencyId: null });
    const server = app.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    cleanups.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
    const client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await client.login('luutru', 'mat-khau-thu-nghiem');
    expect((await client.get('/api/agencies')).status).toBe(200);

    await proxy.stop();
    const down = await client.get('/api/agencies');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.error.message).toContain('Cơ sở dữ liệu');
    await proxy.start();
    await until('the database to answer again', async () => (await client.get('/api/agencies')).status === 200, 30_000);
  });
});
