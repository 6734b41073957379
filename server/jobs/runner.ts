/**
 * Runs the catalogue's jobs in this process: one pg-boss worker loop per unit of concurrency (pg-boss 10 has no
 * team size; OCR gets the pool size), periodic sweeps, graceful stop. Used in-process by the server
 * (OCR_IN_SERVER=true) and by `npm run worker` processes against the same PostgreSQL database.
 */
import os from 'node:os';
import type { Deps } from '../deps.js';
import type { OcrPool } from '../../ocr/engine/types.js';
import type { PeriodicJob } from './catalogue.js';
import type { QueueControl } from './queue.js';
import type { JobContext } from './types.js';
import { createYieldGate, type YieldGateOptions } from './yield-gate.js';

export interface RunnerOptions {
  /**
   * A handler for every job of the queue's catalogue, checked at start; typed by the composition root
   * (server/job-catalogue.ts JobHandlers), which is where the names are known.
   */
  handlers: { readonly [name: string]: unknown };
  /** Creates the OCR pool on first use (ocr/engine/tesseract-pool.ts); the runner closes it on stop. */
  createOcrPool: (size: number) => Promise<OcrPool>;
  /** How often workers look for new jobs; pg-boss minimum 0.5 s. */
  pollingIntervalSeconds?: number;
  /** Run workers for these jobs only (e.g. a benchmark without OCR); default all. */
  only?: string[];
  /** Jobs sent on timers (sweeps, fixity, backups). */
  periodic?: PeriodicJob[];
  /** Periodic jobs on; off in tests that drive sweeps themselves. */
  sweeps?: boolean;
  /**
   * Before each job, wait (bounded) while the event loop shows the process busy with requests. On in the HTTP server
   * (server/main.ts); off by default, since a worker process or a test has no requests to yield to.
   */
  yieldToRequests?: YieldGateOptions;
}

export interface JobRunner {
  readonly ocrWorkers: number;
  stop(): Promise<void>;
}

export class MissingHandlerError extends Error {}

export function ocrPoolSize(config: Deps['config']): number {
  return config.OCR_WORKERS > 0 ? config.OCR_WORKERS : Math.max(1, os.availableParallelism());
}

export async function startJobRunner(deps: Deps, control: QueueControl, opts: RunnerOptions): Promise<JobRunner> {
  const catalogue = control.catalogue;
  const names = Object.keys(catalogue);
  const missing = names.filter((n) => typeof opts.handlers[n] !== 'function');
  if (missing.length) {
    throw new MissingHandlerError(`Thiếu bộ xử lý cho tác vụ (missing job handlers): ${missing.join(', ')}`);
  }
  const log = deps.log.child({ component: 'jobs' });
  const size = ocrPoolSize(deps.config);
  let pool: Promise<OcrPool> | null = null;
  const ocr = () => {
    pool ??= opts.createOcrPool(size).catch((err) => {
      pool = null;
      throw err;
    });
    return pool;
  };

  // Embedded mode: the data-dir lock guarantees no other process runs jobs, so an 'active' job here was
  // interrupted by a crash of the previous run: put it back in line now (counting the attempt) instead of
  // waiting for its expiry. (On PostgreSQL other workers may be alive; there expiry does it.)
  if (deps.db.kind === 'pglite') {
    const revived = await deps.db.query<{ id: string }>(
      `UPDATE pgboss.job j SET state = 'retry', start_after = now(), started_on = NULL, retry_count = j.retry_count + 1
        WHERE j.state = 'active' AND j.retry_count < j.retry_limit
          AND NOT EXISTS (SELECT 1 FROM pgboss.job o WHERE o.name = j.name AND o.state = 'retry' AND o.policy = 'stately'
                            AND COALESCE(o.singleton_key, '') = COALESCE(j.singleton_key, ''))
        RETURNING j.id`,
    );
    if (revived.length) log.warn({ count: revived.length }, 'tiếp tục các tác vụ bị gián đoạn khi tiến trình trước dừng đột ngột');
  }

  const polling = opts.pollingIntervalSeconds ?? 1;
  const gate = opts.yieldToRequests ? createYieldGate(opts.yieldToRequests) : null;
  for (const name of opts.only ?? names) {
    const def = catalogue[name]!;
    const handler = opts.handlers[name] as (p: unknown, ctx: JobContext) => Promise<void>;
    // Twice the pool for OCR: while one page is fetched and cleaned up, another is being recognised; the pool
    // itself still caps concurrent recognition (and its memory) at `size`.
    const loops = def.concurrency === 'ocr' ? size * 2 : def.concurrency;
    for (let i = 0; i < loops; i++) {
      let workerId = '';
      workerId = await control.boss.work(name, { batchSize: 1, pollingIntervalSeconds: polling }, async ([job]) => {
        if (!job) return;
        // pg-boss 10 sleeps out the rest of the polling interval even after a job; a notified worker fetches again at
        // once, so a backlog drains at handler speed, and an idle worker still polls only once per interval.
        control.boss.notifyWorker(workerId);
        const jobLog = log.child({ job: name, jobId: job.id });
        const payload = def.payload.parse(job.data);
        const waited = gate ? await gate.wait() : 0;
        if (waited >= 1000) jobLog.debug({ waitedMs: Math.round(waited) }, 'tác vụ chờ các yêu cầu tương tác');
        try {
          await handler(payload, { deps, jobId: job.id, log: jobLog, ocr });
        } catch (err) {
          jobLog.warn({ err }, 'tác vụ lỗi, sẽ thử lại theo chính sách');
          throw err;
        }
      });
    }
  }

  const timers: NodeJS.Timeout[] = [];
  const every = (seconds: number, fn: () => Promise<unknown>, now = true) => {
    const run = () => void fn().catch((err) => log.warn({ err }, 'không xếp được tác vụ định kỳ'));
    if (now) run();
    const t = setInterval(run, seconds * 1000);
    t.unref();
    timers.push(t);
  };
  if (opts.sweeps !== false) {
    for (const p of opts.periodic ?? []) every(p.everySeconds, () => p.send(control.queue), p.atStart);
  }
  log.info({ ocrWorkers: size }, 'bộ chạy tác vụ đã khởi động');

  return {
    ocrWorkers: size,
    async stop() {
      for (const t of timers) clearInterval(t);
      gate?.close();
      // Let jobs in flight finish (pg-boss waits up to its timeout), then release the OCR workers.
      await control.stop();
      if (pool) await (await pool.catch(() => null))?.close();
    },
  };
}
