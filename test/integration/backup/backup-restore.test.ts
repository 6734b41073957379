/**
 * Backup → restore proven equal on the backend under test: PGlite with the filesystem store by default; with
 * DATABASE_URL, pg_dump of PostgreSQL with an S3 bucket (in-process s3rver). The archive holds real scans with their
 * derivatives and OCR. The backup is asked of the running app through its admin route while other requests are
 * served; the set is restored into an empty place, compared table by table and object by object, and a real server
 * process started on the restored place answers the same search and passes fixity.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { HttpClient as Client } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import { spawnProcess, killSpawned } from '../../support/server-process.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';
import { openPglite, openPostgres, type Db } from '../../../server/db/db.js';
import { createBlobStore } from '../../../storage/create-blob-store.js';
import type { BlobStore } from '../../../storage/blob-store.js';
import { restoreSet } from '../../../server/backup/restore.service.js';
import { readManifest, type Manifest } from '../../../server/backup/manifest.js';
import { aipTree, appTableCounts, emptyTarget, freePort, objectDigests, until, type Target } from './backup-support.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const SEARCH = `/api/search?q=${encodeURIComponent('biên bản giao nhận')}&pageSize=50`;
const PASSWORD = 'mat-khau-thu-nghiem';

let s3: S3TestServer | null = null;
let t: TestApp;
let admin: HttpClient;
let staff: HttpClient;
let backupRoot: string;
let setDir: string;
let manifest: Manifest;
let target: Target;
let sourceCounts: Record<string, number>;
let sourceObjects: Record<string, string>;
let sourceSearch: unknown;
let during: { status: number; ms: number }[] = [];
let backupMs = 0;
let aip: { status: string; error: string | null; packageId: string; sha256: string; lockMode: string };
let sourceAip: Record<string, { sha256: string; mode: number }>;

async function scan(fileId: number, lines: string[]) {
  const b = await batch(staff, fileId);
  const r = await uploadScans(staff, b, [{ name: 'trang.png', data: await pagePng(lines) }]);
  expect(r.status).toBe(201);
}

beforeAll(async () => {
  backupRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-backups-'));
  if (onPostgres) s3 = await startS3Server();
  t = await startTestApp({ BACKUP_DIR: backupRoot, ...(s3?.env ?? {}) }, undefined, { jobs: true });
  admin = await t.as('admin');
  staff = await t.as('archivist', { username: 'luu-tru-vien' });
  const a = await archive(t, [{ notation: 'BB-01', title: 'Biên bản giao nhận tài liệu' }, { notation: 'CV-02' }]);
  await scan(a.fileIds[0], ['BIÊN BẢN GIAO NHẬN', 'Tỉnh Hưng Yên năm 2010']);
  await scan(a.fileIds[1], ['CÔNG VĂN SỐ 12', 'Ủy ban nhân dân tỉnh']);
  await t.drainJobs({ timeoutMs: 240_000 });
  // One AIP: on the filesystem it lies in ARCHIVE_AIP_DIR (outside the object store), on S3 under aip/ in the bucket.
  const packed = await staff.post('/api/archive/aips', { fileId: a.fileIds[0] });
  expect(packed.status, JSON.stringify(packed.body)).toBe(202);
  await t.drainJobs({ timeoutMs: 240_000 });
  aip = (await staff.get(`/api/archive/aips/${packed.body.id}`)).body;
  expect(aip.status, aip.error ?? '').toBe('done');
  sourceSearch = (await staff.get(SEARCH)).body;

  // Readers keep asking while the backup runs; every answer and its latency is kept.
  let backingUp = true;
  const readers = [0, 1, 2].map(async (i) => {
    while (backingUp) {
      const t0 = performance.now();
      const r = await staff.get(i === 0 ? SEARCH : i === 1 ? '/api/agencies' : '/api/integrity/fixity');
      during.push({ status: r.status, ms: performance.now() - t0 });
    }
  });
  const t0 = performance.now();
  let job;
  try {
    const started = await admin.post('/api/admin/backups');
    expect(started.status).toBe(202);
    job = await until('the backup job', async () => {
      const j = await admin.get(`/api/admin/backups/jobs/${started.body.jobId}`);
      // A failed attempt waits minutes for its retry: fail the test at once instead.
      if (j.body.state === 'failed' || j.body.state === 'retry') throw new Error(`backup failed: ${JSON.stringify(j.body)}`);
      return j.body.state === 'completed' ? j.body : null;
    });
    backupMs = performance.now() - t0;
  } finally {
    backingUp = false;
    await Promise.all(readers);
  }
  setDir = path.join(backupRoot, job.backup);
  const m = readManifest(setDir);
  if (!('manifest' in m)) throw new Error(m.problem.message);
  manifest = m.manifest;
  sourceCounts = await appTableCounts(t.db);
  sourceObjects = await objectDigests(t.blobs);
  sourceAip = aipTree(path.join(t.config.DATA_DIR, 'aip'));

  target = await emptyTarget(s3?.env);
  await restoreSet(setDir, target.config);
}, 400_000);

afterAll(async () => {
  killSpawned();
  await t?.close();
  await target?.cleanup();
  await s3?.close();
  fs.rmSync(backupRoot, { recursive: true, force: true });
});

async function openRestored<T>(fn: (db: Db, blobs: BlobStore) => Promise<T>): Promise<T> {
  const db = target.databaseUrl ? await openPostgres(target.databaseUrl, 2) : await openPglite(target.config.dbDir);
  try {
    return await fn(db, createBlobStore(target.config));
  } finally {
    await db.close();
  }
}

describe(`backup and restore (${onPostgres ? 'PostgreSQL + S3' : 'PGlite + filesystem'})`, () => {
  it('when the app is backed up, then the set lists the database and every object with its SHA-256, the schema and the time in +07:00', () => {
    expect(manifest.database.kind).toBe(onPostgres ? 'postgres' : 'pglite');
    expect(manifest.objects.store).toBe(onPostgres ? 's3' : 'filesystem');
    expect(manifest.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(manifest.schema.version).toBe(manifest.schema.migrations.at(-1));
    expect(Object.keys(sourceObjects).length).toBeGreaterThan(4);
    expect(Object.fromEntries(manifest.objects.items.map((o) => [o.key, o.sha256]))).toEqual(sourceObjects);
    expect(manifest.files.map((f) => f.path)).toContain(manifest.database.file);
    // eslint-disable-next-line no-console
    console.log(`backup: ${manifest.objects.count} objects, pause ${manifest.database.pauseMs} ms, database ${manifest.timings.databaseMs} ms, objects ${manifest.timings.objectsMs} ms, set ${manifest.timings.totalMs} ms, request→done ${Math.round(backupMs)} ms`);
  });

  it('when requests are served during the backup, then none fails and the longest one is reported', () => {
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((d) => d.status !== 200)).toEqual([]);
    const max = Math.max(...during.map((d) => d.ms));
    // eslint-disable-next-line no-console
    console.log(`during backup: ${during.length} requests, all 200, slowest ${Math.round(max)} ms, pause ${manifest.database.pauseMs} ms`);
  });

  it('when the set is restored into an empty place, then every table has the same row count and every object the same SHA-256', async () => {
    const { counts, objects } = await openRestored(async (db, blobs) => ({ counts: await appTableCounts(db), objects: await objectDigests(blobs) }));
    expect(Object.keys(counts).length).toBeGreaterThan(20);
    expect(counts).toEqual(sourceCounts);
    const snapshotCounts = Object.fromEntries(Object.entries(manifest.database.tables).filter(([k]) => k.startsWith('public.')));
    expect(counts).toEqual(snapshotCounts);
    expect(counts['public.pages']).toBe(2);
    expect(objects).toEqual(sourceObjects);
  });

  it('when the set is restored, then every AIP file has the same SHA-256 and the same read-only modes (or, on S3, the same object)', () => {
    if (onPostgres) {
      expect(aip.lockMode).toBe('none');
      expect(sourceObjects[`aip/${aip.packageId}.zip`]).toBe(aip.sha256);
      expect(manifest.aip ?? null).toBeNull();
      return;
    }
    const zip = `${aip.packageId}/${aip.packageId}.zip`;
    expect(sourceAip[zip]).toEqual({ sha256: aip.sha256, mode: 0o444 });
    expect(sourceAip[`${aip.packageId}/`]).toEqual({ sha256: '', mode: 0o555 });
    expect(manifest.aip!.items.map((i) => i.path)).toEqual([zip]);
    expect(manifest.files.map((f) => f.path)).toContain(`aip/${zip}`);
    const restored = aipTree(path.join(target.config.DATA_DIR, 'aip'));
    expect(restored).toEqual(sourceAip);
  });

  it('when a server starts on the restored place, then it answers the same search and passes fixity', async () => {
    const port = await freePort();
    const server = spawnProcess({ ...target.env, PORT: String(port), HOST: '127.0.0.1', COOKIE_SECURE: 'false', LOG_LEVEL: 'warn', BACKUP_INTERVAL_HOURS: '0', FIXITY_INTERVAL_HOURS: '0' });
    expect(await server.running, server.output()).toBe(true);
    const c = new Client(`http://127.0.0.1:${port}`);
    expect((await c.login('luu-tru-vien', PASSWORD)).status).toBe(200);
    const search = await c.get(SEARCH);
    expect(search.status).toBe(200);
    expect(search.body).toEqual(sourceSearch);
    expect((search.body as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    const masters = sourceCounts['public.masters'];
    expect((await c.post('/api/integrity/fixity', {})).status).toBe(202);
    const report = await until('fixity on the restored server', async () => {
      const r = await c.get('/api/integrity/fixity');
      return r.body.counts.ok + r.body.counts.corrupt + r.body.counts.missing === masters ? r.body : null;
    });
    expect(report.counts).toMatchObject({ ok: masters, corrupt: 0, missing: 0 });
    // The restored AIP re-hashes to the SHA-256 recorded when it was packaged.
    const aipFixity = await c.post(`/api/archive/aips/${(await c.get('/api/archive/aips')).body.items[0].id}/fixity`, {});
    expect(aipFixity.status).toBe(200);
    expect(aipFixity.body.items).toEqual([expect.objectContaining({ status: 'ok' })]);
    server.child.kill('SIGTERM');
    await server.exited;
  }, 240_000);
});
