/**
 * The outside world as a viewer, for the channels the centre chooses to open without login (IIIF_PUBLIC). It is a
 * reader with no grant and no agency: visibleSql then admits exactly what every signed-in reader may see — neither
 * restricted nor secret — and nothing a grant or an agency binding would add. Id 0 belongs to no user (ids are
 * serial from 1), so the grant lookup can never match.
 */
import type { Actor } from '../core/actor.js';
import { scopeOf, type Scope } from '../core/scope.js';

export const PUBLIC_READER: Readonly<Actor> = Object.freeze({ kind: 'user', id: 0, username: 'cong-chung', displayName: 'Công chúng', role: 'researcher', agencyId: null });

export function publicScope(day: string): Scope {
  return scopeOf(PUBLIC_READER, day);
}
