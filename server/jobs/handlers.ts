/** The handler of every catalogued job, given explicitly to the runner (which refuses to start if one is missing). */
import type { JobHandlers } from './catalogue.js';
import { integrityHandlers } from '../integrity/integrity.jobs.js';
import { pageDerivativesJob } from '../digitization/page-derivatives.job.js';
import { pageOcrJob } from '../digitization/page-ocr.job.js';

export const jobHandlers: JobHandlers = {
  'page.derivatives': pageDerivativesJob,
  'page.ocr': pageOcrJob,
  ...integrityHandlers,
};
