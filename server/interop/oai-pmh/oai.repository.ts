/**
 * The OAI-PMH item list as one ordered, keyset-paged SQL union: source agencies (authority records), public files,
 * and tombstones of files that were public and no longer are. The order key is stable across requests, so a
 * resumption token only needs the last key it handed out.
 */
import { one, type Queryable } from '../../db/db.js';
import { publicSql, stampSql } from '../records/interop.repository.js';

/** Files sort after every agency; ids are int4, so the offset can never collide. */
export const FILE_KEY_OFFSET = 10_000_000_000;

export type ItemKind = 'agency' | 'file';

export interface SetFilter {
  kind?: ItemKind;
  fondsId?: number | 'any';
  agencyId?: number;
  level?: string;
}

export interface ItemQuery {
  kinds: ItemKind[];
  set: SetFilter;
  /** Inclusive bounds on the datestamp, whole seconds (UTC). */
  from: Date | null;
  until: Date | null;
  afterKey: number;
  limit: number;
  year: number;
}

export interface ItemRow {
  key: number;
  kind: ItemKind;
  id: number;
  stamp: Date;
  deleted: boolean;
  fondsId: number | null;
  agencyId: number;
  level: string;
}

function itemsSql(q: Omit<ItemQuery, 'afterKey' | 'limit'>, params: unknown[]): string {
  const parts: string[] = [];
  if (q.kinds.includes('agency')) {
    parts.push(`SELECT a.id::bigint AS key, 'agency'::text AS kind, a.id, date_trunc('second', a.updated_at) AS stamp, FALSE AS deleted,
      NULL::integer AS fonds_id, a.id AS agency_id, a.level FROM source_agencies a`);
  }
  if (q.kinds.includes('file')) {
    params.push(q.year);
    const yr = `$${params.length}`;
    parts.push(`SELECT ${FILE_KEY_OFFSET} + f.id AS key, 'file'::text AS kind, f.id, ${stampSql('f')} AS stamp, FALSE AS deleted,
      f.fonds_id, f.agency_id, a.level
      FROM record_files f JOIN source_agencies a ON a.id = f.agency_id WHERE ${publicSql('f', yr)}`);
    // A tombstone only while the file is not public again (a declassification by date reopens it without a write).
    parts.push(`SELECT ${FILE_KEY_OFFSET} + w.record_file_id, 'file', w.record_file_id, date_trunc('second', w.withdrawn_at), TRUE,
      w.fonds_id, w.agency_id, a.level
      FROM oai_withdrawn_files w JOIN source_agencies a ON a.id = w.agency_id
      WHERE NOT EXISTS (SELECT 1 FROM record_files f WHERE f.id = w.record_file_id AND ${publicSql('f', yr)})`);
  }
  const where: string[] = [];
  const s = q.set;
  if (s.kind) { params.push(s.kind); where.push(`i.kind = $${params.length}`); }
  if (s.fondsId === 'any') where.push('i.fonds_id IS NOT NULL');
  else if (s.fondsId !== undefined) { params.push(s.fondsId); where.push(`i.fonds_id = $${params.length}`); }
  if (s.agencyId !== undefined) { params.push(s.agencyId); where.push(`i.agency_id = $${params.length}`); }
  if (s.level) { params.push(s.level); where.push(`i.level = $${params.length}`); }
  if (q.from) { params.push(q.from); where.push(`i.stamp >= $${params.length}`); }
  if (q.until) { params.push(q.until); where.push(`i.stamp <= $${params.length}`); }
  return `SELECT i.* FROM (${parts.join(' UNION ALL ')}) i${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

export async function listItems(db: Queryable, q: ItemQuery): Promise<ItemRow[]> {
  if (!q.kinds.length) return [];
  const params: unknown[] = [];
  const base = itemsSql(q, params);
  params.push(q.afterKey, q.limit);
  const rows = await db.query<{ key: string | number; kind: ItemKind; id: number; stamp: Date; deleted: boolean; fonds_id: number | null; agency_id: number; level: string }>(
    `SELECT * FROM (${base}) x WHERE x.key > $${params.length - 1} ORDER BY x.key LIMIT $${params.length}`, params);
  return rows.map((r) => ({ key: Number(r.key), kind: r.kind, id: r.id, stamp: r.stamp, deleted: r.deleted, fondsId: r.fonds_id, agencyId: r.agency_id, level: r.level }));
}

export async function countItems(db: Queryable, q: Omit<ItemQuery, 'afterKey' | 'limit'>): Promise<number> {
  if (!q.kinds.length) return 0;
  const params: unknown[] = [];
  const row = await one<{ n: number }>(db, `SELECT count(*)::integer AS n FROM (${itemsSql(q, params)}) c`, params);
  return row?.n ?? 0;
}

/** One item by kind and id (a public file, a tombstone, or an agency), or undefined. */
export async function findItem(db: Queryable, kind: ItemKind, id: number, year: number): Promise<ItemRow | undefined> {
  const params: unknown[] = [];
  const base = itemsSql({ kinds: [kind], set: {}, from: null, until: null, year }, params);
  params.push(kind === 'file' ? FILE_KEY_OFFSET + id : id);
  const rows = await db.query<{ key: string | number; kind: ItemKind; id: number; stamp: Date; deleted: boolean; fonds_id: number | null; agency_id: number; level: string }>(
    `SELECT * FROM (${base}) x WHERE x.key = $${params.length}`, params);
  const r = rows[0];
  return r && { key: Number(r.key), kind: r.kind, id: r.id, stamp: r.stamp, deleted: r.deleted, fondsId: r.fonds_id, agencyId: r.agency_id, level: r.level };
}

export async function earliestStamp(db: Queryable, year: number): Promise<Date | null> {
  const params: unknown[] = [];
  const row = await one<{ at: Date | null }>(db, `SELECT min(stamp) AS at FROM (${itemsSql({ kinds: ['agency', 'file'], set: {}, from: null, until: null, year }, params)}) e`, params);
  return row?.at ?? null;
}

/** The database's "now" (whole seconds): datestamps come from it, so a harvest snapshot must too, not the app clock. */
export async function databaseNow(db: Queryable): Promise<Date> {
  const row = await one<{ at: Date }>(db, `SELECT date_trunc('second', now()) AS at`);
  return row!.at;
}

export function allSets(db: Queryable) {
  return Promise.all([
    db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM fonds ORDER BY id`),
    db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM source_agencies ORDER BY id`),
  ]);
}
