import type { Queryable } from '../db/db.js';

export type FondsKind = 'fonds' | 'collection' | 'compilation';

export interface Fonds {
  id: number;
  code: string;
  name: string;
  kind: FondsKind;
  agencyId: number | null;
  agencyName: string | null;
  status: 'open' | 'closed';
  startYear: number | null;
  endYear: number | null;
  creatorHistory: string | null;
  fondsHistory: string | null;
  notes: string | null;
}

export type FondsFields = Omit<Fonds, 'id' | 'agencyName'>;

const SELECT = `
  SELECT f.id, f.code, f.name, f.kind, f.agency_id AS "agencyId", a.name AS "agencyName", f.status,
         f.start_year AS "startYear", f.end_year AS "endYear", f.creator_history AS "creatorHistory",
         f.fonds_history AS "fondsHistory", f.notes
    FROM fonds f LEFT JOIN source_agencies a ON a.id = f.agency_id`;

export interface FondsListFilter {
  agencyId?: number;
  patterns: string[];
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

export async function listFonds(db: Queryable, f: FondsListFilter): Promise<{ items: Fonds[]; total: number }> {
  const params: unknown[] = [];
  const clauses: string[] = [];
  if (f.agencyId !== undefined) {
    params.push(f.agencyId);
    clauses.push(`f.agency_id = $${params.length}`);
  }
  for (const p of f.patterns) {
    params.push(p);
    clauses.push(`f_unaccent(lower(f.code || ' ' || f.name)) LIKE f_unaccent($${params.length}) ESCAPE '\\'`);
  }
  if (f.status) {
    params.push(f.status);
    clauses.push(`f.status = $${params.length}`);
  }
  const w = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const n = params.length;
  const items = await db.query<Fonds>(`${SELECT} ${w} ORDER BY f.code LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, f.limit, f.offset]);
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM fonds f ${w}`, params);
  return { items, total };
}

export async function getFonds(db: Queryable, id: number): Promise<Fonds | undefined> {
  return (await db.query<Fonds>(`${SELECT} WHERE f.id = $1`, [id]))[0];
}

export async function listAgencyFonds(db: Queryable, agencyId: number): Promise<Fonds[]> {
  return db.query<Fonds>(`${SELECT} WHERE f.agency_id = $1 ORDER BY f.code`, [agencyId]);
}

export async function findFondsByCode(db: Queryable, code: string): Promise<{ id: number; agencyId: number | null } | undefined> {
  return (await db.query<{ id: number; agencyId: number | null }>(`SELECT id, agency_id AS "agencyId" FROM fonds WHERE code = $1`, [code]))[0];
}

export async function allFondsCodes(db: Queryable) {
  return db.query<{ id: number; code: string; agencyId: number | null }>(`SELECT id, code, agency_id AS "agencyId" FROM fonds`);
}

export async function insertFonds(db: Queryable, f: FondsFields, at: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO fonds (code, name, kind, agency_id, status, start_year, end_year, creator_history, fonds_history, notes, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [f.code, f.name, f.kind, f.agencyId, f.status, f.startYear, f.endYear, f.creatorHistory, f.fondsHistory, f.notes, at.toISOString()],
  );
  return rows[0].id;
}

export async function updateFonds(db: Queryable, id: number, f: FondsFields, at: Date): Promise<void> {
  await db.query(
    `UPDATE fonds SET code = $2, name = $3, kind = $4, agency_id = $5, status = $6, start_year = $7, end_year = $8,
            creator_history = $9, fonds_history = $10, notes = $11, updated_at = $12
      WHERE id = $1`,
    [id, f.code, f.name, f.kind, f.agencyId, f.status, f.startYear, f.endYear, f.creatorHistory, f.fondsHistory, f.notes, at.toISOString()],
  );
}

export async function linkFondsToAgency(db: Queryable, id: number, agencyId: number, at: Date): Promise<void> {
  await db.query(`UPDATE fonds SET agency_id = $2, updated_at = $3 WHERE id = $1`, [id, agencyId, at.toISOString()]);
}
