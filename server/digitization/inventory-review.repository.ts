/**
 * SQL of the "Số hóa mục lục" review drafts (inventory_reviews, migration 0061) and of the record files their import
 * puts into the scanned file's fonds (record_files.inventory_review_file_id, migration 0065).
 */
import type { Queryable } from '../db/db.js';
import type { Deadline } from '../deadlines/deposit-deadline.js';
import type { InventoryRecord } from '../handover/inventory/types.js';

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
  importedRows: number | null;
  importedSha256: string | null;
  importedFondsId: number | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export async function findDraft(db: Queryable, fileId: number, opts: { lock?: boolean } = {}): Promise<Draft | null> {
  const [r] = await db.query<Omit<Draft, 'createdAt' | 'updatedAt' | 'importedAt'> & { createdAt: Date | string; updatedAt: Date | string; importedAt: Date | string | null }>(
    `SELECT record_file_id AS "fileId", page_ids AS "pageIds", columns, rows, created_at AS "createdAt", updated_at AS "updatedAt",
            imported_at AS "importedAt", imported_rows AS "importedRows", imported_sha256 AS "importedSha256",
            imported_fonds_id AS "importedFondsId" FROM inventory_reviews WHERE record_file_id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
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
       created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, imported_at = NULL, imported_rows = NULL,
       imported_sha256 = NULL, imported_fonds_id = NULL`,
    [d.fileId, JSON.stringify(d.pageIds), JSON.stringify(d.columns), JSON.stringify(d.rows), d.by, d.at],
  );
}

export async function saveRows(db: Queryable, fileId: number, rows: DraftRow[], at: Date) {
  await db.query(`UPDATE inventory_reviews SET rows = $2::jsonb, updated_at = $3 WHERE record_file_id = $1`, [fileId, JSON.stringify(rows), at]);
}

export async function markImported(db: Queryable, fileId: number, m: { rows: number; sha256: string; fondsId: number; at: Date }) {
  await db.query(
    `UPDATE inventory_reviews SET imported_at = $2, imported_rows = $3, imported_sha256 = $4, imported_fonds_id = $5 WHERE record_file_id = $1`,
    [fileId, m.at, m.rows, m.sha256, m.fondsId],
  );
}

export interface ScannedFile {
  agencyId: number;
  fonds: { id: number; code: string; name: string } | null;
}

/** The scanned inventory's own file: its agency and the fonds its rows describe. */
export async function scannedFile(db: Queryable, fileId: number): Promise<ScannedFile | null> {
  const [r] = await db.query<{ agencyId: number; fondsId: number | null; code: string | null; name: string | null }>(
    `SELECT rf.agency_id AS "agencyId", fo.id AS "fondsId", fo.code, fo.name
       FROM record_files rf LEFT JOIN fonds fo ON fo.id = rf.fonds_id WHERE rf.id = $1`,
    [fileId],
  );
  if (!r) return null;
  return { agencyId: r.agencyId, fonds: r.fondsId === null ? null : { id: r.fondsId, code: r.code!, name: r.name! } };
}

/** Serialises imports into one fonds, so two reviews cannot both pass the duplicate check with the same file. */
export async function lockFonds(tx: Queryable, fondsId: number): Promise<void> {
  await tx.query(`SELECT id FROM fonds WHERE id = $1 FOR UPDATE`, [fondsId]);
}

export interface FondsFileKey {
  id: number;
  fileNotation: string;
  startDate: string | null;
  endDate: string;
}

/** The fonds' files other than this review's own earlier import: what a reviewed row must not repeat. */
export async function otherFondsFiles(db: Queryable, fondsId: number, reviewFileId: number): Promise<FondsFileKey[]> {
  return db.query<FondsFileKey>(
    `SELECT id, file_notation AS "fileNotation", start_date::text AS "startDate", end_date::text AS "endDate"
       FROM record_files WHERE fonds_id = $1 AND inventory_review_file_id IS DISTINCT FROM $2`,
    [fondsId, reviewFileId],
  );
}

export async function countImported(db: Queryable, reviewFileId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE inventory_review_file_id = $1`, [reviewFileId]);
  return r.n;
}

/**
 * This review's earlier files that something now refers to: every table with a foreign key to record_files (pages,
 * batches, requests, loans, metadata…, read from the catalogue so a new table counts without changing this) or a
 * box. Such a file is no longer only a row of the review, and replacing it would lose or orphan that work.
 */
export async function importedInUse(db: Queryable, reviewFileId: number): Promise<{ id: number; rowNo: number | null; fileNotation: string }[]> {
  const refs = await db.query<{ tbl: string; col: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = 'record_files'::regclass AND cardinality(c.conkey) = 1
      ORDER BY 1, 2`,
  );
  const used = refs.map((r) => `EXISTS (SELECT 1 FROM ${r.tbl} x WHERE x.${r.col} = rf.id)`);
  return db.query(
    `SELECT rf.id, rf.row_no AS "rowNo", rf.file_notation AS "fileNotation" FROM record_files rf
      WHERE rf.inventory_review_file_id = $1 AND (rf.box_id IS NOT NULL OR ${used.join(' OR ') || 'FALSE'})
      ORDER BY rf.row_no NULLS LAST, rf.id`,
    [reviewFileId],
  );
}

export async function deleteImported(tx: Queryable, reviewFileId: number): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `WITH d AS (DELETE FROM record_files WHERE inventory_review_file_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [reviewFileId],
  );
  return r.n;
}

/** 25 parameters a row: 500 rows stay far below PostgreSQL's 65,535-parameter limit per statement. */
const BATCH = 500;
const COLUMNS = [
  'agency_id', 'fonds_id', 'inventory_review_file_id', 'received_at', 'row_no', 'file_notation', 'title', 'start_date', 'end_date',
  'date_text', 'retention', 'permanent', 'sheets', 'box_no', 'access_level', 'secrecy', 'declassified_year', 'special_law_years',
  'current_archive_deposit_year', 'physical_condition', 'notes', 'due_year_2011', 'due_year_2024', 'due_year', 'due_rule',
];

/**
 * The fonds' new files. They are files the archive already holds (the scanned inventory describes them), so they are
 * received at the import and belong to no handover: never part of an agency's current-archive register.
 */
export async function insertFondsFiles(
  tx: Queryable,
  owner: { agencyId: number; fondsId: number; reviewFileId: number; at: Date },
  records: { record: InventoryRecord; deadline: Deadline }[],
): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    const params: unknown[] = [];
    const tuples = records.slice(i, i + BATCH).map(({ record: r, deadline: d }) => {
      const base = params.length;
      params.push(
        owner.agencyId, owner.fondsId, owner.reviewFileId, owner.at, r.rowNo, r.fileNotation, r.title, r.startDate, r.endDate,
        r.dateText, r.retention, r.permanent, r.sheets, r.boxNo, r.accessLevel, r.secrecy, r.declassifiedYear, r.specialLawYears,
        r.currentArchiveDepositYear, r.physicalCondition, r.notes, d.dueYear2011, d.dueYear2024, d.dueYear, d.rule,
      );
      return `(${COLUMNS.map((_, k) => `$${base + k + 1}`).join(',')})`;
    });
    await tx.query(`INSERT INTO record_files (${COLUMNS.join(', ')}) VALUES ${tuples.join(',')}`, params);
  }
}

export async function filePages(db: Queryable, fileId: number): Promise<{ id: number; seq: number; width: number; height: number; ocrStatus: string }[]> {
  return db.query(`SELECT id, seq, width, height, ocr_status AS "ocrStatus" FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
}
