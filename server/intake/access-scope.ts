import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { stripMarks } from '../spreadsheet/text.js';

/** Agency accounts are bound to one agency: anything else is refused, whatever the route's role list says. */
export function assertOwnAgency(actor: Actor, agencyId: number | null): void {
  if (actor.role === 'agency' && actor.agencyId !== agencyId) {
    throw ERRORS.forbidden('Tài khoản cơ quan chỉ được xem dữ liệu của chính cơ quan mình.');
  }
}

/** The agency an agency account is limited to, or null for staff and researchers (no limit). */
export function scopedAgencyId(actor: Actor): number | null {
  return actor.role === 'agency' ? actor.agencyId : null;
}

/** LIKE pattern for accent-insensitive search: marks stripped here too, so NFD input works whatever the dictionary does. */
export function searchTokens(q: string | undefined): string[] {
  if (!q) return [];
  return stripMarks(q)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`);
}
