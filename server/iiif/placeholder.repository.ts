/**
 * What a placeholder manifest may show of a whole restricted file: exactly the columns its fonds finding aid
 * (interop/records/descriptions.ts fileUnit, restricted branch) publishes, and the ready pages' sizes. Only a file
 * that finding aid lists qualifies — received into the archive, in a fonds, restricted, not secret in the scope's
 * year — so the placeholder never names a file the EAD3 does not. Secret documents' pages are left out entirely,
 * so a file with a secret document looks exactly like the same file without it.
 */
import { one, type Queryable } from '../db/db.js';

export interface PlaceholderFile {
  id: number;
  fileNotation: string;
  fileCode: string | null;
  startDate: string | null;
  endDate: string;
  dateText: string | null;
  sheets: number | null;
  fondsName: string;
}

export interface PlaceholderPage {
  id: number;
  width: number;
  height: number;
}

/** Secret in year $2, as visibility.ts and the interop queries say it. */
const SECRET = (a: string) => `(${a}.secrecy IS NOT NULL AND (${a}.declassified_year IS NULL OR ${a}.declassified_year > $2))`;

export function restrictedListedFile(db: Queryable, fileId: number, year: number): Promise<PlaceholderFile | undefined> {
  return one<PlaceholderFile>(db,
    `SELECT f.id, f.file_notation AS "fileNotation", f.file_code AS "fileCode", f.start_date::text AS "startDate",
            f.end_date::text AS "endDate", f.date_text AS "dateText", f.sheets, fo.name AS "fondsName"
       FROM record_files f JOIN fonds fo ON fo.id = f.fonds_id JOIN source_agencies a ON a.id = f.agency_id
      WHERE f.id = $1 AND f.access_level = 'restricted' AND f.received_at IS NOT NULL AND NOT ${SECRET('f')}`,
    [fileId, year]);
}

export function placeholderPages(db: Queryable, fileId: number, year: number): Promise<PlaceholderPage[]> {
  return db.query<PlaceholderPage>(
    `SELECT p.id, p.width, p.height FROM pages p LEFT JOIN documents d ON d.id = p.document_id
      WHERE p.record_file_id = $1 AND p.derivatives_status = 'done' AND (d.id IS NULL OR NOT ${SECRET('d')})
      ORDER BY p.seq, p.id`,
    [fileId, year]);
}
