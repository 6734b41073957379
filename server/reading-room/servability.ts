/**
 * TT 10/2014/TT-BNV Điều 9 as validation: what may be issued to a reader. Called at submission and approval here,
 * and by circulation at check-out, so every step refuses the same files with the same codes.
 * - secret and not declassified by the day's year: never served (Luật Bảo vệ bí mật nhà nước 2018);
 * - under processing or restoration (reading_holds, or an unfinished restoration item linked to the file): not issued;
 * - physical condition 04 or 06 (DOMAIN.md §4.4: badly damaged): not issued.
 * A file checked out to another reader is circulation's concern (rr-circ adds that check at check-out).
 */
import type { Queryable } from '../db/db.js';
import { yearOf } from '../core/time/index.js';

export interface ServabilityProblem {
  recordFileId: number;
  fileNotation: string | null;
  code: 'FILE_NOT_FOUND' | 'FILE_SECRET' | 'FILE_UNDER_PROCESSING' | 'FILE_UNDER_RESTORATION' | 'FILE_POOR_CONDITION';
  message: string;
}

/** Physical-condition codes that keep a file in the stacks (free text in the register: the code leads it). */
export const UNSERVABLE_CONDITIONS = ['04', '06'] as const;

interface Row {
  id: number; notation: string; secret: boolean; condition: string | null; hold: string | null; restoring: boolean;
}

export async function servabilityProblems(db: Queryable, recordFileIds: readonly number[], day: string): Promise<ServabilityProblem[]> {
  const ids = [...new Set(recordFileIds)];
  if (!ids.length) return [];
  const rows = await db.query<Row>(
    `SELECT f.id, f.file_notation AS notation,
            (f.secrecy IS NOT NULL AND (f.declassified_year IS NULL OR f.declassified_year > $2)) AS secret,
            substring(btrim(coalesce(f.physical_condition, '')) from '^(\\d{2})') AS condition,
            (SELECT h.reason FROM reading_holds h WHERE h.record_file_id = f.id AND h.lifted_at IS NULL
                AND (h.until_day IS NULL OR h.until_day >= $3::date) ORDER BY h.id LIMIT 1) AS hold,
            EXISTS (SELECT 1 FROM restoration_items r WHERE r.record_file_id = f.id
                AND r.pages > coalesce((SELECT sum(p.pages) FROM progress_entries p WHERE p.restoration_item_id = r.id), 0)) AS restoring
       FROM record_files f WHERE f.id = ANY($1::int[])`,
    [ids, yearOf(day), day],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ServabilityProblem[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) { out.push({ recordFileId: id, fileNotation: null, code: 'FILE_NOT_FOUND', message: 'Không tìm thấy hồ sơ.' }); continue; }
    const p = (code: ServabilityProblem['code'], message: string) => out.push({ recordFileId: id, fileNotation: r.notation, code, message });
    if (r.secret) p('FILE_SECRET', `Hồ sơ ${r.notation} thuộc bí mật nhà nước, chưa giải mật nên không phục vụ.`);
    if (r.hold === 'processing') p('FILE_UNDER_PROCESSING', `Hồ sơ ${r.notation} đang được chỉnh lý, tạm ngừng phục vụ.`);
    if (r.hold === 'restoration' || r.restoring) p('FILE_UNDER_RESTORATION', `Hồ sơ ${r.notation} đang được tu bổ, tạm ngừng phục vụ.`);
    if (r.condition && (UNSERVABLE_CONDITIONS as readonly string[]).includes(r.condition))
      p('FILE_POOR_CONDITION', `Hồ sơ ${r.notation} có tình trạng vật lý mã ${r.condition} (hư hỏng nặng), không phục vụ bản gốc.`);
  }
  return out;
}
