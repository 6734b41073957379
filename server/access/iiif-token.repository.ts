/** Storage of IIIF Auth 2 consents (access cookies) and bearer tokens, by hash only (see 0059_iiif_auth.sql). */
import type { Queryable } from '../db/db.js';
import type { Actor, Role } from '../core/actor.js';

interface ActorRow {
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
}

const toActor = (r: ActorRow): Actor => ({ id: r.user_id, username: r.username, displayName: r.display_name, role: r.role, agencyId: r.agency_id });

export async function insertGrant(db: Queryable, g: { id: string; sessionId: string; userId: number; origin: string; now: Date; expiresAt: Date }) {
  // One consent per session and origin: a repeated consent replaces the old cookie (and its tokens).
  await db.query(`DELETE FROM iiif_access_grants WHERE session_id = $1 AND origin = $2`, [g.sessionId, g.origin]);
  await db.query(`INSERT INTO iiif_access_grants (id, session_id, user_id, origin, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    g.id, g.sessionId, g.userId, g.origin, g.now.toISOString(), g.expiresAt.toISOString(),
  ]);
}

/** The consent behind an access cookie: its origin and whether it (and the session and user under it) is still live. */
export async function findGrant(db: Queryable, id: string, now: Date) {
  const rows = await db.query<{ origin: string; live: boolean }>(
    `SELECT g.origin, (g.expires_at > $2 AND s.expires_at > $2 AND u.active) AS live
       FROM iiif_access_grants g JOIN sessions s ON s.id = g.session_id JOIN users u ON u.id = g.user_id
      WHERE g.id = $1`,
    [id, now.toISOString()],
  );
  return rows[0] ?? null;
}

export async function insertToken(db: Queryable, t: { id: string; grantId: string; origin: string; now: Date; expiresAt: Date }) {
  await db.query(`DELETE FROM iiif_access_tokens WHERE expires_at <= $1`, [t.now.toISOString()]);
  await db.query(`INSERT INTO iiif_access_tokens (id, grant_id, origin, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
    t.id, t.grantId, t.origin, t.now.toISOString(), t.expiresAt.toISOString(),
  ]);
}

/** The user a bearer token stands for, only while token, consent, session and account are all live. */
export async function findTokenActor(db: Queryable, id: string, now: Date) {
  const rows = await db.query<ActorRow & { origin: string }>(
    `SELECT t.origin, u.id AS user_id, u.username, u.display_name, u.role, u.agency_id
       FROM iiif_access_tokens t JOIN iiif_access_grants g ON g.id = t.grant_id
       JOIN sessions s ON s.id = g.session_id JOIN users u ON u.id = g.user_id
      WHERE t.id = $1 AND t.expires_at > $2 AND g.expires_at > $2 AND s.expires_at > $2 AND u.active`,
    [id, now.toISOString()],
  );
  const r = rows[0];
  return r ? { actor: toActor(r), origin: r.origin } : null;
}

export async function deleteGrant(db: Queryable, id: string) {
  await db.query(`DELETE FROM iiif_access_grants WHERE id = $1`, [id]);
}
