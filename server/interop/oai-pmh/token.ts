/**
 * Stateless resumption tokens: the whole position of a list request (its arguments, the last key sent, the cursor)
 * travels in the token, base64url JSON, so any server instance can continue a harvest and nothing is stored.
 * `until` is frozen at the first page, so records changed mid-harvest wait for the next incremental harvest
 * instead of shifting the pages. Anything that does not decode to exactly this shape is a badResumptionToken.
 */
import { z } from 'zod';

/** How long a token stays good; announced as the token's expirationDate. */
export const TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

const ListToken = z.strictObject({
  v: z.literal(1),
  /** I = ListIdentifiers, R = ListRecords, S = ListSets. */
  k: z.enum(['I', 'R', 'S']),
  m: z.string().max(20).optional(),
  s: z.string().max(200).optional(),
  f: z.number().int().nonnegative().optional(),
  u: z.number().int().nonnegative().optional(),
  a: z.number().int().nonnegative(),
  c: z.number().int().nonnegative(),
  x: z.number().int().nonnegative(),
});
export type ListToken = z.infer<typeof ListToken>;

export function encodeToken(t: ListToken): string {
  return Buffer.from(JSON.stringify(t), 'utf8').toString('base64url');
}

export type TokenCheck = { ok: true; token: ListToken } | { ok: false; reason: 'malformed' | 'expired' | 'wrongVerb' };

export function decodeToken(raw: string, kind: ListToken['k'], now: Date): TokenCheck {
  if (!raw || raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return { ok: false, reason: 'malformed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const r = ListToken.safeParse(parsed);
  if (!r.success) return { ok: false, reason: 'malformed' };
  if (r.data.k !== kind) return { ok: false, reason: 'wrongVerb' };
  if (r.data.x < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, token: r.data };
}
