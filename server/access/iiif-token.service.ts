/**
 * IIIF Authorization Flow 2.0, the credential side. A signed-in user consents (access service) that one outside
 * origin may view on their behalf: that sets an access cookie, scoped to the token service's path. The token service,
 * loaded by that origin's viewer in an iframe, trades the cookie for a short-lived bearer token bound to the origin.
 * IIIF requests carrying the bearer then see exactly what the user may see (the visibility rule, unchanged).
 *
 * Nothing here knows HTTP: the routes pass cookie values, origins and the clock's now.
 */
import crypto from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { hashToken } from './session-token.js';
import * as repo from './iiif-token.repository.js';

/** Why the token service gives no token, as Auth 2 names it (AuthAccessTokenError2 profiles). */
export type TokenErrorProfile = 'invalidRequest' | 'invalidOrigin' | 'missingAspect' | 'expiredAspect' | 'invalidAspect' | 'unavailable';

export type TokenOutcome = { ok: true; accessToken: string; expiresIn: number } | { ok: false; profile: TokenErrorProfile };

/** A browser origin as the spec means it: scheme://host[:port], nothing else. Null for anything else. */
export function normaliseOrigin(value: string | undefined | null): string | null {
  if (!value || value.length > 200) return null;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // Exactly the serialised origin a page's `location.origin` gives: no path, no credentials, no trailing slash.
    return u.origin === value ? u.origin : null;
  } catch {
    return null;
  }
}

export function createIiifTokens(deps: Deps) {
  const allowed = deps.config.IIIF_AUTH_ORIGINS.map((o) => (o === '*' ? o : o.toLowerCase()));
  const enabled = allowed.length > 0;
  const originAllowed = (origin: string) => allowed.includes('*') || allowed.includes(origin.toLowerCase());
  const secret = () => crypto.randomBytes(32).toString('base64url');

  /** The user's consent for `origin`, tied to the session it was given in. Returns the access cookie's value. */
  async function grantAccess(sessionId: string, actor: Actor, origin: string) {
    const now = deps.clock();
    // Never outlives the session either: every lookup joins the session and requires it live.
    const expiresAt = new Date(now.getTime() + deps.config.IIIF_AUTH_ACCESS_TTL_HOURS * 3600_000);
    const cookie = secret();
    await repo.insertGrant(deps.db, { id: hashToken(cookie), sessionId, userId: actor.id, origin, now, expiresAt });
    return { cookie, maxAgeMs: expiresAt.getTime() - now.getTime() };
  }

  /** The token service's answer for an access cookie (maybe absent) and the origin the viewer named. */
  async function issueToken(cookie: string | null, origin: string): Promise<TokenOutcome> {
    if (!originAllowed(origin)) return { ok: false, profile: 'invalidOrigin' };
    if (!cookie || cookie.length > 200) return { ok: false, profile: 'missingAspect' };
    const grantId = hashToken(cookie);
    const grant = await repo.findGrant(deps.db, grantId, deps.clock());
    // A consent given to another origin does not open this one: that origin must ask the user itself.
    if (!grant || grant.origin !== origin) return { ok: false, profile: 'missingAspect' };
    if (!grant.live) return { ok: false, profile: 'expiredAspect' };
    const accessToken = secret();
    const now = deps.clock();
    const expiresIn = deps.config.IIIF_AUTH_TOKEN_TTL_SECONDS;
    await repo.insertToken(deps.db, { id: hashToken(accessToken), grantId, origin, now, expiresAt: new Date(now.getTime() + expiresIn * 1000) });
    return { ok: true, accessToken, expiresIn };
  }

  /**
   * The user behind a bearer token, or null (unknown, expired, consent or session ended). A browser always names the
   * page's origin on a request with an Authorization header; a token used from another origin than it was issued to
   * is refused. A request without Origin (not a browser) is judged by the token alone.
   */
  async function resolveBearer(token: string, requestOrigin: string | undefined): Promise<Actor | null> {
    if (!token || token.length > 200) return null;
    const found = await repo.findTokenActor(deps.db, hashToken(token), deps.clock());
    if (!found) return null;
    if (requestOrigin !== undefined && requestOrigin.toLowerCase() !== found.origin.toLowerCase()) return null;
    return found.actor;
  }

  /** Auth 2 logout: the consent and its tokens end; the session in the app itself stays. */
  async function revoke(cookie: string | null) {
    if (cookie && cookie.length <= 200) await repo.deleteGrant(deps.db, hashToken(cookie));
  }

  return { enabled, originAllowed, grantAccess, issueToken, resolveBearer, revoke };
}

export type IiifTokens = ReturnType<typeof createIiifTokens>;
