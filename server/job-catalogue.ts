/**
 * Every durable job of the service, gathered from the areas that declare them, and the timers that send the
 * periodic ones. Composition only: the job machinery (server/jobs/) knows no area, and no area knows this list.
 */
import type { z } from 'zod';
import type { Config } from './config.js';
import type { JobHandlersOf, PeriodicJob } from './jobs/catalogue.js';
import { digitizationJobs } from './digitization/digitization.jobs.js';
import { proposalJobs } from './digitization/proposals.jobs.js';
import { integrityJobs, integrityPeriodicJobs } from './integrity/integrity.jobs.js';
import { backupJobs, backupPeriodicJobs } from './backup/backup.jobs.js';
import { archiveJobs, archivePeriodicJobs } from './archive/archive.jobs.js';
import { depositJobs } from './deposit/deposit.jobs.js';

export const jobCatalogue = { ...digitizationJobs, ...proposalJobs, ...integrityJobs, ...backupJobs, ...archiveJobs, ...depositJobs };

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalogue)[N]['payload']>;
export type JobHandlers = JobHandlersOf<typeof jobCatalogue>;

export function periodicJobs(config: Config): PeriodicJob[] {
  return [...integrityPeriodicJobs(config), ...backupPeriodicJobs(config), ...archivePeriodicJobs(config)];
}
