import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJobEnv, handlersWith, insertMaster, until, type JobEnv } from './support.js';
import { runFixity } from '../../../server/integrity/fixity.js';
import { sweepOrphans } from '../../../server/integrity/orphan-sweep.js';
import { reenqueuePages } from '../../../server/integrity/reenqueue-sweep.js';
import { integrityHandlers } from '../../../server/integrity/integrity.jobs.js';
import { startJobRunner } from '../../../server/jobs/runner.js';
import { keys } from '../../../storage/safe-key.js';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

async function storeMaster(env: JobEnv, fileNo: number, pages = 1) {
  const bytes = crypto.randomBytes(50_000 + fileNo);
  const key = keys.master(fileNo, 'png');
  await env.blobs.put(key, bytes, { contentType: 'image/png', size: bytes.length });
  const rows = await insertMaster(env.db, { key, sha256: sha(bytes), size: bytes.length, pages, fileNo });
  return { key, bytes, ...rows };
}

describe(`integrity sweeps on ${backend} with the filesystem store`, () => {
  let env: JobEnv;
  beforeEach(async () => {
    env = await openJobEnv();
  });
  afterEach(async () => env.close());

  it('when a master is altered on disk and another is deleted, then fixity flags them corrupt and missing and records an event per check', async () => {
    const good = await storeMaster(env, 1);
    const rotten = await storeMaster(env, 2);
    const gone = await storeMaster(env, 3);
    // Bit rot: one byte flipped in place, same size.
    const file = path.join(env.config.objectsDir, rotten.key);
    const buf = fs.readFileSync(file);
    buf[1000] = buf[1000]! ^ 0xff;
    fs.writeFileSync(file, buf);
    await env.blobs.delete(gone.key);

    expect(await runFixity(env.deps)).toEqual({ checked: 3, ok: 1, corrupt: 1, missing: 1 });
    const status = await env.db.query<{ id: number; fixity_status: string; fixity_checked_at: unknown }>(
      `SELECT id, fixity_status, fixity_checked_at FROM masters ORDER BY id`,
    );
    expect(status.map((m) => [m.id, m.fixity_status])).toEqual([
      [good.masterId, 'ok'],
      [rotten.masterId, 'corrupt'],
      [gone.masterId, 'missing'],
    ]);
    expect(status.every((m) => m.fixity_checked_at !== null)).toBe(true);
    const events = await env.db.query<{ entity_id: string; data: { result: string; actualSha256?: string } }>(
      `SELECT entity_id, data FROM events WHERE entity_type = 'master' AND action = 'fixity.checked' ORDER BY id`,
    );
    expect(events.map((e) => [Number(e.entity_id), e.data.result])).toEqual([
      [good.masterId, 'ok'],
      [rotten.masterId, 'corrupt'],
      [gone.masterId, 'missing'],
    ]);
    expect(events[1]!.data.actualSha256).toBe(sha(buf));

    // Restoring the right bytes makes the next check ok again: the flag follows the object, it is not sticky.
    fs.writeFileSync(file, rotten.bytes);
    expect(await runFixity(env.deps, { masterIds: [rotten.masterId] })).toEqual({ checked: 1, ok: 1, corrupt: 0, missing: 0 });
    expect((await env.db.query(`SELECT 1 FROM events WHERE action = 'fixity.checked'`)).length).toBe(4);
  });

  it('when fixity runs as a job through the runner, then masters get checked', async () => {
    const m = await storeMaster(env, 4);
    const runner = await startJobRunner(env.deps, env.control, {
      handlers: handlersWith(integrityHandlers), createOcrPool: async () => { throw new Error('no OCR'); }, sweeps: false, pollingIntervalSeconds: 0.5,
    });
    try {
      await env.deps.jobs.send('integrity.fixity', {});
      await until('fixity done', async () => (await env.db.query<{ s: string }>(`SELECT fixity_status AS s FROM masters WHERE id = $1`, [m.masterId]))[0]!.s === 'ok');
    } finally {
      await runner.stop();
    }
  });

  it('when objects exist without rows, then the orphan sweep deletes only those past the grace period and never a referenced one', async () => {
    const kept = await storeMaster(env, 5, 2);
    const [p1] = kept.pageIds;
    await env.blobs.put(keys.access(p1!), Buffer.from('jpeg'), {});
    await env.db.query(`UPDATE pages SET access_key = $2, derivatives_status = 'done' WHERE id = $1`, [p1, keys.access(p1!)]);
    await env.blobs.put(keys.ocr(p1!, 'v1'), Buffer.from('{}'), {});
    const orphanMaster = keys.master(5, 'tif');
    const orphanDerivative = keys.thumbnail(999_999);
    const unreferencedOfLivePage = keys.thumbnail(p1!);
    const orphanOcr = keys.ocr(999_999, 'v1');
    const staging = keys.temp();
    for (const k of [orphanMaster, orphanDerivative, unreferencedOfLivePage, orphanOcr, staging]) await env.blobs.put(k, Buffer.from('x'), {});
    const exportKey = keys.export('xlsx');
    await env.blobs.put(exportKey, Buffer.from('x'), {});

    // Everything is younger than the default grace period (1 h): nothing goes.
    expect((await sweepOrphans(env.deps)).deleted).toEqual([]);

    const swept = await sweepOrphans(env.deps, { graceSeconds: 0 });
    expect(swept.deleted.sort()).toEqual([orphanMaster, orphanDerivative, unreferencedOfLivePage, orphanOcr, staging].sort());
    for (const k of [kept.key, keys.access(p1!), keys.ocr(p1!, 'v1'), exportKey]) expect(await env.blobs.stat(k)).not.toBeNull();
    for (const k of swept.deleted) expect(await env.blobs.stat(k)).toBeNull();
    // Fixity still finds the referenced master intact.
    expect(await runFixity(env.deps)).toMatchObject({ ok: 1, corrupt: 0, missing: 0 });
  });

  it('when pages wait for derivatives or OCR but no job is queued, then the re-enqueue sweep sends one per page, once', async () => {
    const { pageIds } = await storeMaster(env, 6, 3);
    const [a, b, c] = pageIds as [number, number, number];
    await env.db.query(`UPDATE pages SET derivatives_status = 'done', ocr_status = 'done' WHERE id = $1`, [a]);
    await env.db.query(`UPDATE pages SET ocr_status = 'running' WHERE id = $1`, [b]);
    await env.deps.jobs.send('page.derivatives', { pageId: c }); // c already has its derivatives job

    expect(await reenqueuePages(env.deps)).toEqual({ derivatives: 1, ocr: 2 });
    const jobs = await env.db.query<{ name: string; data: { pageId: number } }>(
      `SELECT name, data FROM pgboss.job WHERE state = 'created' ORDER BY name, (data->>'pageId')::int`,
    );
    expect(jobs.map((j) => [j.name, j.data.pageId])).toEqual([
      ['page.derivatives', b],
      ['page.derivatives', c],
      ['page.ocr', b],
      ['page.ocr', c],
    ]);
    // A second pass finds every page covered.
    expect(await reenqueuePages(env.deps)).toEqual({ derivatives: 0, ocr: 0 });
  });
});

