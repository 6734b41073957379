/**
 * What the file-level probe needs: how many ready pages of a file a login could ever open to a reader (not secret)
 * and how many of them this scope sees. Secret pages are left out of both counts on purpose, so no answer of the
 * probe depends on them: a file with a secret document looks exactly like the same file without it.
 */
import type { Queryable } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { yearOf } from '../core/time/index.js';
import { visibleSql } from '../access/visibility.js';

export async function fileOpenness(db: Queryable, scope: Scope, fileId: number): Promise<{ fileVisible: boolean; listed: number; seen: number }> {
  const params: unknown[] = [fileId, yearOf(scope.day)];
  // The secrecy half of visibility.ts's rule (secret until declassified by the scope's year), for every viewer.
  const secret = (a: string) => `(${a}.secrecy IS NOT NULL AND (${a}.declassified_year IS NULL OR ${a}.declassified_year > $2))`;
  const fileVis = visibleSql(scope, params, 'f', null);
  const pageVis = visibleSql(scope, params, 'f', 'd');
  const [r] = await db.query<{ file_visible: boolean | null; listed: string | number; seen: string | number }>(
    `SELECT (SELECT ${fileVis} FROM record_files f WHERE f.id = $1) AS file_visible,
            count(*) AS listed, count(*) FILTER (WHERE ${pageVis}) AS seen
       FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
      WHERE p.record_file_id = $1 AND p.derivatives_status = 'done' AND NOT ${secret('f')} AND (d.id IS NULL OR NOT ${secret('d')})`,
    params,
  );
  return { fileVisible: r?.file_visible === true, listed: Number(r?.listed ?? 0), seen: Number(r?.seen ?? 0) };
}
