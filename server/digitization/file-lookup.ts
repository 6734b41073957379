/**
 * The files (hồ sơ) staff can open a digitisation batch for: received files that belong to a fonds, found by
 * notation, code or title without tone marks. Staff-only, so no visibility filter is needed here.
 */
import type { Deps } from '../deps.js';
import { searchTokens } from '../intake/access-scope.js';

export interface DigitizableFile {
  id: number;
  fileNotation: string;
  fileCode: string | null;
  title: string;
  agencyName: string;
  fondsCode: string | null;
  accessLevel: 'unrestricted' | 'restricted';
  pages: number;
}

/** Filters of the lookup; every one optional except the page window. */
export interface FileLookupQuery {
  q?: string;
  agencyId?: number;
  handoverId?: number;
  fondsId?: number;
  /** true: restricted files only; false: unrestricted only. */
  restricted?: boolean;
  /** true: files with pages already; false: not digitised yet. */
  digitized?: boolean;
  limit: number;
  offset: number;
}

export async function findDigitizableFiles(deps: Deps, q: FileLookupQuery): Promise<DigitizableFile[]> {
  const params: unknown[] = [];
  const where = searchTokens(q.q).map((t) => {
    params.push(t);
    return `f_unaccent(lower(f.file_notation || ' ' || coalesce(f.file_code, '') || ' ' || f.title)) LIKE f_unaccent(lower($${params.length}))`;
  });
  const eq = (sql: string, v: unknown) => {
    if (v === undefined) return;
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  eq('f.agency_id = ?', q.agencyId);
  eq('f.handover_id = ?', q.handoverId);
  eq('fo.id = ?', q.fondsId);
  eq(`(f.access_level = 'restricted') = ?`, q.restricted);
  eq('EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) = ?', q.digitized);
  params.push(q.limit, q.offset);
  return deps.db.query<DigitizableFile>(
    `SELECT f.id, f.file_notation AS "fileNotation", f.file_code AS "fileCode", f.title, a.name AS "agencyName",
            fo.code AS "fondsCode", f.access_level AS "accessLevel",
            (SELECT count(*)::int FROM pages p WHERE p.record_file_id = f.id) AS pages
       FROM record_files f
       JOIN source_agencies a ON a.id = f.agency_id
       LEFT JOIN handovers h ON h.id = f.handover_id
       JOIN fonds fo ON fo.id = COALESCE(f.fonds_id, h.fonds_id, (SELECT af.id FROM fonds af WHERE af.agency_id = f.agency_id ORDER BY af.id LIMIT 1))
      WHERE f.received_at IS NOT NULL ${where.length ? 'AND ' + where.join(' AND ') : ''}
      ORDER BY f.received_at DESC, f.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}
