/**
 * The documents a manifest's Ranges name. Called only with ids taken from pages the viewer may see (visibleFilePages
 * already applied visibleSql with the document), so a hidden document's title cannot reach the table of contents.
 */
import type { Queryable } from '../db/db.js';
import type { ManifestDocument } from './manifest.js';

export async function manifestDocuments(db: Queryable, ids: number[]): Promise<ManifestDocument[]> {
  if (!ids.length) return [];
  return db.query<ManifestDocument>(
    `SELECT id, doc_ordinal AS ordinal, type_name AS "typeName", code_notation AS "codeNotation", subject
       FROM documents WHERE id = ANY($1::int[]) ORDER BY doc_ordinal`,
    [ids],
  );
}
