/**
 * Every durable job: name → payload schema (type + validation), retry policy, expiry, singleton key and
 * concurrency. Domain areas add their entries here; handlers are passed to the runner explicitly
 * (server/jobs/handlers.ts) and the runner refuses to start when one is missing.
 */
import { z } from 'zod';
import type { JobHandler } from './types.js';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  payload: S;
  /** Retries after the first attempt; pg-boss waits retryDelay seconds, doubled each time when retryBackoff. */
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /**
   * An active job older than this is taken as crashed (process killed) and retried. Keep it a few times the
   * longest honest run: it is how a SIGKILL'd worker's job comes back on PostgreSQL (PGlite resets at start).
   */
  expireInSeconds: number;
  /** At most one queued and one active job per key (pg-boss 'stately' queue); absent → unlimited. */
  singletonKey?: (payload: z.infer<S>) => string;
  /** Workers per process: 'ocr' = the OCR pool size (OCR_WORKERS or one per core). */
  concurrency: 'ocr' | number;
}

const define = <S extends z.ZodType>(d: JobDefinition<S>) => d;
const pageId = z.object({ pageId: z.number().int().positive() });

export const jobCatalogue = {
  /** Access image, thumbnail and pyramid of one page (server/digitization/page-derivatives.job.ts). */
  'page.derivatives': define({
    payload: pageId,
    retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 600,
    singletonKey: (p) => `page:${p.pageId}`,
    concurrency: 1,
  }),
  /** OCR of one page (server/digitization/page-ocr.job.ts); `force` re-OCRs a page already done. */
  'page.ocr': define({
    payload: pageId.extend({ force: z.boolean().optional() }),
    retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 600,
    singletonKey: (p) => `page:${p.pageId}`,
    concurrency: 'ocr',
  }),
  /** Re-hash masters and compare with the SHA-256 recorded at upload (server/integrity/fixity.job.ts). */
  'integrity.fixity': define({
    payload: z.object({ masterIds: z.array(z.number().int().positive()).max(10_000).optional() }),
    retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 6 * 3600,
    singletonKey: (p) => (p.masterIds ? `some:${p.masterIds.join(',').slice(0, 200)}` : 'all'),
    concurrency: 1,
  }),
  /** Delete objects no row references, older than a grace period (server/integrity/orphan-sweep.ts). */
  'integrity.orphans': define({
    payload: z.object({ graceSeconds: z.number().int().nonnegative().optional() }),
    retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600,
    // Per grace period: an on-demand run with its own grace is not swallowed by a queued periodic one.
    singletonKey: (p) => `grace:${p.graceSeconds ?? 'default'}`,
    concurrency: 1,
  }),
  /** Re-send derivative/OCR jobs for pages whose job was lost (server/integrity/reenqueue-sweep.ts). */
  'integrity.reenqueue': define({
    payload: z.object({}),
    retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 600,
    singletonKey: () => 'all',
    concurrency: 1,
  }),
};

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalogue)[N]['payload']>;
export type JobHandlers = { [N in JobName]: JobHandler<JobPayload<N>> };

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalogue, name);
}
