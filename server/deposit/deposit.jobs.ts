/** The deposit's durable job: after a digital handover is received, its PDFs become pages (materialise.ts). */
import { z } from 'zod';
import { defineJob, type JobHandlersOf } from '../jobs/catalogue.js';
import { materialiseHandover } from './materialise.js';

export const depositJobs = {
  /** Sent in the receipt's transaction (server/handover/receipt.service.ts); a re-run skips files already done. */
  'deposit.materialise': defineJob({
    payload: z.object({ handoverId: z.number().int().positive() }),
    retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 6 * 3600,
    singletonKey: (p) => `deposit:${p.handoverId}`,
    concurrency: 1,
  }),
};

export const depositHandlers: JobHandlersOf<typeof depositJobs> = {
  'deposit.materialise': async ({ handoverId }, ctx) => {
    await materialiseHandover(ctx.deps, handoverId);
  },
};
