/** SQL of the TT 05/2025 metadata (0060_tt05_metadata.sql) and what its mapping reads: masters and stored events. */
import { one, type Queryable } from '../db/db.js';
import type { ProcessingStep, Regime, StoredEvent, Tt05Flag } from './tt05-mapping.js';

export interface Tt05FileRow {
  regime: Regime; retentionKind: 'permanent' | 'limited' | null; retentionYears: number | null; accessLevel: string | null;
  confidenceLevel: string | null; paperFileCode: string | null; backupMode: string | null; backupStatus: string | null;
  processingHistory: ProcessingStep[]; flags: Tt05Flag[]; convertedAt: Date | null;
}
export interface Tt05DocumentRow extends Omit<Tt05FileRow, 'paperFileCode'> { documentId: number; archiveCode: string | null; sheetCount: number | null }

const common = (t = '') => `${t}regime, ${t}retention_kind AS "retentionKind", ${t}retention_years AS "retentionYears", ${t}access_level AS "accessLevel",
  ${t}confidence_level AS "confidenceLevel", ${t}backup_mode AS "backupMode", ${t}backup_status AS "backupStatus",
  ${t}processing_history AS "processingHistory", ${t}flags, ${t}converted_at AS "convertedAt"`;
const COMMON = common();

export const FILE_COLUMNS = {
  retentionKind: 'retention_kind', retentionYears: 'retention_years', accessLevel: 'access_level', confidenceLevel: 'confidence_level',
  paperFileCode: 'paper_file_code', backupMode: 'backup_mode', backupStatus: 'backup_status',
} as const;
export const DOCUMENT_COLUMNS = {
  retentionKind: 'retention_kind', retentionYears: 'retention_years', accessLevel: 'access_level', confidenceLevel: 'confidence_level',
  archiveCode: 'archive_code', sheetCount: 'sheet_count', backupMode: 'backup_mode', backupStatus: 'backup_status',
} as const;

export const fileTt05 = (db: Queryable, fileId: number) =>
  one<Tt05FileRow>(db, `SELECT ${COMMON}, paper_file_code AS "paperFileCode" FROM tt05_file_metadata WHERE record_file_id = $1`, [fileId]);

export const documentsTt05 = (db: Queryable, fileId: number) =>
  db.query<Tt05DocumentRow>(
    `SELECT t.document_id AS "documentId", ${common('t.')}, t.archive_code AS "archiveCode", t.sheet_count AS "sheetCount"
       FROM tt05_document_metadata t JOIN documents d ON d.id = t.document_id WHERE d.record_file_id = $1`, [fileId]);

export const documentTt05 = (db: Queryable, documentId: number) =>
  one<Tt05DocumentRow>(db, `SELECT document_id AS "documentId", ${COMMON}, archive_code AS "archiveCode", sheet_count AS "sheetCount" FROM tt05_document_metadata WHERE document_id = $1`, [documentId]);

type Values = object;
function upsert(table: string, key: string) {
  return async (db: Queryable, id: number, values: Values, columns: Record<string, string>, extra: { history?: ProcessingStep[]; flags: Tt05Flag[]; regime?: Regime; convertedAt?: Date }) => {
    const v = values as Record<string, unknown>;
    const cols = Object.entries(columns).filter(([k]) => v[k] !== undefined);
    const names = [...cols.map(([, c]) => c), 'flags'];
    const params: unknown[] = [id, ...cols.map(([k]) => v[k] ?? null), JSON.stringify(extra.flags)];
    if (extra.history) { names.push('processing_history'); params.push(JSON.stringify(extra.history)); }
    if (extra.regime) { names.push('regime'); params.push(extra.regime); }
    if (extra.convertedAt) { names.push('converted_at'); params.push(extra.convertedAt.toISOString()); }
    const ph = names.map((n, i) => (n === 'flags' || n === 'processing_history' ? `$${i + 2}::jsonb` : `$${i + 2}`));
    await db.query(
      `INSERT INTO ${table} (${key}, ${names.join(', ')}, updated_at) VALUES ($1, ${ph.join(', ')}, now())
       ON CONFLICT (${key}) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}, updated_at = now()`, params);
  };
}
export const upsertFileTt05 = upsert('tt05_file_metadata', 'record_file_id');
export const upsertDocumentTt05 = upsert('tt05_document_metadata', 'document_id');

