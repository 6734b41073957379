/**
 * Orphan sweep: objects no row references, older than a grace period, are deleted (each deletion logged).
 * Orphans come from a crash between "blob written" and "row committed" (DESIGN: blob first, then the row).
 * The grace period keeps the sweep off uploads and derivative jobs still in flight. An object a row references
 * is never deleted, whatever its age.
 */
import type { Deps } from '../deps.js';

/** Prefixes of the key scheme (storage/safe-key.ts) whose objects belong to rows. exports/ is not swept here. */
const SWEPT_PREFIXES = ['masters/', 'derivatives/', 'ocr/', 'tmp/'] as const;
export const DEFAULT_ORPHAN_GRACE_SECONDS = 3600;

export interface OrphanSweepResult {
  scanned: number;
  deleted: string[];
  tempFilesRemoved?: number;
}

type SweepDeps = Pick<Deps, 'db' | 'blobs' | 'log' | 'clock'>;

/** Of these keys, the ones some row references. */
async function referenced(deps: SweepDeps, prefix: string, keys: string[]): Promise<Set<string>> {
  if (prefix === 'tmp/') return new Set();
  if (prefix === 'masters/') {
    const rows = await deps.db.query<{ k: string }>(`SELECT object_key AS k FROM masters WHERE object_key = ANY($1::text[])`, [keys]);
    return new Set(rows.map((r) => r.k));
  }
  if (prefix === 'derivatives/') {
    const rows = await deps.db.query<{ k: string }>(
      `SELECT k FROM pages, LATERAL (VALUES (access_key), (thumb_key), (pyramid_key)) AS v(k) WHERE k = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.k));
  }
  // ocr/<pageId>/…: kept while its page exists.
  const ids = keys.map((k) => Number(k.split('/')[1])).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
  const rows = await deps.db.query<{ id: number }>(`SELECT id FROM pages WHERE id = ANY($1::int[])`, [ids]);
  const live = new Set(rows.map((r) => String(r.id)));
  return new Set(keys.filter((k) => live.has(k.split('/')[1]!)));
}

export async function sweepOrphans(deps: SweepDeps, opts: { graceSeconds?: number } = {}): Promise<OrphanSweepResult> {
  const grace = opts.graceSeconds ?? DEFAULT_ORPHAN_GRACE_SECONDS;
  // Wall time, not the injectable clock: object mtimes come from the real clock of the store.
  const cutoff = Date.now() - grace * 1000;
  const result: OrphanSweepResult = { scanned: 0, deleted: [] };
  for (const prefix of SWEPT_PREFIXES) {
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const keep = await referenced(deps, prefix, batch);
      for (const key of batch) {
        if (keep.has(key)) continue;
        await deps.blobs.delete(key);
        result.deleted.push(key);
        deps.log.warn({ key }, 'dọn đối tượng mồ côi: đã xoá đối tượng không có bản ghi tham chiếu');
      }
      batch = [];
    };
    // Collect first, delete after: deleting while a listing is open can make some backends skip keys.
    const candidates: string[] = [];
    for await (const o of deps.blobs.list(prefix)) {
      result.scanned++;
      if (o.lastModified.getTime() <= cutoff) candidates.push(o.key);
    }
    for (const key of candidates) {
      batch.push(key);
      if (batch.length >= 500) await flush();
    }
    await flush();
  }
  // The filesystem store's own debris: hidden temp files of writers killed mid-put.
  const sweepTemp = (deps.blobs as { sweepTemp?: (olderThanMs: number) => Promise<number> }).sweepTemp;
  if (sweepTemp) result.tempFilesRemoved = await sweepTemp.call(deps.blobs, grace * 1000);
  if (result.deleted.length) deps.log.warn({ count: result.deleted.length }, 'dọn đối tượng mồ côi xong');
  return result;
}
