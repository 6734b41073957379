/**
 * Re-enqueue sweep: a page whose derivatives are still pending, or whose OCR is queued/running, must have a
 * job that will do it. When none is queued, retrying or active (job lost, failed for good while storage was
 * down, or rows restored from a backup), the job is sent again. Handlers are idempotent, so a duplicate is harmless.
 */
import type { Deps } from '../deps.js';

export interface ReenqueueResult {
  derivatives: number;
  ocr: number;
}

type SweepDeps = Pick<Deps, 'db' | 'jobs'>;

const LIVE_JOB = (name: string) => `
  NOT EXISTS (SELECT 1 FROM pgboss.job j
               WHERE j.name = '${name}' AND j.state IN ('created', 'retry', 'active')
                 AND j.singleton_key = 'page:' || p.id)`;

export async function reenqueuePages(deps: SweepDeps, limit = 10_000): Promise<ReenqueueResult> {
  const derivatives = await deps.db.query<{ id: number }>(
    `SELECT p.id FROM pages p WHERE p.derivatives_status = 'pending' AND ${LIVE_JOB('page.derivatives')} ORDER BY p.id LIMIT $1`,
    [limit],
  );
  for (const p of derivatives) await deps.jobs.send('page.derivatives', { pageId: p.id });
  const ocr = await deps.db.query<{ id: number }>(
    `SELECT p.id FROM pages p WHERE p.ocr_status IN ('queued', 'running') AND ${LIVE_JOB('page.ocr')} ORDER BY p.id LIMIT $1`,
    [limit],
  );
  for (const p of ocr) await deps.jobs.send('page.ocr', { pageId: p.id });
  return { derivatives: derivatives.length, ocr: ocr.length };
}
