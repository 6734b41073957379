/** The archive's durable jobs: build one AIP, resume exports a restart left behind, and re-hash stored AIPs. */
import { z } from 'zod';
import { defineJob, type JobHandlersOf, type PeriodicJob } from '../jobs/catalogue.js';
import type { Config } from '../config.js';
import { AppError } from '../core/app-error.js';
import { buildAip } from './aip.builder.js';
import { createAipVault } from './aip-vault.js';
import { createArchiveService } from './aip.service.js';
import * as repo from './aip.repository.js';

const MAX_ATTEMPTS = 3;

export const archiveJobs = {
  /** Build and store one AIP (aip.builder.ts). A re-run starts the package from scratch. */
  'archive.aip': defineJob({
    payload: z.object({ exportId: z.number().int().positive() }),
    retryLimit: MAX_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true, expireInSeconds: 6 * 3600,
    singletonKey: (p) => `aip:${p.exportId}`,
    concurrency: 1,
  }),
  /** Re-send the job of every export still queued/running (PGlite loses queued jobs at restart). */
  'archive.aip-resume': defineJob({
    payload: z.object({}),
    retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 600,
    singletonKey: () => 'all',
    concurrency: 1,
  }),
  /** Re-hash stored AIPs against the SHA-256 recorded when written (PREMIS fixity check events). */
  'archive.aip-fixity': defineJob({
    payload: z.object({ ids: z.array(z.number().int().positive()).max(10_000).optional() }),
    retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 6 * 3600,
    singletonKey: (p) => (p.ids ? `some:${p.ids.join(',').slice(0, 200)}` : 'all'),
    concurrency: 1,
  }),
};

export const archiveHandlers: JobHandlersOf<typeof archiveJobs> = {
  'archive.aip': async ({ exportId }, ctx) => {
    const deps = ctx.deps;
    try {
      await buildAip(deps, createAipVault(deps.config, deps.blobs, deps.clock), exportId);
    } catch (err) {
      const row = await repo.getExport(deps.db, exportId);
      // A refusal (pages not ready, self-check failed, master damaged) will not change by retrying.
      if (err instanceof AppError || (row && row.attempts >= MAX_ATTEMPTS)) {
        await repo.markFailed(deps.db, exportId, err instanceof AppError ? `${err.code}: ${err.message}` : `Lỗi hệ thống: ${(err as Error).message}`, deps.clock());
        ctx.log.error({ err, exportId }, 'đóng gói AIP thất bại');
        return;
      }
      throw err;
    }
  },
  'archive.aip-resume': async (_p, ctx) => {
    for (const r of await repo.unfinishedExports(ctx.deps.db)) await ctx.deps.jobs.send('archive.aip', { exportId: r.id });
  },
  'archive.aip-fixity': async (p, ctx) => {
    await createArchiveService(ctx.deps).checkFixity(p.ids);
  },
};

export function archivePeriodicJobs(config: Pick<Config, 'FIXITY_INTERVAL_HOURS'>): PeriodicJob[] {
  const jobs: PeriodicJob[] = [{ everySeconds: 600, atStart: true, send: (q) => q.send('archive.aip-resume', {}) }];
  if (config.FIXITY_INTERVAL_HOURS > 0) jobs.push({ everySeconds: config.FIXITY_INTERVAL_HOURS * 3600, atStart: false, send: (q) => q.send('archive.aip-fixity', {}) });
  return jobs;
}
