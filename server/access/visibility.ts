/**
 * Who may see a digitised file or document, as one SQL predicate, so every channel (search results, counts,
 * facets, snippets, thumbnails, tiles, manifests, text exports, presigned URLs) applies the same rule.
 *
 * - Staff (admin, archivist) and the service itself (jobs): everything.
 * - Secret (secrecy set and not declassified by the scope's year): staff only, on the file or on the document.
 * - Restricted (access_level 'restricted' on the file or the document): a researcher with a grant live on the
 *   scope's day (access_grants), or an agency account for its own agency's files.
 * - Everything else: any signed-in user.
 */
import { isStaff, isSystem } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import { yearOf } from '../core/time/index.js';

/**
 * SQL boolean over record_files `f` and (optionally, may be NULL from a LEFT JOIN) documents `d`.
 * Parameters are appended to `params`.
 */
export function visibleSql(scope: Scope, params: unknown[], f = 'f', d: string | null = null): string {
  const viewer = scope.acting;
  if (isSystem(viewer) || isStaff(viewer)) return 'TRUE';
  const year = yearOf(scope.day);
  params.push(year);
  const y = `$${params.length}`;
  const secret = (a: string) => `(${a}.secrecy IS NOT NULL AND (${a}.declassified_year IS NULL OR ${a}.declassified_year > ${y}))`;
  const restricted = d ? `(${f}.access_level = 'restricted' OR COALESCE(${d}.access_level, 'unrestricted') = 'restricted')` : `${f}.access_level = 'restricted'`;
  let mayRestricted: string;
  if (viewer.role === 'agency') {
    params.push(viewer.agencyId);
    mayRestricted = `${f}.agency_id = $${params.length}`;
  } else {
    params.push(viewer.id, scope.day);
    mayRestricted = `EXISTS (SELECT 1 FROM access_grants g WHERE g.user_id = $${params.length - 1} AND g.record_file_id = ${f}.id AND (g.expires_on IS NULL OR g.expires_on >= $${params.length}::date))`;
  }
  const notSecret = d ? `NOT ${secret(f)} AND (${d}.id IS NULL OR NOT ${secret(d)})` : `NOT ${secret(f)}`;
  return `(${notSecret} AND (NOT ${restricted} OR ${mayRestricted}))`;
}
