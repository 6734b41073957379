import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJobEnv, handlersWith, jobStates, until, insertMaster, type JobEnv } from './support.js';
import { startJobRunner, MissingHandlerError, type JobRunner } from '../../../server/jobs/runner.js';
import type { OcrPool } from '../../../ocr/engine/types.js';

const noOcr = async (): Promise<OcrPool> => { throw new Error('OCR not used here'); };
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

describe(`durable jobs on ${backend}`, () => {
  let env: JobEnv;
  let runner: JobRunner | null = null;
  beforeEach(async () => {
    env = await openJobEnv();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = null;
    await env.close();
  });

  it('when a job is sent inside a transaction that rolls back, then no job exists; when it commits, then it does', async () => {
    const { masterId, pageIds } = await insertMaster(env.db, { key: 'masters/1/a.png', sha256: 'a'.repeat(64), size: 10 });
    await expect(
      env.db.transaction(async (tx) => {
        await tx.query(`UPDATE masters SET original_name = 'doi-ten.png' WHERE id = $1`, [masterId]);
        const id = await env.deps.jobs.send('page.ocr', { pageId: pageIds[0] });
        expect(id).toBeTruthy();
        // Visible inside the transaction, since send joined it.
        expect((await tx.query(`SELECT 1 FROM pgboss.job WHERE id = $1`, [id])).length).toBe(1);
        throw new Error('huỷ giao dịch');
      }),
    ).rejects.toThrow('huỷ giao dịch');
    expect(await jobStates(env.db, 'page.ocr')).toEqual([]);
    expect((await env.db.query<{ original_name: string }>(`SELECT original_name FROM masters`))[0]!.original_name).toBe('trang.png');

    await env.db.transaction(async () => {
      await env.deps.jobs.send('page.ocr', { pageId: pageIds[0] });
    });
    expect((await jobStates(env.db, 'page.ocr')).map((j) => [j.state, j.data])).toEqual([['created', { pageId: pageIds[0] }]]);
    expect(await env.deps.jobs.counts('page.ocr')).toEqual({ queued: 1, active: 0, failed: 0 });
  });

  it('when the same page is sent twice while queued, then only one job is kept (singleton per page)', async () => {
    expect(await env.deps.jobs.send('page.derivatives', { pageId: 7 })).toBeTruthy();
    expect(await env.deps.jobs.send('page.derivatives', { pageId: 7 })).toBeNull();
    expect(await env.deps.jobs.send('page.derivatives', { pageId: 8 })).toBeTruthy();
    expect((await jobStates(env.db, 'page.derivatives')).length).toBe(2);
  });

  it('when a payload does not match the catalogue or the name is unknown, then send throws and enqueues nothing', async () => {
    await expect(env.deps.jobs.send('page.ocr', { pageId: 'bảy' })).rejects.toThrow();
    await expect(env.deps.jobs.send('khong.co', {})).rejects.toThrow(/unknown job/);
    expect(await env.control.queue.unfinished()).toBe(0);
  });

  it('when a catalogued job has no handler, then the runner refuses to start', async () => {
    const handlers: Record<string, unknown> = { ...handlersWith({}) };
    delete handlers['page.ocr'];
    await expect(startJobRunner(env.deps, env.control, { handlers, createOcrPool: noOcr, sweeps: false })).rejects.toThrow(MissingHandlerError);
  });

  it('when a handler fails twice, then pg-boss retries it with backoff and it completes on the third attempt', async () => {
    await env.control.boss.updateQueue('integrity.reenqueue', { name: 'integrity.reenqueue', policy: 'stately', retryLimit: 3, retryDelay: 1, retryBackoff: true });
    let attempts = 0;
    const seen: number[] = [];
    runner = await startJobRunner(env.deps, env.control, {
      handlers: handlersWith({
        'integrity.reenqueue': async () => {
          seen.push(Date.now());
          if (++attempts < 3) throw new Error(`lần ${attempts} lỗi`);
        },
      }),
      createOcrPool: noOcr,
      sweeps: false,
      pollingIntervalSeconds: 0.5,
    });
    await env.deps.jobs.send('integrity.reenqueue', {});
    await until('the job to complete', async () => (await jobStates(env.db, 'integrity.reenqueue'))[0]?.state === 'completed');
    const [job] = await jobStates(env.db, 'integrity.reenqueue');
    expect(attempts).toBe(3);
    expect(job!.retry_count).toBe(2);
  });

  it('when workers run, then every sent job is handled exactly once with its payload', async () => {
    const handled: number[] = [];
    runner = await startJobRunner(env.deps, env.control, {
      handlers: handlersWith({ 'page.derivatives': async (p) => void handled.push(p.pageId) }),
      createOcrPool: noOcr,
      sweeps: false,
      pollingIntervalSeconds: 0.5,
    });
    await env.db.transaction(async () => {
      for (let id = 1; id <= 12; id++) await env.deps.jobs.send('page.derivatives', { pageId: id });
    });
    await until('all jobs done', async () => (await env.control.queue.unfinished()) === 0);
    expect(handled.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await env.deps.jobs.counts('page.derivatives')).toEqual({ queued: 0, active: 0, failed: 0 });
  });

  // PGlite only: there the runner revives jobs left active at start; on PostgreSQL they return through their time
  // limit (JOB_EXPIRE_SECONDS), which the crash test covers.
  it.runIf(!process.env.DATABASE_URL)('when the previous process died with a job active (embedded), then the runner retries it at start', async () => {
    await env.deps.jobs.send('integrity.reenqueue', {});
    // What a SIGKILL leaves behind: the job fetched (active) and never completed.
    const [fetched] = await env.control.boss.fetch('integrity.reenqueue');
    expect(fetched).toBeTruthy();
    expect((await jobStates(env.db, 'integrity.reenqueue'))[0]!.state).toBe('active');
    let ran = 0;
    runner = await startJobRunner(env.deps, env.control, {
      handlers: handlersWith({ 'integrity.reenqueue': async () => void ran++ }),
      createOcrPool: noOcr,
      sweeps: false,
      pollingIntervalSeconds: 0.5,
    });
    await until('the interrupted job to complete', async () => (await jobStates(env.db, 'integrity.reenqueue'))[0]?.state === 'completed');
    expect(ran).toBe(1);
  });
});
