import type { Queryable } from '../db/db.js';

/** A backup job's state in the queue (pg-boss keeps the failure in `output`). */
export async function jobState(db: Queryable, jobId: string): Promise<{ state: string; error: string | null } | null> {
  const [r] = await db.query<{ state: string; output: { message?: string } | null }>(
    `SELECT state::text AS state, output FROM pgboss.job WHERE id = $1 AND name = 'backup.create'`,
    [jobId],
  );
  if (!r) return null;
  return { state: r.state, error: r.state === 'failed' || r.state === 'retry' ? (r.output?.message ?? 'lỗi không rõ') : null };
}
