/** TT 02/2019 metadata: the file's own fields (record_files) joined with file_metadata, and documents. */
import type { Queryable } from '../db/db.js';
import { one } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { visibleSql } from '../access/visibility.js';
import { DOCUMENT_COLUMNS, FILE_METADATA_COLUMNS, type DocumentInput, type DocumentPatchInput, type FileMetadataInput } from './metadata.schemas.js';

export interface FileMetadataRow {
  recordFileId: number;
  fileCode: string | null;
  fileNotation: string;
  title: string;
  startDate: string | null;
  endDate: string;
  retention: string;
  accessLevel: string;
  secrecy: string | null;
  sheets: number | null;
  physicalCondition: string | null;
  fondsId: number | null;
  fondsCode: string | null;
  identifier: string | null;
  organId: string | null;
  fileCatalog: string | null;
  language: string;
  totalDoc: number | null;
  description: string | null;
  inforSign: string | null;
  keyword: string | null;
  pageNumber: number | null;
  digitizedPages: number;
  updatedAt: string | null;
}

const FILE_SELECT = `SELECT f.id AS "recordFileId", f.file_code AS "fileCode", f.file_notation AS "fileNotation", f.title,
    f.start_date AS "startDate", f.end_date AS "endDate", f.retention, f.access_level AS "accessLevel", f.secrecy, f.sheets,
    f.physical_condition AS "physicalCondition", fo.id AS "fondsId", fo.code AS "fondsCode",
    fm.identifier, COALESCE(fm.organ_id, fo.code) AS "organId", fm.file_catalog AS "fileCatalog", COALESCE(fm.language, 'Tiếng Việt') AS language,
    COALESCE(fm.total_doc, (SELECT count(*)::int FROM documents x WHERE x.record_file_id = f.id)) AS "totalDoc",
    fm.description, fm.infor_sign AS "inforSign", fm.keyword,
    COALESCE(fm.page_number, (SELECT count(*)::int FROM pages p WHERE p.record_file_id = f.id)) AS "pageNumber",
    (SELECT count(*)::int FROM pages p WHERE p.record_file_id = f.id) AS "digitizedPages", fm.updated_at AS "updatedAt"
  FROM record_files f
  LEFT JOIN handovers h ON h.id = f.handover_id
  LEFT JOIN fonds fo ON fo.id = COALESCE(f.fonds_id, h.fonds_id, (SELECT af.id FROM fonds af WHERE af.agency_id = f.agency_id ORDER BY af.id LIMIT 1))
  LEFT JOIN file_metadata fm ON fm.record_file_id = f.id`;

export async function fileMetadata(db: Queryable, scope: Scope, fileId: number) {
  const params: unknown[] = [fileId];
  const vis = visibleSql(scope, params, 'f', null);
  return one<FileMetadataRow>(db, `${FILE_SELECT} WHERE f.id = $1 AND ${vis}`, params);
}

export async function fondsFilesMetadata(db: Queryable, scope: Scope, fondsId: number) {
  const params: unknown[] = [fondsId];
  const vis = visibleSql(scope, params, 'f', null);
  return db.query<FileMetadataRow>(`${FILE_SELECT} WHERE fo.id = $1 AND ${vis} ORDER BY f.file_notation, f.id LIMIT 20000`, params);
}

export async function fondsExists(db: Queryable, fondsId: number) {
  return one<{ id: number; code: string; name: string }>(db, `SELECT id, code, name FROM fonds WHERE id = $1`, [fondsId]);
}

export async function upsertFileMetadata(db: Queryable, fileId: number, input: FileMetadataInput): Promise<void> {
  const cols = Object.entries(FILE_METADATA_COLUMNS).filter(([k]) => input[k as keyof FileMetadataInput] !== undefined);
  if (cols.length) {
    const names = cols.map(([, c]) => c);
    const values = cols.map(([k]) => input[k as keyof FileMetadataInput] ?? null);
    await db.query(
      `INSERT INTO file_metadata (record_file_id, ${names.join(', ')}, updated_at) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}, now())
       ON CONFLICT (record_file_id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}, updated_at = now()`,
      [fileId, ...values],
    );
  }
  if (input.fileCode !== undefined) await db.query(`UPDATE record_files SET file_code = $2 WHERE id = $1`, [fileId, input.fileCode ?? null]);
  if (input.title !== undefined) await db.query(`UPDATE record_files SET title = $2 WHERE id = $1`, [fileId, input.title]);
}

export interface DocumentRow extends DocumentInput {
  id: number;
  recordFileId: number;
  pages: number;
  updatedAt: string;
}

const DOC_SELECT = `SELECT d.id, d.record_file_id AS "recordFileId", ${Object.entries(DOCUMENT_COLUMNS).map(([k, c]) => `d.${c} AS "${k}"`).join(', ')},
  (SELECT count(*)::int FROM pages p WHERE p.document_id = d.id) AS pages, d.updated_at AS "updatedAt"
  FROM documents d JOIN record_files f ON f.id = d.record_file_id`;

export async function visibleDocuments(db: Queryable, scope: Scope, fileIds: number[]) {
  const params: unknown[] = [fileIds];
  const vis = visibleSql(scope, params, 'f', 'd');
  return db.query<DocumentRow>(`${DOC_SELECT} WHERE d.record_file_id = ANY($1::int[]) AND ${vis} ORDER BY d.record_file_id, d.doc_ordinal`, params);
}

export async function documentById(db: Queryable, id: number) {
  return one<DocumentRow>(db, `${DOC_SELECT} WHERE d.id = $1`, [id]);
}

export async function insertDocument(db: Queryable, fileId: number, input: DocumentInput): Promise<number> {
  const entries = Object.entries(DOCUMENT_COLUMNS).filter(([k]) => input[k as keyof DocumentInput] !== undefined);
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO documents (record_file_id, ${entries.map(([, c]) => c).join(', ')}) VALUES ($1, ${entries.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
    [fileId, ...entries.map(([k]) => input[k as keyof DocumentInput] ?? null)],
  );
  return r.id;
}

export async function updateDocument(db: Queryable, id: number, patch: DocumentPatchInput): Promise<void> {
  const entries = Object.entries(DOCUMENT_COLUMNS).filter(([k]) => patch[k as keyof DocumentPatchInput] !== undefined);
  if (!entries.length) return;
  await db.query(
    `UPDATE documents SET ${entries.map(([, c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...entries.map(([k]) => patch[k as keyof DocumentPatchInput] ?? null)],
  );
}
