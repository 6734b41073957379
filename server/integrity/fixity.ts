/**
 * Fixity: re-hash each master from the store and compare with the SHA-256 taken at upload. Every check is an
 * event (entity 'master', action 'fixity.checked', data.result ok/corrupt/missing) and sets masters.fixity_status,
 * so a corrupt or vanished master is flagged, never silently served as good. Storage being down is not a
 * verdict: BlobUnavailableError propagates and the job retries later.
 */
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { system } from '../core/actor.js';
import { hashObject } from './hash-object.js';
import { depositFixityProblems, type DepositFixityProblem } from './deposit-fixity.js';

export type FixityResult = 'ok' | 'corrupt' | 'missing';

export interface FixitySummary {
  checked: number;
  ok: number;
  corrupt: number;
  missing: number;
}

interface MasterRow {
  id: number;
  object_key: string;
  sha256: string;
  size_bytes: number;
  fixity_status: string;
}

type FixityDeps = Pick<Deps, 'db' | 'blobs' | 'log'>;


/** Checks one master, records the event and the status in one transaction. */
export async function checkMaster(deps: FixityDeps, m: MasterRow): Promise<FixityResult> {
  const got = await hashObject(deps, m.object_key);
  const result: FixityResult = !got ? 'missing' : got.sha256 === m.sha256 && got.size === Number(m.size_bytes) ? 'ok' : 'corrupt';
  await deps.db.transaction(async (tx) => {
    await tx.query(`UPDATE masters SET fixity_status = $2, fixity_checked_at = now() WHERE id = $1`, [m.id, result]);
    await recordEvent(tx, system('fixity check'), {
      entityType: 'master',
      entityId: m.id,
      action: 'fixity.checked',
      data: {
        result,
        key: m.object_key,
        expectedSha256: m.sha256,
        expectedSize: Number(m.size_bytes),
        ...(got ? { actualSha256: got.sha256, actualSize: got.size } : {}),
        previous: m.fixity_status,
      },
    });
  });
  if (result !== 'ok') deps.log.error({ masterId: m.id, key: m.object_key, result }, 'kiểm tra toàn vẹn: bản gốc hỏng hoặc mất');
  return result;
}

/** Checks the given masters, or all of them, least recently checked first, in pages of 100. */
export async function runFixity(deps: FixityDeps, opts: { masterIds?: number[] } = {}): Promise<FixitySummary> {
  const summary: FixitySummary = { checked: 0, ok: 0, corrupt: 0, missing: 0 };
  const select = `SELECT id, object_key, sha256, size_bytes, fixity_status FROM masters`;
  if (opts.masterIds) {
    const rows = await deps.db.query<MasterRow>(`${select} WHERE id = ANY($1::int[]) ORDER BY id`, [opts.masterIds]);
    for (const m of rows) summary[await checkMaster(deps, m)]++, summary.checked++;
    return summary;
  }
  // Snapshot of the ids first: checking updates fixity_checked_at, which would reorder a live cursor.
  const ids = (await deps.db.query<{ id: number }>(`SELECT id FROM masters ORDER BY fixity_checked_at NULLS FIRST, id`)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 100) {
    const rows = await deps.db.query<MasterRow>(`${select} WHERE id = ANY($1::int[])`, [ids.slice(i, i + 100)]);
    for (const m of rows) summary[await checkMaster(deps, m)]++, summary.checked++;
  }
  deps.log.info(summary, 'kiểm tra toàn vẹn xong');
  return summary;
}

export interface FixityReport {
  counts: Record<'unchecked' | FixityResult, number>;
  lastCheckedAt: string | null;
  problems: {
    masterId: number;
    recordFileId: number;
    originalName: string;
    objectKey: string;
    status: 'corrupt' | 'missing';
    checkedAt: string | null;
  }[];
  /** Deposited PDF/A files whose latest check failed (deposit-fixity.ts). */
  depositProblems: DepositFixityProblem[];
}

export async function fixityReport(deps: Pick<Deps, 'db'>): Promise<FixityReport> {
  const counts = { unchecked: 0, ok: 0, corrupt: 0, missing: 0 };
  const rows = await deps.db.query<{ fixity_status: keyof typeof counts; n: number; last: Date | string | null }>(
    `SELECT fixity_status, count(*)::int AS n, max(fixity_checked_at) AS last FROM masters GROUP BY fixity_status`,
  );
  let last: string | null = null;
  for (const r of rows) {
    counts[r.fixity_status] = Number(r.n);
    const at = r.last ? new Date(r.last).toISOString() : null;
    if (at && (!last || at > last)) last = at;
  }
  const problems = await deps.db.query<FixityReport['problems'][number] & { checkedAt: Date | string | null }>(
    `SELECT id AS "masterId", record_file_id AS "recordFileId", original_name AS "originalName", object_key AS "objectKey",
            fixity_status AS status, fixity_checked_at AS "checkedAt"
       FROM masters WHERE fixity_status IN ('corrupt', 'missing') ORDER BY id LIMIT 1000`,
  );
  return {
    counts,
    lastCheckedAt: last,
    problems: problems.map((p) => ({ ...p, checkedAt: p.checkedAt ? new Date(p.checkedAt).toISOString() : null })),
    depositProblems: await depositFixityProblems(deps),
  };
}
