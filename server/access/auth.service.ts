import crypto from 'node:crypto';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { system, type Acting, type Actor, type Role } from '../core/actor.js';
import { recordEvent } from '../audit/audit.repository.js';
import { hashToken } from './session-token.js';
import { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import * as sessions from './session.repository.js';
import * as users from './users.repository.js';

// A real hash to verify against when the username is unknown, so timing does not reveal which names exist.
const DUMMY_HASH = hashPassword('dummy-password-for-timing');

export function createAuthService(deps: Deps) {
  const limiter = new LoginLimiter(deps.config.LOGIN_RATE_LIMIT);

  /** The session a cookie token opens, if it is live: sessions are stored by the token's hash only. */
  async function resolveSession(token: string) {
    const sessionId = hashToken(token);
    const found = await sessions.findSessionActor(deps.db, sessionId, deps.clock());
    return found ? { actor: found.actor, csrfToken: found.csrfToken, sessionId } : null;
  }

  async function login(username: string, password: string, ip: string) {
    if (limiter.isBlocked(ip, username)) throw ERRORS.tooManyLogins();
    const cred = await users.findCredentials(deps.db, username);
    const ok = cred ? await verifyPassword(cred.password_hash, password) : (await verifyPassword(await DUMMY_HASH, password), false);
    if (!cred || !ok || !cred.active) {
      limiter.fail(ip, username);
      throw ERRORS.badCredentials();
    }
    limiter.succeed(ip, username);
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(deps.clock().getTime() + deps.config.SESSION_TTL_HOURS * 3600_000);
    await sessions.insertSession(deps.db, { id: hashToken(token), userId: cred.id, csrfToken, expiresAt });
    await sessions.deleteExpiredSessions(deps.db, deps.clock());
    const user = (await users.getUser(deps.db, cred.id))!;
    return { token, csrfToken, expiresAt, user };
  }

  async function logout(sessionId: string) {
    await sessions.deleteSession(deps.db, sessionId);
  }

  async function createUser(
    actor: Acting,
    input: { username: string; displayName: string; password: string; role: Role; agencyId?: number | null },
  ) {
    if ((input.role === 'agency') !== (input.agencyId != null)) {
      throw ERRORS.agencyBindingInvalid();
    }
    const passwordHash = await hashPassword(input.password);
    return deps.db.transaction(async (tx) => {
      const id = await users.insertUser(tx, { ...input, agencyId: input.agencyId ?? null, passwordHash });
      await recordEvent(tx, actor, { entityType: 'user', entityId: id, action: 'user.created', after: { username: input.username, role: input.role, agencyId: input.agencyId ?? null } });
      return (await users.getUser(tx, id))!;
    });
  }

  async function updateUser(
    actor: Actor,
    id: number,
    patch: { displayName?: string; role?: Role; agencyId?: number | null; active?: boolean; password?: string },
  ) {
    const before = await users.getUser(deps.db, id);
    if (!before) throw ERRORS.notFound('tài khoản');
    const role = patch.role ?? before.role;
    const agencyId = patch.agencyId !== undefined ? patch.agencyId : before.agencyId;
    if ((role === 'agency') !== (agencyId != null)) {
      throw ERRORS.agencyBindingInvalid();
    }
    if (actor.id === id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
      throw ERRORS.selfLockout();
    }
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    return deps.db.transaction(async (tx) => {
      await users.updateUser(tx, id, { displayName: patch.displayName, role: patch.role, agencyId: patch.agencyId, active: patch.active, passwordHash });
      // Changed rights or password: existing sessions must not keep the old ones.
      if (patch.role || patch.active === false || passwordHash || patch.agencyId !== undefined) await sessions.deleteUserSessions(tx, id);
      const after = (await users.getUser(tx, id))!;
      await recordEvent(tx, actor, { entityType: 'user', entityId: id, action: 'user.updated', before, after: { ...after, passwordChanged: !!passwordHash } });
      return after;
    });
  }

  /**
   * One's own password: the current one proves the owner is at the keyboard (throttled like a login, since it is
   * a password guess too). Other sessions end; the one making the change stays signed in.
   */
  async function changeOwnPassword(actor: Actor, sessionId: string | null, input: { currentPassword: string; newPassword: string }, ip: string) {
    if (limiter.isBlocked(ip, actor.username)) throw ERRORS.tooManyLogins();
    const cred = await users.findCredentials(deps.db, actor.username);
    if (!cred || !cred.active || !(await verifyPassword(cred.password_hash, input.currentPassword))) {
      limiter.fail(ip, actor.username);
      throw ERRORS.currentPasswordWrong();
    }
    limiter.succeed(ip, actor.username);
    if (input.newPassword === input.currentPassword) throw ERRORS.passwordUnchanged();
    const passwordHash = await hashPassword(input.newPassword);
    return deps.db.transaction(async (tx) => {
      await users.updateUser(tx, cred.id, { passwordHash });
      const otherSessionsEnded = await sessions.deleteOtherSessions(tx, cred.id, sessionId);
      await recordEvent(tx, actor, { entityType: 'user', entityId: cred.id, action: 'user.password_changed', data: { otherSessionsEnded } });
      return { otherSessionsEnded };
    });
  }

  /** First start of an empty database: one admin, password from config or generated and logged once. */
  async function ensureInitialAdmin(): Promise<{ created: boolean; password?: string }> {
    if ((await users.countUsers(deps.db)) > 0) return { created: false };
    const password = deps.config.INITIAL_ADMIN_PASSWORD ?? crypto.randomBytes(9).toString('base64url');
    await createUser(system('first admin'), { username: 'admin', displayName: 'Quản trị hệ thống', password, role: 'admin' });
    return { created: true, password: deps.config.INITIAL_ADMIN_PASSWORD ? undefined : password };
  }

  return { login, logout, resolveSession, createUser, updateUser, changeOwnPassword, ensureInitialAdmin, listUsers: () => users.listUsers(deps.db) };
}

export type AuthService = ReturnType<typeof createAuthService>;
