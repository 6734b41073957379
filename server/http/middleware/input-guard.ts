/**
 * Refuses, before any route sees them, the characters no text field can take: NUL (PostgreSQL text cannot hold it)
 * and lone UTF-16 surrogates (no UTF-8 form; the audit log's JSON would fail on them) — anywhere in a JSON body,
 * its keys included, and in the query string. Field-level rules for names and notes live in the text schema.
 */
import type { NextFunction, Request, Response } from 'express';
import { ERRORS } from '../../core/errors.js';
import { LONE_SURROGATE } from '../../core/schemas.js';

const NUL = '\u0000';

/** Path of the first string (or key) holding NUL or a lone surrogate, or null. */
export function findBadText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes(NUL) || LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes(NUL) || LONE_SURROGATE.test(k)) return [...path, k];
    const bad = findBadText(v, [...path, k], depth + 1);
    if (bad) return bad;
  }
  return null;
}

export const badText = (where: string, path: string[]) =>
  ERRORS.textInvalid([{ in: where, path: path.join('.'), message: 'Ký tự không hợp lệ' }]);

export function inputGuard() {
  return (req: Request, _res: Response, next: NextFunction) => {
    // The raw URL too: a %00 in a path segment reaches route params without passing through req.query.
    const raw = req.originalUrl;
    if (/%00/i.test(raw) || raw.includes(NUL)) return next(badText('url', []));
    const q = findBadText(req.query);
    if (q) return next(badText('query', q));
    const b = findBadText(req.body);
    if (b) return next(badText('body', b));
    next();
  };
}