export const fileMasters = (db: Queryable, fileId: number) =>
  db.query<{ id: number; originalName: string; format: string; sizeBytes: number; sha256: string }>(
    `SELECT id, original_name AS "originalName", format, size_bytes::double precision AS "sizeBytes", sha256 FROM masters WHERE record_file_id = $1 ORDER BY id`, [fileId]);

/** Masters holding at least one page of the document. */
export const documentMasters = (db: Queryable, documentId: number) =>
  db.query<{ id: number; originalName: string; format: string; sizeBytes: number; sha256: string }>(
    `SELECT m.id, m.original_name AS "originalName", m.format, m.size_bytes::double precision AS "sizeBytes", m.sha256 FROM masters m
      WHERE EXISTS (SELECT 1 FROM pages p WHERE p.master_id = m.id AND p.document_id = $1) ORDER BY m.id`, [documentId]);

/** Receipt of the file's handover, its masters' uploads and its pages' OCR (optionally only pages of one document). */
export async function processingEvents(db: Queryable, fileId: number, documentId: number | null): Promise<StoredEvent[]> {
  return db.query<StoredEvent>(
    `SELECT e.at, e.action, e.actor_name AS "actorName", e.data FROM events e
      WHERE (e.entity_type = 'handover' AND e.action = 'handover.received' AND e.entity_id = (SELECT handover_id::text FROM record_files WHERE id = $1))
         OR (e.entity_type = 'master' AND e.action = 'master.stored' AND e.entity_id IN (
              SELECT m.id::text FROM masters m WHERE m.record_file_id = $1
                AND ($2::int IS NULL OR EXISTS (SELECT 1 FROM pages p WHERE p.master_id = m.id AND p.document_id = $2))))
         OR (e.entity_type = 'page' AND e.action = 'page.ocr_done' AND e.entity_id IN (
              SELECT p.id::text FROM pages p WHERE p.record_file_id = $1 AND ($2::int IS NULL OR p.document_id = $2)))
      ORDER BY e.at, e.id`, [fileId, documentId]);
}

/** The 2019 fields the mapping reads for a file and its documents. */
export const tt02File = (db: Queryable, fileId: number) =>
  one<{ retention: string; permanent: boolean; accessLevel: string; secrecy: string | null; fileCode: string | null; sheets: number | null }>(db,
    `SELECT retention, permanent, access_level AS "accessLevel", secrecy, file_code AS "fileCode", sheets FROM record_files WHERE id = $1`, [fileId]);

export const tt02Documents = (db: Queryable, fileId: number) =>
  db.query<{ id: number; docOrdinal: number; subject: string; docCode: string | null; accessLevel: string | null; secrecy: string | null; confidenceLevel: string | null; recordFileId: number }>(
    `SELECT id, doc_ordinal AS "docOrdinal", subject, doc_code AS "docCode", access_level AS "accessLevel", secrecy, confidence_level AS "confidenceLevel",
            record_file_id AS "recordFileId" FROM documents WHERE record_file_id = $1 ORDER BY doc_ordinal`, [fileId]);

export interface Tt05Export {
  regime: Regime;
  file: Tt05FileRow | null;
  files: { name: string; format: string; size: number; sha256: string }[];
  documents: { ordinal: number; subject: string; row: Tt05DocumentRow; files: { name: string; format: string; size: number; sha256: string }[] }[];
}

/** What the AIP's TT05 block writes for a file (staff-only export, no visibility filter): the stored regime and 2025 fields. */
export async function tt05ForExport(db: Queryable, fileId: number): Promise<Tt05Export> {
  const file = await fileTt05(db, fileId);
  const list = (ms: { originalName: string; format: string; sizeBytes: number; sha256: string }[]) =>
    ms.map((m) => ({ name: m.originalName, format: m.format, size: Number(m.sizeBytes), sha256: m.sha256 }));
  const rows = new Map((await documentsTt05(db, fileId)).map((d) => [d.documentId, d]));
  const documents = [];
  for (const d of await tt02Documents(db, fileId)) {
    const row = rows.get(d.id);
    if (row?.regime === 'tt05_2025') documents.push({ ordinal: d.docOrdinal, subject: d.subject, row, files: list(await documentMasters(db, d.id)) });
  }
  return { regime: file?.regime ?? 'tt02_2019', file: file ?? null, files: list(await fileMasters(db, fileId)), documents };
}
