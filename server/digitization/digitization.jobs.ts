/** The digitisation jobs: their definitions here, their handlers beside them in page-*.job.ts. */
import { z } from 'zod';
import { defineJob } from '../jobs/catalogue.js';

const pageId = z.object({ pageId: z.number().int().positive() });

export const digitizationJobs = {
  /** Access image, thumbnail and pyramid of one page (page-derivatives.job.ts). */
  'page.derivatives': defineJob({
    payload: pageId,
    retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 600,
    singletonKey: (p) => `page:${p.pageId}`,
    concurrency: 1,
  }),
  /** OCR of one page (page-ocr.job.ts); `force` re-OCRs a page already done. */
  'page.ocr': defineJob({
    payload: pageId.extend({ force: z.boolean().optional() }),
    retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 600,
    singletonKey: (p) => `page:${p.pageId}`,
    concurrency: 'ocr',
  }),
};
