import crypto from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { hashToken } from './session-token.js';
import { deleteSession, insertSession } from './session.repository.js';

/**
 * A short-lived session for a local command-line tool (demo seeding, benchmarks) acting as an existing
 * user through the HTTP API. Only code that already holds the database can mint one.
 */
export async function openSystemSession(db: Queryable, userId: number, minutes = 60) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const id = hashToken(token);
  await insertSession(db, { id, userId, csrfToken, expiresAt: new Date(Date.now() + minutes * 60_000) });
  return { cookie: `kho_sid=${token}`, csrfToken, close: () => deleteSession(db, id) };
}
