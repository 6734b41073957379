/**
 * Direct-SQL factory for interop tests: agencies (with level, status and successor), fonds, a received handover
 * (one inventory, mục lục) and its files in the archive, as a completed receipt leaves them.
 */
import type { Db } from '../../../server/db/db.js';

let n = 0;

export async function agency(db: Db, s: { name: string; level?: 'province' | 'district' | 'commune'; status?: 'active' | 'merged' | 'dissolved'; successorId?: number; statusDate?: string }) {
  const [a] = await db.query<{ id: number }>(
    `INSERT INTO source_agencies (code, name, level, status, successor_id, status_date, listing_decision)
     VALUES ($1, $2, $3, $4, $5, $6, 'Quyết định số 3219/QĐ-UBND ngày 18/12/2017 của UBND tỉnh') RETURNING id`,
    [`X${++n}`, s.name, s.level ?? 'province', s.status ?? 'active', s.successorId ?? null, s.statusDate ?? null]);
  return a!.id;
}

export async function fonds(db: Db, agencyId: number, name: string) {
  const [f] = await db.query<{ id: number }>(
    `INSERT INTO fonds (code, name, agency_id, start_year, end_year, creator_history, fonds_history)
     VALUES ($1, $2, $3, 1997, 2011, 'Cơ quan chuyên môn thuộc UBND tỉnh.', 'Tài liệu nộp lưu năm 2021.') RETURNING id`,
    [`PH${++n}`, name, agencyId]);
  return f!.id;
}

export async function handover(db: Db, agencyId: number, fondsId: number, title: string) {
  const [h] = await db.query<{ id: number }>(
    `INSERT INTO handovers (agency_id, fonds_id, inventory_no, title, status, measured_metres, handover_date, received_at)
     VALUES ($1, $2, 1, $3, 'received', 2.5, '2021-06-18', now()) RETURNING id`, [agencyId, fondsId, title]);
  return h!.id;
}

export interface FileSpec {
  agencyId: number;
  fondsId: number | null;
  handoverId?: number | null;
  title: string;
  accessLevel?: 'unrestricted' | 'restricted';
  secrecy?: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
  declassifiedYear?: number | null;
  received?: boolean;
}

export async function file(db: Db, s: FileSpec) {
  const k = ++n;
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO record_files (agency_id, fonds_id, handover_id, row_no, file_notation, title, start_date, end_date, retention, permanent,
       due_rule, access_level, secrecy, declassified_year, sheets, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, '2003-01-05', '2003-12-20', 'Vĩnh viễn', true, 'law2011', $7, $8, $9, 42, $10) RETURNING id`,
    [s.agencyId, s.fondsId, s.handoverId ?? null, k, `HS-${k}`, s.title, s.accessLevel ?? 'unrestricted', s.secrecy ?? null,
      s.declassifiedYear ?? null, s.received === false ? null : new Date()]);
  return r!.id;
}
