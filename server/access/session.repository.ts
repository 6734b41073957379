import type { Queryable } from '../db/db.js';
import type { Actor, Role } from '../core/actor.js';

interface SessionRow {
  csrf_token: string;
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
}

export async function findSessionActor(db: Queryable, id: string, now: Date) {
  const rows = await db.query<SessionRow>(
    `SELECT s.csrf_token, u.id AS user_id, u.username, u.display_name, u.role, u.agency_id
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > $2 AND u.active`,
    [id, now.toISOString()],
  );
  const r = rows[0];
  if (!r) return null;
  const actor: Actor = { id: r.user_id, username: r.username, displayName: r.display_name, role: r.role, agencyId: r.agency_id };
  return { actor, csrfToken: r.csrf_token };
}

export async function insertSession(db: Queryable, s: { id: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.query(`INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`, [
    s.id,
    s.userId,
    s.csrfToken,
    s.expiresAt.toISOString(),
  ]);
}

export async function deleteSession(db: Queryable, id: string) {
  await db.query(`DELETE FROM sessions WHERE id = $1`, [id]);
}

export async function deleteUserSessions(db: Queryable, userId: number) {
  await db.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}

/** Ends every session of the user except `keepId` (the one making the request); returns how many ended. */
export async function deleteOtherSessions(db: Queryable, userId: number, keepId: string | null): Promise<number> {
  const rows = await db.query<{ id: string }>(`DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2) RETURNING id`, [userId, keepId]);
  return rows.length;
}

export async function deleteExpiredSessions(db: Queryable, now: Date) {
  await db.query(`DELETE FROM sessions WHERE expires_at <= $1`, [now.toISOString()]);
}
