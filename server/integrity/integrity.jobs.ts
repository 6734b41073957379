/** The integrity jobs: definitions and handlers side by side. */
import path from 'node:path';
import { z } from 'zod';
import { defineJob, type JobHandlersOf, type PeriodicJob } from '../jobs/catalogue.js';
import type { Config } from '../config.js';
import { runFixity } from './fixity.js';
import { runDepositFixity } from './deposit-fixity.js';
import { sweepOrphans } from './orphan-sweep.js';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from './temp-sweep.js';
import { reenqueuePages } from './reenqueue-sweep.js';

export const integrityJobs = {
  /** Re-hash masters and compare with the SHA-256 recorded at upload (fixity.ts). */
  'integrity.fixity': defineJob({
    payload: z.object({ masterIds: z.array(z.number().int().positive()).max(10_000).optional() }),
    retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 6 * 3600,
    singletonKey: (p) => (p.masterIds ? `some:${p.masterIds.join(',').slice(0, 200)}` : 'all'),
    concurrency: 1,
  }),
  /** Delete objects no row references, older than a grace period (orphan-sweep.ts), and stale upload temp files. */
  'integrity.orphans': defineJob({
    payload: z.object({ graceSeconds: z.number().int().nonnegative().optional() }),
    retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600,
    // Per grace period: an on-demand run with its own grace is not swallowed by a queued periodic one.
    singletonKey: (p) => `grace:${p.graceSeconds ?? 'default'}`,
    concurrency: 1,
  }),
  /** Re-send derivative/OCR jobs for pages whose job was lost (reenqueue-sweep.ts). */
  'integrity.reenqueue': defineJob({
    payload: z.object({}),
    retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 600,
    singletonKey: () => 'all',
    concurrency: 1,
  }),
};

export const integrityHandlers: JobHandlersOf<typeof integrityJobs> = {
  'integrity.fixity': async (p, ctx) => {
    await runFixity(ctx.deps, p);
    // A full run covers the deposited PDF/A files too; a run for chosen masters does not.
    if (!p.masterIds) await runDepositFixity(ctx.deps);
  },
  'integrity.orphans': async (p, ctx) => {
    await sweepOrphans(ctx.deps, p);
    await sweepTempFiles(path.join(ctx.deps.config.DATA_DIR, 'tmp'), { olderThanMs: TEMP_FILE_MAX_AGE_MS, log: ctx.log });
  },
  'integrity.reenqueue': async (_p, ctx) => {
    const r = await reenqueuePages(ctx.deps);
    if (r.derivatives || r.ocr) ctx.log.warn(r, 'đã xếp lại tác vụ cho các trang bị sót');
  },
};

/** The sweeps: lost jobs every 10 minutes, orphans hourly (both also at start), fixity on its configured interval. */
export function integrityPeriodicJobs(config: Pick<Config, 'FIXITY_INTERVAL_HOURS'>): PeriodicJob[] {
  const jobs: PeriodicJob[] = [
    { everySeconds: 600, atStart: true, send: (q) => q.send('integrity.reenqueue', {}) },
    { everySeconds: 3600, atStart: true, send: (q) => q.send('integrity.orphans', {}) },
  ];
  // Not at start: a full re-hash on every restart would be heavy; the interval counts from boot.
  if (config.FIXITY_INTERVAL_HOURS > 0) jobs.push({ everySeconds: config.FIXITY_INTERVAL_HOURS * 3600, atStart: false, send: (q) => q.send('integrity.fixity', {}) });
  return jobs;
}
