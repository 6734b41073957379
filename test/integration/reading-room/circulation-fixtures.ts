/**
 * Reading-room test data written in SQL: a shelved box of received files, a verified reader, and approved request
 * slips with their lines (rr-core's submission and approval are exercised in its own tests; here only the approved
 * state matters, as circulation starts from it).
 */
import type { TestApp } from '../../support/test-app.js';

let seq = 0;

export interface Shelved { roomId: number; agencyId: number; fondsId: number; boxId: number; boxCode: string; shelfLabel: string; fileIds: number[] }

/** Kho → phòng → giá → tầng, one box at position `position`, and `n` received files in it. */
export async function shelvedFiles(t: TestApp, n: number, opts: { room?: number; unit?: string; position?: number; condition?: string | null; accessLevel?: 'unrestricted' | 'restricted'; secrecy?: string | null } = {}): Promise<Shelved> {
  const k = ++seq;
  const one = async (sql: string, params: unknown[]) => (await t.db.query<{ id: number }>(sql, params))[0]!.id;
  const agencyId = await one(`INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`, [`RR${k}`, `Sở Văn hóa ${k}`]);
  const fondsId = await one(`INSERT INTO fonds (code, name, agency_id) VALUES ($1, $2, $3) RETURNING id`, [`PRR${k}`, `Phông Sở Văn hóa ${k}`, agencyId]);
  const handoverId = await one(`INSERT INTO handovers (agency_id, fonds_id, title, status) VALUES ($1, $2, 'Nộp lưu', 'received') RETURNING id`, [agencyId, fondsId]);
  const roomId = opts.room ?? await one(`INSERT INTO rooms (repository_id, code, name) VALUES ($1, '101', 'Phòng 101') RETURNING id`,
    [await one(`INSERT INTO repositories (code, name) VALUES ($1, $2) RETURNING id`, [`K${k}`, `Kho ${k}`])]);
  const [place] = await t.db.query<{ name: string }>(`SELECT p.name FROM rooms r JOIN repositories p ON p.id = r.repository_id WHERE r.id = $1`, [roomId]);
  const unitId = await one(`INSERT INTO shelf_units (room_id, code, ordinal) VALUES ($1, $2, $3) RETURNING id`, [roomId, opts.unit ?? '03', Number(opts.unit ?? '03')]);
  const shelfId = await one(`INSERT INTO shelves (shelf_unit_id, code, ordinal, capacity_m) VALUES ($1, '2', 2, 1) RETURNING id`, [unitId]);
  const typeId = (await t.db.query<{ id: number }>(`SELECT id FROM box_types ORDER BY id LIMIT 1`))[0]?.id
    ?? await one(`INSERT INTO box_types (code, name, width_cm) VALUES ('H10', 'Hộp 10 cm', 10) RETURNING id`, []);
  const boxCode = `H-RR-${k}`;
  const boxId = await one(`INSERT INTO boxes (code, box_type_id, shelf_id, position, agency_id, fonds_id, handover_id, box_no) VALUES ($1, $2, $3, $4, $5, $6, $7, '1') RETURNING id`,
    [boxCode, typeId, shelfId, opts.position ?? 1, agencyId, fondsId, handoverId]);
  const fileIds: number[] = [];
  for (let i = 1; i <= n; i++) {
    fileIds.push(await one(
      `INSERT INTO record_files (agency_id, fonds_id, handover_id, row_no, file_notation, title, end_date, retention, permanent, due_rule, box_id, box_no, physical_condition, access_level, secrecy, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2001-12-31', 'Vĩnh viễn', true, 'law2011', $7, '1', $8, $9, $10, now()) RETURNING id`,
      [agencyId, fondsId, handoverId, i, `HS-${k}-${i}`, `Hồ sơ đê điều số ${k}.${i}`, boxId, opts.condition ?? null, opts.accessLevel ?? 'unrestricted', opts.secrecy ?? null],
    ));
  }
  return { roomId, agencyId, fondsId, boxId, boxCode, shelfLabel: `${place!.name} / Phòng 101 / Giá ${opts.unit ?? '03'} / Tầng 2`, fileIds };
}

/** A verified reader with a card; linked to a researcher account when userId is given. */
export async function reader(t: TestApp, name: string, userId: number | null = null): Promise<number> {
  const k = ++seq;
  const [r] = await t.db.query<{ id: number }>(
    `INSERT INTO readers (user_id, full_name, id_document_kind, id_document_no, purpose, registered_via, status, card_no, card_valid_from, card_valid_until)
     VALUES ($1, $2, 'cccd', $3, 'Nghiên cứu lịch sử địa phương', 'counter', 'verified', $4, '2026-01-01', '2027-12-31') RETURNING id`,
    [userId, name, `0010${String(k).padStart(8, '0')}`, `DG-${k}`],
  );
  return r!.id;
}

let requestNo = 900;

/** An approved request slip of `kind` with one line per file; returns the request and line ids. */
export async function approvedRequest(t: TestApp, readerId: number, fileIds: number[], opts: { kind?: 'read' | 'copy' | 'certified_copy' | 'access'; serveAs?: 'original' | 'digital'; pageFrom?: number; pageTo?: number } = {}) {
  const at = t.now.value;
  const [r] = await t.db.query<{ id: number; request_no: number }>(
    `INSERT INTO access_requests (request_year, request_no, reader_id, kind, channel, status, approval_level, submitted_at, sla_working_days, due_at, decided_at)
     VALUES (2026, $1, $2, $3, 'in_person', 'approved', 'reading_room_head', $4, 1, $4::timestamptz + interval '1 day', $4) RETURNING id, request_no`,
    [++requestNo, readerId, opts.kind ?? 'read', at],
  );
  const lineIds: number[] = [];
  for (const f of fileIds) {
    const [l] = await t.db.query<{ id: number }>(
      `INSERT INTO access_request_lines (request_id, record_file_id, serve_as, page_from, page_to) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r!.id, f, opts.serveAs ?? 'original', opts.pageFrom ?? null, opts.pageTo ?? null],
    );
    lineIds.push(l!.id);
  }
  return { requestId: r!.id, requestNo: r!.request_no, lineIds };
}

export async function requestStatus(t: TestApp, id: number): Promise<string> {
  return (await t.db.query<{ status: string }>(`SELECT status FROM access_requests WHERE id = $1`, [id]))[0]!.status;
}
