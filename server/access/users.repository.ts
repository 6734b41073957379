import type { Queryable } from '../db/db.js';
import type { Role } from '../core/actor.js';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  agencyName: string | null;
  active: boolean;
  createdAt: string;
}

const SELECT = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.agency_id AS "agencyId",
                       a.name AS "agencyName", u.active, u.created_at AS "createdAt"
                  FROM users u LEFT JOIN source_agencies a ON a.id = u.agency_id`;

export async function listUsers(db: Queryable): Promise<User[]> {
  return db.query<User>(`${SELECT} ORDER BY u.username`);
}

export async function getUser(db: Queryable, id: number): Promise<User | undefined> {
  return (await db.query<User>(`${SELECT} WHERE u.id = $1`, [id]))[0];
}

export async function findCredentials(db: Queryable, username: string) {
  const rows = await db.query<{ id: number; password_hash: string; active: boolean }>(
    `SELECT id, password_hash, active FROM users WHERE username = $1`,
    [username],
  );
  return rows[0];
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`))[0].n;
}

export async function insertUser(
  db: Queryable,
  u: { username: string; displayName: string; passwordHash: string; role: Role; agencyId: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, role, agency_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [u.username, u.displayName, u.passwordHash, u.role, u.agencyId],
  );
  return rows[0].id;
}

export async function updateUser(
  db: Queryable,
  id: number,
  patch: { displayName?: string; role?: Role; agencyId?: number | null; active?: boolean; passwordHash?: string },
) {
  await db.query(
    `UPDATE users SET
       display_name  = COALESCE($2, display_name),
       role          = COALESCE($3, role),
       agency_id     = CASE WHEN $4::boolean THEN $5::integer ELSE agency_id END,
       active        = COALESCE($6, active),
       password_hash = COALESCE($7, password_hash),
       updated_at    = now()
     WHERE id = $1`,
    [id, patch.displayName ?? null, patch.role ?? null, patch.agencyId !== undefined, patch.agencyId ?? null, patch.active ?? null, patch.passwordHash ?? null],
  );
}
