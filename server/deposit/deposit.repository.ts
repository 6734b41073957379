/** SQL of the digital deposit: accepted packages, their PDF/A files, and what receipt still has to turn into pages. */
import { one, type Queryable } from '../db/db.js';

export interface NewPackage {
  handoverId: number;
  agencyId: number;
  originalName: string;
  sha256: string;
  sizeBytes: number;
  metadataFile: string;
  files: number;
  pages: number;
  createdBy: number | null;
  at: Date;
}

export async function markDigital(tx: Queryable, handoverId: number): Promise<void> {
  await tx.query(`UPDATE handovers SET kind = 'digital' WHERE id = $1`, [handoverId]);
}

/** Whether the agency has a fonds its pages can be filed under (receipt makes a digitisation batch per file). */
export async function agencyHasFonds(db: Queryable, agencyId: number): Promise<boolean> {
  return Boolean(await one(db, `SELECT 1 FROM fonds WHERE agency_id = $1 LIMIT 1`, [agencyId]));
}

export async function insertPackage(tx: Queryable, p: NewPackage): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO deposit_packages (handover_id, agency_id, original_name, sha256, size_bytes, metadata_file, files, pages, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [p.handoverId, p.agencyId, p.originalName, p.sha256, p.sizeBytes, p.metadataFile, p.files, p.pages, p.createdBy, p.at],
  );
  return r.id;
}

/** Record file ids of a handover by inventory row number. */
export async function recordIdsByRow(tx: Queryable, handoverId: number): Promise<Map<number, number>> {
  const rows = await tx.query<{ id: number; rowNo: number }>(`SELECT id, row_no AS "rowNo" FROM record_files WHERE handover_id = $1`, [handoverId]);
  return new Map(rows.map((r) => [r.rowNo, r.id]));
}

export async function insertDepositFile(
  tx: Queryable,
  f: { packageId: number; recordFileId: number; path: string; objectKey: string; sha256: string; sizeBytes: number; pages: number },
): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO deposit_files (package_id, record_file_id, path, object_key, sha256, size_bytes, pages) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [f.packageId, f.recordFileId, f.path, f.objectKey, f.sha256, f.sizeBytes, f.pages],
  );
  return r.id;
}

export interface PackageRow {
  id: number;
  handoverId: number;
  handoverStatus: string;
  agencyId: number;
  agencyName: string;
  originalName: string;
  sha256: string;
  sizeBytes: number;
  metadataFile: string;
  files: number;
  pages: number;
  createdAt: Date;
  materialisedAt: Date | null;
}

const PACKAGE = `
  SELECT p.id, p.handover_id AS "handoverId", h.status AS "handoverStatus", p.agency_id AS "agencyId", a.name AS "agencyName",
         p.original_name AS "originalName", p.sha256, p.size_bytes::double precision AS "sizeBytes", p.metadata_file AS "metadataFile",
         p.files, p.pages, p.created_at AS "createdAt", p.materialised_at AS "materialisedAt"
    FROM deposit_packages p JOIN handovers h ON h.id = p.handover_id JOIN source_agencies a ON a.id = p.agency_id`;

export const findPackage = (db: Queryable, id: number) => one<PackageRow>(db, `${PACKAGE} WHERE p.id = $1`, [id]);
export const packageOfHandover = (db: Queryable, handoverId: number) => one<PackageRow>(db, `${PACKAGE} WHERE p.handover_id = $1`, [handoverId]);

export interface DepositFileRow {
  id: number;
  recordFileId: number;
  rowNo: number;
  fileNotation: string;
  title: string;
  path: string;
  objectKey: string;
  sha256: string;
  sizeBytes: number;
  pages: number;
  received: boolean;
  materialisedAt: Date | null;
}

export const packageFiles = (db: Queryable, packageId: number) =>
  db.query<DepositFileRow>(
    `SELECT d.id, d.record_file_id AS "recordFileId", rf.row_no AS "rowNo", rf.file_notation AS "fileNotation", rf.title, d.path,
            d.object_key AS "objectKey", d.sha256, d.size_bytes::double precision AS "sizeBytes", d.pages,
            rf.received_at IS NOT NULL AS received, d.materialised_at AS "materialisedAt"
       FROM deposit_files d JOIN record_files rf ON rf.id = d.record_file_id
      WHERE d.package_id = $1 ORDER BY rf.row_no`,
    [packageId],
  );

/** Locks the deposit file for its materialisation; false when another run already did it. */
export async function lockUnmaterialised(tx: Queryable, id: number): Promise<boolean> {
  return Boolean(await one(tx, `SELECT id FROM deposit_files WHERE id = $1 AND materialised_at IS NULL FOR UPDATE`, [id]));
}

export async function markFileMaterialised(tx: Queryable, id: number, at: Date): Promise<void> {
  await tx.query(`UPDATE deposit_files SET materialised_at = $2 WHERE id = $1`, [id, at]);
}

/** Done once every received file has its pages (a file recorded missing at receipt has none to make). */
export async function finishPackage(db: Queryable, packageId: number, at: Date): Promise<void> {
  await db.query(
    `UPDATE deposit_packages p SET materialised_at = $2
      WHERE p.id = $1 AND p.materialised_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM deposit_files d JOIN record_files rf ON rf.id = d.record_file_id
                         WHERE d.package_id = p.id AND rf.received_at IS NOT NULL AND d.materialised_at IS NULL)`,
    [packageId, at],
  );
}

/** PREMIS events of the package's files (deposit checks, receipt fixity and ingestion), oldest first. */
export const premisEventsOfPackage = (db: Queryable, packageId: number) =>
  db.query<{ uuid: string; type: string; at: Date; objectName: string; outcome: 'pass' | 'fail'; detail: string; agent: string }>(
    `SELECT e.event_uuid::text AS uuid, e.event_type AS type, e.at, e.object_name AS "objectName", e.outcome, e.detail, e.agent
       FROM premis_events e JOIN deposit_files d ON d.record_file_id = e.record_file_id
      WHERE d.package_id = $1 ORDER BY e.at, e.id`,
    [packageId],
  );
