/** SQL for backlog items (metres to process) and restoration items (pages to restore). Plain objects out. */
import type { Queryable } from '../db/db.js';
import type { BacklogFilter, CreateBacklog, CreateRestoration } from './scheduling.schemas.js';

export interface BacklogItem {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  fondsId: number | null;
  fondsCode: string | null;
  label: string;
  measuredMetres: number | null;
  estimatedMetres: number | null;
  startYear: number | null;
  endYear: number | null;
  conditionCode: string | null;
  complexityCoef: number;
  priority: number;
  releaseDate: string | null;
  dueDate: string | null;
  notes: string | null;
  /** Metres recorded as done on the last processing step (p21), i.e. finished. */
  doneMetres: number;
}

export interface RestorationItem {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  fondsId: number | null;
  fondsCode: string | null;
  unitKind: 'file' | 'document';
  reference: string;
  pages: number;
  damageType: string;
  damageLevel: 'light' | 'medium' | 'heavy';
  startYear: number | null;
  endYear: number | null;
  priority: number;
  dueDate: string | null;
  notes: string | null;
  /** Pages recorded as restored, never more than `pages` (recording more is refused; this caps any older excess). */
  donePages: number;
}

const BACKLOG_SELECT = `
  SELECT b.id, b.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", b.fonds_id AS "fondsId",
         f.code AS "fondsCode", b.label, b.measured_metres AS "measuredMetres", b.estimated_metres AS "estimatedMetres",
         b.start_year AS "startYear", b.end_year AS "endYear", b.condition_code AS "conditionCode",
         b.complexity_coef AS "complexityCoef", b.priority, b.release_date AS "releaseDate", b.due_date AS "dueDate", b.notes,
         COALESCE((SELECT sum(metres) FROM progress_entries pe WHERE pe.backlog_item_id = b.id AND pe.step_id = 'p21'), 0)::float8 AS "doneMetres"
    FROM backlog_items b JOIN source_agencies a ON a.id = b.agency_id LEFT JOIN fonds f ON f.id = b.fonds_id`;

export async function listBacklog(db: Queryable, f: BacklogFilter = {}): Promise<BacklogItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (f.agencyId) add('b.agency_id = ?', f.agencyId);
  if (f.fondsId) add('b.fonds_id = ?', f.fondsId);
  if (f.conditionCode) add('b.condition_code = ?', f.conditionCode);
  if (f.q) add(`f_unaccent(lower(b.label || ' ' || a.name || ' ' || coalesce(b.notes, ''))) LIKE '%' || f_unaccent(lower(?)) || '%'`, f.q);
  if (f.estimatedOnly === 'true') where.push('b.measured_metres IS NULL');
  return db.query<BacklogItem>(`${BACKLOG_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.code, b.id`, params);
}

export async function getBacklog(db: Queryable, id: number): Promise<BacklogItem | null> {
  return (await db.query<BacklogItem>(`${BACKLOG_SELECT} WHERE b.id = $1`, [id]))[0] ?? null;
}

const BACKLOG_COLUMNS: [keyof CreateBacklog, string][] = [
  ['agencyId', 'agency_id'], ['fondsId', 'fonds_id'], ['label', 'label'], ['measuredMetres', 'measured_metres'],
  ['estimatedMetres', 'estimated_metres'], ['startYear', 'start_year'], ['endYear', 'end_year'], ['conditionCode', 'condition_code'],
  ['complexityCoef', 'complexity_coef'], ['priority', 'priority'], ['releaseDate', 'release_date'], ['dueDate', 'due_date'], ['notes', 'notes'],
];

const RESTORATION_COLUMNS: [keyof CreateRestoration, string][] = [
  ['agencyId', 'agency_id'], ['fondsId', 'fonds_id'], ['unitKind', 'unit_kind'], ['reference', 'reference'], ['pages', 'pages'],
  ['damageType', 'damage_type'], ['damageLevel', 'damage_level'], ['startYear', 'start_year'], ['endYear', 'end_year'],
  ['priority', 'priority'], ['dueDate', 'due_date'], ['notes', 'notes'],
];

