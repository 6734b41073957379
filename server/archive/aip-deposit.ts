/**
 * A file that came in as a digital deposit already has its preservation master: the PDF/A the agency deposited,
 * kept byte for byte (SHA-256 in deposit_files). Its AIP carries that PDF instead of a PDF/A rebuilt from the page
 * images, which were themselves rendered from it (150 dpi PNG): a rebuilt PDF would be a lossy copy of a copy, and
 * the PNGs are access copies reproducible from the PDF, so neither is packaged as a master. The events recorded at
 * deposit and receipt (fixity, validation, ingestion) and by the periodic fixity check become its PREMIS history.
 */
import { one, type Queryable } from '../db/db.js';
import type { PremisEvent, PremisObject } from './premis.js';
import type { PackagedFile } from './mets.js';

export interface DepositedMaster {
  id: number;
  /** Path inside the agency's package (PREMIS originalName would be it; kept in the event details). */
  path: string;
  key: string;
  sha256: string;
  size: number;
  pages: number;
  created: Date;
}

export const depositedMaster = (db: Queryable, recordFileId: number) =>
  one<DepositedMaster>(db,
    `SELECT d.id, d.path, d.object_key AS key, d.sha256, d.size_bytes::double precision AS size, d.pages, p.created_at AS created
       FROM deposit_files d JOIN deposit_packages p ON p.id = d.package_id
      WHERE d.record_file_id = $1 ORDER BY d.id DESC LIMIT 1`, [recordFileId]);

interface DepositEventRow { uuid: string; type: string; at: Date; outcome: 'pass' | 'fail'; detail: string }

/** Events about the deposited PDF itself (not the AIP's own), oldest first. */
const depositEvents = (db: Queryable, recordFileId: number, path: string) =>
  db.query<DepositEventRow>(
    `SELECT event_uuid::text AS uuid, event_type AS type, at, outcome, detail FROM premis_events
      WHERE record_file_id = $1 AND aip_export_id IS NULL AND object_name = $2 ORDER BY at, id`, [recordFileId, path]);

export const depositObjectId = (m: DepositedMaster) => `obj-deposit-${m.id}`;

export function depositPremisObject(m: DepositedMaster, pdfName: string): PremisObject {
  return { id: depositObjectId(m), name: `representations/rep1/data/${pdfName}`, sha256: m.sha256, size: m.size, formatName: 'PDF/A', puid: 'fmt/476' };
}

export function depositMetsFile(m: DepositedMaster, pdfName: string): PackagedFile {
  return { id: depositObjectId(m), href: `data/${pdfName}`, mimeType: 'application/pdf', size: m.size, sha256: m.sha256, created: m.created };
}

const AGENT: Record<string, string> = { validation: 'agent-pdfa-check' };

export async function depositPremisEvents(db: Queryable, recordFileId: number, m: DepositedMaster): Promise<PremisEvent[]> {
  return (await depositEvents(db, recordFileId, m.path)).map((e) => ({
    id: e.uuid, type: e.type, at: new Date(e.at), outcome: e.outcome,
    detail: `${e.detail} (tệp nộp lưu ${m.path})`,
    agents: [{ id: AGENT[e.type] ?? 'agent-app', role: 'executing program' }],
    objects: [{ id: depositObjectId(m), role: e.type === 'ingestion' ? 'outcome' : 'source' }],
  }));
}
