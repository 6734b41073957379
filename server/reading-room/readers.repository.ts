/** SQL of readers (độc giả) and their cards. Staff read every row; a researcher only the row of their own account. */
import type { Queryable } from '../db/db.js';
import type { Reader } from '../contract/reading-room.js';

export interface ReaderRow extends Reader { letterKey: string | null }

export const READER_SELECT = `SELECT r.id, r.user_id AS "userId", u.username, r.full_name AS "fullName", r.id_document_kind AS "idDocumentKind",
    r.id_document_no AS "idDocumentNo", r.birth_year AS "birthYear", r.organisation, r.position, r.phone, r.email, r.purpose,
    r.research_topic AS "researchTopic", r.registered_via AS "registeredVia", (r.letter_key IS NOT NULL) AS "hasLetter",
    r.letter_name AS "letterName", r.letter_content_type AS "letterContentType", r.letter_bytes AS "letterBytes", r.letter_key AS "letterKey",
    r.status, r.status_reason AS "statusReason", r.card_no AS "cardNo", r.card_valid_from::text AS "cardValidFrom",
    r.card_valid_until::text AS "cardValidUntil", vb.display_name AS "verifiedByName", r.verified_at AS "verifiedAt", r.created_at AS "createdAt"
  FROM readers r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN users vb ON vb.id = r.verified_by`;

export interface NewReader {
  userId: number | null; fullName: string; idDocumentKind: string; idDocumentNo: string; birthYear: number | null;
  organisation: string | null; position: string | null; phone: string | null; email: string | null; purpose: string;
  researchTopic: string | null; registeredVia: 'online' | 'counter'; createdBy: number | null;
  letter: { key: string; sha256: string; contentType: string; bytes: number; name: string } | null;
}

export async function insertReader(db: Queryable, r: NewReader): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO readers (user_id, full_name, id_document_kind, id_document_no, birth_year, organisation, position, phone, email, purpose,
       research_topic, registered_via, letter_key, letter_sha256, letter_content_type, letter_bytes, letter_name, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
    [r.userId, r.fullName, r.idDocumentKind, r.idDocumentNo, r.birthYear, r.organisation, r.position, r.phone, r.email, r.purpose,
      r.researchTopic, r.registeredVia, r.letter?.key ?? null, r.letter?.sha256 ?? null, r.letter?.contentType ?? null,
      r.letter?.bytes ?? null, r.letter?.name ?? null, r.createdBy],
  );
  return row!.id;
}

export async function getReader(db: Queryable, id: number): Promise<ReaderRow | null> {
  return (await db.query<ReaderRow>(`${READER_SELECT} WHERE r.id = $1`, [id]))[0] ?? null;
}

export async function readerOfUser(db: Queryable, userId: number): Promise<ReaderRow | null> {
  return (await db.query<ReaderRow>(`${READER_SELECT} WHERE r.user_id = $1`, [userId]))[0] ?? null;
}

export async function lockReader(db: Queryable, id: number): Promise<void> {
  await db.query('SELECT id FROM readers WHERE id = $1 FOR UPDATE', [id]);
}

export interface ReaderFilter { status?: string; q?: string; limit: number; offset: number }

export async function listReaders(db: Queryable, f: ReaderFilter): Promise<{ items: ReaderRow[]; total: number }> {
  const params: unknown[] = [];
  const w: string[] = [];
  if (f.status) { params.push(f.status); w.push(`r.status = $${params.length}`); }
  if (f.q) {
    // The reader's words are matched literally: % and _ typed in the box are not wildcards.
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    w.push(`(f_unaccent(lower(r.full_name)) LIKE f_unaccent(lower(${p})) OR r.id_document_no ILIKE ${p} OR r.card_no ILIKE ${p} OR f_unaccent(lower(coalesce(r.organisation, ''))) LIKE f_unaccent(lower(${p})))`);
  }
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readers r ${where}`, params);
  params.push(f.limit, f.offset);
  const items = await db.query<ReaderRow>(`${READER_SELECT} ${where} ORDER BY r.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
  return { items, total: n! };
}

/** Next number in the year's reader register (sổ đăng ký độc giả); the caller holds a lock on the reader row. */
export async function nextCardSeq(db: Queryable, year: number): Promise<number> {
  await db.query('SELECT pg_advisory_xact_lock(54001, $1)', [year]);
  const [r] = await db.query<{ n: number }>('SELECT coalesce(max(card_seq), 0)::int + 1 AS n FROM readers WHERE card_year = $1', [year]);
  return r!.n;
}

export async function setCard(db: Queryable, id: number, c: { year: number; seq: number; cardNo: string; from: string; until: string; by: number }): Promise<void> {
  await db.query(
    `UPDATE readers SET status = 'verified', status_reason = NULL, card_year = $2, card_seq = $3, card_no = $4, card_valid_from = $5,
       card_valid_until = $6, verified_by = $7, verified_at = now(), updated_at = now() WHERE id = $1`,
    [id, c.year, c.seq, c.cardNo, c.from, c.until, c.by],
  );
}

export async function setRejected(db: Queryable, id: number, reason: string, by: number): Promise<void> {
  await db.query(`UPDATE readers SET status = 'rejected', status_reason = $2, verified_by = $3, verified_at = now(), updated_at = now() WHERE id = $1`, [id, reason, by]);
}

export async function setLetter(db: Queryable, id: number, l: { key: string; sha256: string; contentType: string; bytes: number; name: string }): Promise<void> {
  await db.query(`UPDATE readers SET letter_key = $2, letter_sha256 = $3, letter_content_type = $4, letter_bytes = $5, letter_name = $6, updated_at = now() WHERE id = $1`,
    [id, l.key, l.sha256, l.contentType, l.bytes, l.name]);
}