async function insertRow(db: Queryable, table: string, columns: [string, string][], v: Record<string, unknown>): Promise<number> {
  const used = columns.filter(([k]) => v[k] !== undefined);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ${table} (${used.map(([, c]) => c).join(', ')}) VALUES (${used.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    used.map(([k]) => v[k]),
  );
  return row.id;
}

async function updateRow(db: Queryable, table: string, columns: [string, string][], id: number, v: Record<string, unknown>): Promise<void> {
  const used = columns.filter(([k]) => v[k] !== undefined);
  if (!used.length) return;
  await db.query(
    `UPDATE ${table} SET ${used.map(([, c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...used.map(([k]) => v[k])],
  );
}

export const insertBacklog = (db: Queryable, v: CreateBacklog) => insertRow(db, 'backlog_items', BACKLOG_COLUMNS, v);
export const updateBacklog = (db: Queryable, id: number, v: Partial<CreateBacklog>) => updateRow(db, 'backlog_items', BACKLOG_COLUMNS, id, v);
export const insertRestoration = (db: Queryable, v: CreateRestoration) => insertRow(db, 'restoration_items', RESTORATION_COLUMNS, v);
export const updateRestoration = (db: Queryable, id: number, v: Partial<CreateRestoration>) => updateRow(db, 'restoration_items', RESTORATION_COLUMNS, id, v);

export async function deleteBacklog(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM backlog_items WHERE id = $1 RETURNING id`, [id])).length > 0;
}
export async function deleteRestoration(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM restoration_items WHERE id = $1 RETURNING id`, [id])).length > 0;
}

const RESTORATION_SELECT = `
  SELECT r.id, r.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", r.fonds_id AS "fondsId", f.code AS "fondsCode",
         r.unit_kind AS "unitKind", r.reference, r.pages, r.damage_type AS "damageType", r.damage_level AS "damageLevel",
         r.start_year AS "startYear", r.end_year AS "endYear", r.priority, r.due_date AS "dueDate", r.notes,
         LEAST(r.pages, COALESCE((SELECT sum(pages) FROM progress_entries pe WHERE pe.restoration_item_id = r.id), 0))::int AS "donePages"
    FROM restoration_items r JOIN source_agencies a ON a.id = r.agency_id LEFT JOIN fonds f ON f.id = r.fonds_id`;

export async function listRestoration(db: Queryable, f: { agencyId?: number; damageLevel?: string } = {}): Promise<RestorationItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.agencyId) { params.push(f.agencyId); where.push(`r.agency_id = $${params.length}`); }
  if (f.damageLevel) { params.push(f.damageLevel); where.push(`r.damage_level = $${params.length}`); }
  return db.query<RestorationItem>(`${RESTORATION_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.code, r.id`, params);
}

/** Locks the item and returns the pages already recorded for it (uncapped), so two recordings cannot both pass the check. */
export async function lockRestorationDone(db: Queryable, id: number): Promise<number> {
  await db.query(`SELECT id FROM restoration_items WHERE id = $1 FOR UPDATE`, [id]);
  const [r] = await db.query<{ n: number }>(`SELECT COALESCE(sum(pages), 0)::int AS n FROM progress_entries WHERE restoration_item_id = $1`, [id]);
  return r.n;
}

export async function getRestoration(db: Queryable, id: number): Promise<RestorationItem | null> {
  return (await db.query<RestorationItem>(`${RESTORATION_SELECT} WHERE r.id = $1`, [id]))[0] ?? null;
}

/** The fonds must belong to the agency named on the item (or to none). */
export async function fondsAgency(db: Queryable, fondsId: number): Promise<{ agencyId: number | null } | null> {
  return (await db.query<{ agencyId: number | null }>(`SELECT agency_id AS "agencyId" FROM fonds WHERE id = $1`, [fondsId]))[0] ?? null;
}
export async function agencyExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM source_agencies WHERE id = $1`, [id])).length > 0;
}
