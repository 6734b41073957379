/** The proposals job's definition (handler in page-proposals.job.ts, loaded only where jobs run). */
import { z } from 'zod';
import { defineJob } from '../jobs/catalogue.js';

export const proposalJobs = {
  /** Reads one page's header and title zone into proposed document metadata (ocr/documents/). */
  'page.proposals': defineJob({
    payload: z.object({ pageId: z.number().int().positive() }),
    retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 600,
    singletonKey: (p) => `proposals:${p.pageId}`,
    concurrency: 'ocr',
  }),
};
