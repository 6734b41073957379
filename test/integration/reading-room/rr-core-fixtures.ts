/** Test data for the reading room's readers, finding aids and request slips, written in SQL (as a register import would). */
import type { TestApp } from '../../support/test-app.js';
import { HttpClient } from '../../support/http-client.js';

let seq = 0;
const one = async (t: TestApp, sql: string, params: unknown[]) => (await t.db.query<{ id: number }>(sql, params))[0]!.id;

export interface Holding { agencyId: number; fondsId: number; fondsCode: string; boxId: number; fileIds: number[] }

export interface FileSpec {
  title?: string; notation?: string; catalog?: string | null; condition?: string | null; accessLevel?: 'unrestricted' | 'restricted';
  secrecy?: string | null; declassifiedYear?: number | null; startDate?: string; endDate?: string; dateText?: string | null;
}

/** One fonds with one box holding a file per spec (all received, none digitised). */
export async function holding(t: TestApp, specs: FileSpec[], fondsName = 'Phông UBND tỉnh'): Promise<Holding> {
  const k = ++seq;
  const agencyId = await one(t, `INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`, [`RC${k}`, `Cơ quan ${k}`]);
  const fondsCode = `PC${k}`;
  const fondsId = await one(t, `INSERT INTO fonds (code, name, agency_id, start_year, end_year) VALUES ($1, $2, $3, 1990, 2010) RETURNING id`, [fondsCode, `${fondsName} ${k}`, agencyId]);
  const typeId = (await t.db.query<{ id: number }>(`SELECT id FROM box_types ORDER BY id LIMIT 1`))[0]?.id
    ?? await one(t, `INSERT INTO box_types (code, name, width_cm) VALUES ('H10', 'Hộp 10 cm', 10) RETURNING id`, []);
  const boxId = await one(t, `INSERT INTO boxes (code, box_type_id, agency_id, fonds_id, box_no) VALUES ($1, $2, $3, $4, '1') RETURNING id`, [`H-RC-${k}`, typeId, agencyId, fondsId]);
  const fileIds: number[] = [];
  let row = 0;
  for (const s of specs) {
    row++;
    const id = await one(t,
      `INSERT INTO record_files (agency_id, fonds_id, row_no, file_notation, title, start_date, end_date, date_text, retention, permanent, due_rule, box_id,
         physical_condition, access_level, secrecy, declassified_year, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Vĩnh viễn', true, 'law2011', $9, $10, $11, $12, $13, now()) RETURNING id`,
      [agencyId, fondsId, row, s.notation ?? `${fondsCode}-${row}`, s.title ?? `Hồ sơ số ${row} của phông ${fondsCode}`, s.startDate ?? '1995-01-01',
        s.endDate ?? '1995-12-31', s.dateText ?? null, boxId, s.condition ?? null, s.accessLevel ?? 'unrestricted', s.secrecy ?? null, s.declassifiedYear ?? null]);
    if (s.catalog !== null) await t.db.query(`INSERT INTO file_metadata (record_file_id, file_catalog) VALUES ($1, $2)`, [id, s.catalog ?? '01']);
    fileIds.push(id);
  }
  return { agencyId, fondsId, fondsCode, boxId, fileIds };
}

/** Marks a file digitised: one batch, one master row and one page row (no bytes: the reading room only asks "has pages"). */
export async function digitise(t: TestApp, fileId: number): Promise<void> {
  const [{ fonds_id }] = await t.db.query<{ fonds_id: number }>(`SELECT fonds_id FROM record_files WHERE id = $1`, [fileId]);
  const batch = await one(t, `INSERT INTO digitization_batches (fonds_id, record_file_id) VALUES ($1, $2) RETURNING id`, [fonds_id, fileId]);
  const master = await one(t, `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
    VALUES ($1, $2, $3, 'a.png', $4, 10, 'png', 1) RETURNING id`, [batch, fileId, `masters/${fileId}/x-${batch}.png`, 'a'.repeat(63) + String(batch % 10)]);
  await t.db.query(`INSERT INTO pages (record_file_id, batch_id, master_id, seq, width, height, colour_mode, bit_depth) VALUES ($1, $2, $3, 1, 10, 10, 'grey', 8)`, [fileId, batch, master]);
}

export const registration = (n: number, extra: Record<string, unknown> = {}) => ({
  username: `docgia${n}`, password: 'mat-khau-doc-gia-1', fullName: `Nguyễn Văn Độc Giả ${n}`, idDocumentKind: 'cccd',
  idDocumentNo: `0330900${String(n).padStart(5, '0')}`, organisation: null, purpose: 'Nghiên cứu lịch sử đê điều Hưng Yên', researchTopic: 'Đê điều 1990–2000', ...extra,
});

/** Registers online and returns the logged-in client and the reader id. */
export async function registeredReader(t: TestApp, n: number): Promise<{ client: HttpClient; readerId: number; userId: number }> {
  const r = await t.anonymous().post('/api/reading-room/register', registration(n));
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  const client = new HttpClient(t.baseUrl);
  await client.login(`docgia${n}`, 'mat-khau-doc-gia-1');
  return { client, readerId: r.body.id, userId: r.body.userId };
}

/** A staff account with reading-room duties set directly. */
export async function staffWith(t: TestApp, duties: string[], username: string): Promise<HttpClient> {
  const c = await t.as('archivist', { username });
  await t.db.query(`UPDATE users SET duties = $2 WHERE username = $1`, [username, duties]);
  return c;
}

export const count = async (t: TestApp, table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
