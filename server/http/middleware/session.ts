import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../core/actor.js';

export const SESSION_COOKIE = 'kho_sid';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor | null;
    sessionId?: string | null;
    csrfToken?: string | null;
  }
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

/** What a session token stands for; the access area answers it (the middleware knows only cookies). */
export type SessionResolver = (token: string) => Promise<{ actor: Actor; sessionId: string; csrfToken: string } | null>;

/** Resolves the session cookie to an actor (or null). Never rejects by itself: routes decide. */
export function sessionMiddleware(resolve: SessionResolver) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    req.actor = null;
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || token.length > 200) return next();
    try {
      const found = await resolve(token);
      if (found) {
        req.actor = found.actor;
        req.sessionId = found.sessionId;
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
