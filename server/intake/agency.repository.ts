import type { Queryable } from '../db/db.js';

export type AgencyLevel = 'province' | 'district' | 'commune';
export type AgencyStatus = 'active' | 'merged' | 'dissolved';

export interface Agency {
  id: number;
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: number | null;
  parentName: string | null;
  status: AgencyStatus;
  successorId: number | null;
  successorName: string | null;
  statusDate: string | null;
  listingDecision: string | null;
  address: string | null;
  notes: string | null;
  fondsCodes: string[];
}

/** The columns a user can write; everything else in Agency is derived. */
export interface AgencyFields {
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: number | null;
  status: AgencyStatus;
  successorId: number | null;
  statusDate: string | null;
  listingDecision: string | null;
  address: string | null;
  notes: string | null;
}

export interface AgencyListFilter {
  /** LIKE patterns already folded (see searchTokens); every one must match. */
  patterns: string[];
  level?: AgencyLevel;
  status?: AgencyStatus;
  parentId?: number;
  onlyId: number | null;
  sort: 'code' | 'name';
  limit: number;
  offset: number;
}

const SELECT = `
  SELECT a.id, a.code, a.name, a.level, a.parent_id AS "parentId", p.name AS "parentName", a.status,
         a.successor_id AS "successorId", s.name AS "successorName", a.status_date AS "statusDate",
         a.listing_decision AS "listingDecision", a.address, a.notes,
         COALESCE((SELECT json_agg(f.code ORDER BY f.code) FROM fonds f WHERE f.agency_id = a.id), '[]'::json) AS "fondsCodes"
    FROM source_agencies a
    LEFT JOIN source_agencies p ON p.id = a.parent_id
    LEFT JOIN source_agencies s ON s.id = a.successor_id`;

function where(f: AgencyListFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  // search_text is already f_unaccent(lower(code || ' ' || name)); the trigram index serves these LIKEs.
  for (const p of f.patterns) add((n) => `a.search_text LIKE f_unaccent(${n}) ESCAPE '\\'`, p);
  if (f.level) add((n) => `a.level = ${n}`, f.level);
  if (f.status) add((n) => `a.status = ${n}`, f.status);
  if (f.parentId !== undefined) add((n) => `a.parent_id = ${n}`, f.parentId);
  if (f.onlyId !== null) add((n) => `a.id = ${n}`, f.onlyId);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function listAgencies(db: Queryable, f: AgencyListFilter): Promise<{ items: Agency[]; total: number }> {
  const w = where(f);
  const order = f.sort === 'name' ? `f_unaccent(lower(a.name)), a.name, a.code` : `a.code`;
  const n = w.params.length;
  const items = await db.query<Agency>(`${SELECT} ${w.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
    ...w.params,
    f.limit,
    f.offset,
  ]);
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM source_agencies a ${w.sql}`, w.params);
  return { items, total };
}

export async function getAgency(db: Queryable, id: number): Promise<Agency | undefined> {
  return (await db.query<Agency>(`${SELECT} WHERE a.id = $1`, [id]))[0];
}

export async function agencyExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM source_agencies WHERE id = $1`, [id])).length > 0;
}

export async function findAgencyIdByCode(db: Queryable, code: string): Promise<number | undefined> {
  return (await db.query<{ id: number }>(`SELECT id FROM source_agencies WHERE code = $1`, [code]))[0]?.id;
}

export async function listChildren(db: Queryable, id: number) {
  return db.query<{ id: number; code: string; name: string }>(
    `SELECT id, code, name FROM source_agencies WHERE parent_id = $1 ORDER BY code`,
    [id],
  );
}

/** Agencies merged or dissolved into this one. */
export async function listPredecessors(db: Queryable, id: number) {
  return db.query<{ id: number; code: string; name: string; status: AgencyStatus }>(
    `SELECT id, code, name, status FROM source_agencies WHERE successor_id = $1 ORDER BY code`,
    [id],
  );
}

export async function insertAgency(db: Queryable, a: AgencyFields, at: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO source_agencies (code, name, level, parent_id, status, successor_id, status_date, listing_decision, address, notes, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [a.code, a.name, a.level, a.parentId, a.status, a.successorId, a.statusDate, a.listingDecision, a.address, a.notes, at.toISOString()],
  );
  return rows[0].id;
}

export async function updateAgency(db: Queryable, id: number, a: AgencyFields, at: Date): Promise<void> {
  await db.query(
    `UPDATE source_agencies
        SET code = $2, name = $3, level = $4, parent_id = $5, status = $6, successor_id = $7, status_date = $8,
            listing_decision = $9, address = $10, notes = $11, updated_at = $12
      WHERE id = $1`,
    [id, a.code, a.name, a.level, a.parentId, a.status, a.successorId, a.statusDate, a.listingDecision, a.address, a.notes, at.toISOString()],
  );
}

/** Would pointing `id`'s parent (or successor) at `target` close a loop? Walks up from target looking for id. */
export async function wouldCycle(db: Queryable, column: 'parent_id' | 'successor_id', id: number, target: number): Promise<boolean> {
  const rows = await db.query(
    `WITH RECURSIVE up(id, depth) AS (
       SELECT $2::integer, 0
       UNION ALL
       SELECT a.${column}, up.depth + 1 FROM up JOIN source_agencies a ON a.id = up.id
        WHERE a.${column} IS NOT NULL AND up.depth < 10000
     )
     SELECT 1 FROM up WHERE id = $1 LIMIT 1`,
    [id, target],
  );
  return rows.length > 0;
}

/** Every agency that sits on a loop of parent (or successor) links; used after a bulk import. */
export async function agenciesInCycles(db: Queryable, column: 'parent_id' | 'successor_id'): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `WITH RECURSIVE walk(start_id, cur_id, path) AS (
       SELECT id, ${column}, ARRAY[id] FROM source_agencies WHERE ${column} IS NOT NULL
       UNION ALL
       SELECT w.start_id, a.${column}, w.path || a.id
         FROM walk w JOIN source_agencies a ON a.id = w.cur_id
        WHERE a.${column} IS NOT NULL AND NOT (a.id = ANY (w.path))
     )
     SELECT DISTINCT start_id AS id FROM walk WHERE cur_id = start_id ORDER BY 1`,
  );
  return rows.map((r) => r.id);
}

/** Raw writable fields of every agency, for the import's comparison (one query, not one per row). */
export async function allAgencyFields(db: Queryable): Promise<(AgencyFields & { id: number })[]> {
  return db.query<AgencyFields & { id: number }>(
    `SELECT id, code, name, level, parent_id AS "parentId", status, successor_id AS "successorId",
            status_date AS "statusDate", listing_decision AS "listingDecision", address, notes
       FROM source_agencies`,
  );
}
