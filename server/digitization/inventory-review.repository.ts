/** SQL of the "Số hóa mục lục" review drafts (inventory_reviews, migration 0061). */
import type { Queryable } from '../db/db.js';

type Box = [number, number, number, number];
export interface DraftCell {
  text: string;
  ocr: string | null;
  boxes: { pageId: number; box: Box }[];
  confidence: number | null;
  edited: boolean;
}
export interface DraftProblem {
  field: string | null;
  message: string;
}
export interface DraftRow {
  n: number;
  pageId: number;
  reviewed: boolean;
  cells: Record<string, DraftCell>;
  problems: DraftProblem[];
}
export interface DraftColumn {
  field: string;
  label: string;
  header: string | null;
}
export interface Draft {
  fileId: number;
  pageIds: number[];
  columns: { columns: DraftColumn[]; unmapped: string[] };
  rows: DraftRow[];
  createdAt: string;
  updatedAt: string;
  importedAt: string | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export async function findDraft(db: Queryable, fileId: number, opts: { lock?: boolean } = {}): Promise<Draft | null> {
  const [r] = await db.query<{ fileId: number; pageIds: number[]; columns: Draft['columns']; rows: DraftRow[]; createdAt: Date | string; updatedAt: Date | string; importedAt: Date | string | null }>(
    `SELECT record_file_id AS "fileId", page_ids AS "pageIds", columns, rows, created_at AS "createdAt", updated_at AS "updatedAt",
            imported_at AS "importedAt" FROM inventory_reviews WHERE record_file_id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [fileId],
  );
  if (!r) return null;
  return { ...r, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!, importedAt: iso(r.importedAt) };
}

/** A new extraction replaces the file's draft (edits and marks of the previous one included). */
export async function saveNewDraft(db: Queryable, d: { fileId: number; pageIds: number[]; columns: Draft['columns']; rows: DraftRow[]; by: number | null; at: Date }) {
  await db.query(
    `INSERT INTO inventory_reviews (record_file_id, page_ids, columns, rows, created_by, created_at, updated_at)
     VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $6)
     ON CONFLICT (record_file_id) DO UPDATE SET page_ids = EXCLUDED.page_ids, columns = EXCLUDED.columns, rows = EXCLUDED.rows,
       created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, imported_at = NULL, imported_rows = NULL`,
    [d.fileId, JSON.stringify(d.pageIds), JSON.stringify(d.columns), JSON.stringify(d.rows), d.by, d.at],
  );
}

export async function saveRows(db: Queryable, fileId: number, rows: DraftRow[], at: Date) {
  await db.query(`UPDATE inventory_reviews SET rows = $2::jsonb, updated_at = $3 WHERE record_file_id = $1`, [fileId, JSON.stringify(rows), at]);
}

export async function markImported(db: Queryable, fileId: number, rows: number, at: Date) {
  await db.query(`UPDATE inventory_reviews SET imported_at = $2, imported_rows = $3 WHERE record_file_id = $1`, [fileId, at, rows]);
}

export async function fileAgency(db: Queryable, fileId: number): Promise<number | null> {
  const [r] = await db.query<{ agencyId: number }>(`SELECT agency_id AS "agencyId" FROM record_files WHERE id = $1`, [fileId]);
  return r?.agencyId ?? null;
}

export async function filePages(db: Queryable, fileId: number): Promise<{ id: number; seq: number; width: number; height: number; ocrStatus: string }[]> {
  return db.query(`SELECT id, seq, width, height, ocr_status AS "ocrStatus" FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
}
