import type { Queryable } from '../db/db.js';

export interface GrantRow {
  id: number;
  userId: number;
  username: string;
  userDisplayName: string;
  recordFileId: number;
  fileNotation: string;
  fileTitle: string;
  grantedBy: number | null;
  grantedByName: string | null;
  grantedAt: string;
  expiresOn: string | null;
  note: string | null;
  /** False once expires_on has passed (Vietnam calendar day). */
  active: boolean;
}

const SELECT = `SELECT g.id, g.user_id AS "userId", u.username, u.display_name AS "userDisplayName",
    g.record_file_id AS "recordFileId", f.file_notation AS "fileNotation", f.title AS "fileTitle",
    g.granted_by AS "grantedBy", gb.display_name AS "grantedByName", g.granted_at AS "grantedAt",
    g.expires_on AS "expiresOn", g.note, (g.expires_on IS NULL OR g.expires_on >= $1::date) AS active
  FROM access_grants g JOIN users u ON u.id = g.user_id JOIN record_files f ON f.id = g.record_file_id
  LEFT JOIN users gb ON gb.id = g.granted_by`;

export async function listGrants(db: Queryable, today: string, f: { userId?: number; recordFileId?: number }): Promise<GrantRow[]> {
  const params: unknown[] = [today];
  const w: string[] = [];
  if (f.userId) { params.push(f.userId); w.push(`g.user_id = $${params.length}`); }
  if (f.recordFileId) { params.push(f.recordFileId); w.push(`g.record_file_id = $${params.length}`); }
  return db.query<GrantRow>(`${SELECT} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY g.id DESC LIMIT 1000`, params);
}

export async function getGrant(db: Queryable, today: string, id: number): Promise<GrantRow | null> {
  return (await db.query<GrantRow>(`${SELECT} WHERE g.id = $2`, [today, id]))[0] ?? null;
}

export async function insertGrant(
  db: Queryable,
  g: { userId: number; recordFileId: number; grantedBy: number; expiresOn: string | null; note: string | null },
): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO access_grants (user_id, record_file_id, granted_by, expires_on, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [g.userId, g.recordFileId, g.grantedBy, g.expiresOn, g.note],
  );
  return r!.id;
}

export async function deleteGrant(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM access_grants WHERE id = $1', [id]);
}
