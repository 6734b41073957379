/**
 * The handler of every catalogued job, given explicitly to the runner (which refuses to start if one is missing).
 * Loaded only by processes that run jobs, so one that only enqueues never pulls in the image pipelines.
 */
import type { JobHandlers } from './job-catalogue.js';
import { integrityHandlers } from './integrity/integrity.jobs.js';
import { backupHandlers } from './backup/backup.jobs.js';
import { archiveHandlers } from './archive/archive.jobs.js';
import { depositHandlers } from './deposit/deposit.jobs.js';
import { pageDerivativesJob } from './digitization/page-derivatives.job.js';
import { pageOcrJob } from './digitization/page-ocr.job.js';
import { pageProposalsJob } from './digitization/page-proposals.job.js';

export const jobHandlers: JobHandlers = {
  'page.derivatives': pageDerivativesJob,
  'page.ocr': pageOcrJob,
  'page.proposals': pageProposalsJob,
  ...integrityHandlers,
  ...backupHandlers,
  ...archiveHandlers,
  ...depositHandlers,
};