describe(`integrity over HTTP on ${backend}`, () => {
  it('when staff start a fixity check, then the summary lists the corrupt master; researchers may not, admins alone sweep orphans', async () => {
    const { startTestApp } = await import('../../support/test-app.js');
    const t = await startTestApp({}, undefined, { jobs: true });
    try {
      const bytes = crypto.randomBytes(20_000);
      const key = keys.master(1, 'jpg');
      await t.blobs.put(key, bytes, { size: bytes.length });
      const { masterId, recordFileId } = await insertMaster(t.db, { key, sha256: sha(bytes), size: bytes.length });
      await t.blobs.put(key, Buffer.concat([bytes.subarray(0, 19_999), Buffer.from([bytes[19_999]! ^ 1])]), {});
      const staff = await t.as('archivist');
      const researcher = await t.as('researcher');
      expect((await researcher.post('/api/integrity/fixity', {})).status).toBe(403);
      expect((await researcher.get('/api/integrity/fixity')).status).toBe(403);
      expect((await staff.post('/api/integrity/orphans', {})).status).toBe(403);
      expect((await staff.post('/api/integrity/fixity', { masterIds: ['một'] })).status).toBe(400);

      const started = await staff.post('/api/integrity/fixity', {});
      expect(started.status).toBe(202);
      expect(started.body.jobId).toBeTruthy();
      await t.drainJobs();
      const report = await staff.get('/api/integrity/fixity');
      expect(report.status).toBe(200);
      expect(report.body.counts).toEqual({ unchecked: 0, ok: 0, corrupt: 1, missing: 0 });
      expect(report.body.problems).toEqual([
        expect.objectContaining({ masterId, recordFileId, objectKey: key, status: 'corrupt', originalName: 'trang.png' }),
      ]);
      const jobs = await staff.get('/api/jobs');
      expect(jobs.body.items.find((j: { name: string }) => j.name === 'integrity.fixity')).toEqual({ name: 'integrity.fixity', queued: 0, active: 0, failed: 0 });
    } finally {
      await t.close();
    }
  });
});
