/** The durable backup job: its definition, its handler, and the timer that sends it when a backup is due. */
import { z } from 'zod';
import { defineJob, type JobHandlersOf, type PeriodicJob } from '../jobs/catalogue.js';
import type { Config } from '../config.js';
import { createBackup, newestSetTime } from './backup.service.js';

export const backupJobs = {
  /** One backup set of the database and every object, then retention (backup.service.ts). */
  'backup.create': defineJob({
    payload: z.object({}),
    retryLimit: 2, retryDelay: 600, retryBackoff: true, expireInSeconds: 12 * 3600,
    singletonKey: () => 'all',
    concurrency: 1,
  }),
};

export const backupHandlers: JobHandlersOf<typeof backupJobs> = {
  'backup.create': async (_payload, ctx) => {
    const s = await createBackup(ctx.deps, { jobId: ctx.jobId });
    ctx.log.info({ backup: s.name, pauseMs: s.pauseMs, totalMs: s.totalMs }, 'sao lưu định kỳ xong');
  },
};

/** Sends the backup job when the newest set is older than BACKUP_INTERVAL_HOURS (or there is none). */
export async function enqueueDueBackup(
  config: Pick<Config, 'DATA_DIR' | 'BACKUP_DIR' | 'BACKUP_INTERVAL_HOURS'>,
  jobs: { send(name: 'backup.create', payload: Record<string, never>): Promise<string | null> },
  now = new Date(),
): Promise<boolean> {
  const last = newestSetTime(config);
  if (last && now.getTime() - last.getTime() < config.BACKUP_INTERVAL_HOURS * 3_600_000) return false;
  await jobs.send('backup.create', {});
  return true;
}

/** Due-ness is read from the newest set on disk, so restarts neither skip nor repeat a scheduled backup. */
export function backupPeriodicJobs(config: Pick<Config, 'DATA_DIR' | 'BACKUP_DIR' | 'BACKUP_INTERVAL_HOURS'>): PeriodicJob[] {
  if (config.BACKUP_INTERVAL_HOURS <= 0) return [];
  return [{ everySeconds: Math.min(3600, config.BACKUP_INTERVAL_HOURS * 3600), atStart: false, send: (q) => enqueueDueBackup(config, q) }];
}
