import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Deps } from '../../deps.js';
import { findSessionActor } from '../../access/session.repository.js';
import type { Actor } from '../route.js';

export const SESSION_COOKIE = 'kho_sid';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor | null;
    sessionId?: string | null;
    csrfToken?: string | null;
  }
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Resolves the session cookie to an actor (or null). Never rejects by itself: routes decide. */
export function sessionMiddleware(deps: Deps) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    req.actor = null;
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || token.length > 200) return next();
    try {
      const id = hashToken(token);
      const found = await findSessionActor(deps.db, id, deps.clock());
      if (found) {
        req.actor = found.actor;
        req.sessionId = id;
        req.csrfToken = found.csrfToken;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Double-submit check: cookie-authenticated writes must echo the session's CSRF token in a header. */
export function verifyCsrf(req: Request): boolean {
  const sent = req.get(CSRF_HEADER);
  if (!sent || !req.csrfToken) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(req.csrfToken);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
