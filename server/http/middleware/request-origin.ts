/**
 * Cross-site request defences that do not depend on the CSRF token: a login form on another site must not be able to
 * sign a browser into an account of the attacker's choosing (login CSRF), and no cookie-authenticated write may come
 * from a page of another origin. Browsers send Origin on every cross-origin POST/PUT/PATCH/DELETE; when it is there it
 * must be this app's own origin or one named in ALLOWED_ORIGINS. Requests without Origin (curl, scripts, old
 * browsers on same-origin requests) fall back to the CSRF token check in the router.
 */
import type { NextFunction, Request, Response } from 'express';
import { ERRORS } from '../../core/errors.js';
import { readCookie, SESSION_COOKIE } from './session.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownOrigins(req: Request): string[] {
  const out = [`${req.protocol}://${req.get('host') ?? ''}`];
  // Behind a trusted proxy, req.host follows X-Forwarded-Host.
  if (req.host) out.push(`${req.protocol}://${req.host}`);
  return out.map((o) => o.toLowerCase());
}

export function originAllowed(req: Request, allowed: readonly string[]): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  const o = origin.toLowerCase().replace(/\/+$/, '');
  return ownOrigins(req).includes(o) || allowed.some((a) => a.toLowerCase() === o);
}

const crossOrigin = ERRORS.originForbidden;

/** Origin check for the login and for every unsafe request that carries the session cookie. */
export function originCheck(allowed: readonly string[], loginPath = '/api/auth/login') {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const login = req.originalUrl.split('?')[0] === loginPath;
    if (!login && !readCookie(req, SESSION_COOKIE)) return next();
    if (!originAllowed(req, allowed)) return next(crossOrigin());
    next();
  };
}

/** The login accepts JSON only: an HTML form (urlencoded, multipart, text/plain) can be posted cross-site without CORS. */
export function jsonOnly() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || req.is('application/json')) return next();
    next(ERRORS.jsonOnly());
  };
}
