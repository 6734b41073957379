/**
 * Holds: staff take a file out of service while it is being processed (chỉnh lý) or restored (tu bổ), until a day
 * or until lifted. servability.ts reads them, so submission, approval and check-out all refuse the file meanwhile.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { vnToday } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';

export interface HoldRow {
  id: number; recordFileId: number; fileNotation: string; title: string; reason: 'processing' | 'restoration'; note: string | null;
  untilDay: string | null; liftedAt: Date | null; createdByName: string | null; createdAt: Date; active: boolean;
}

const SELECT = `SELECT h.id, h.record_file_id AS "recordFileId", f.file_notation AS "fileNotation", f.title, h.reason, h.note,
    h.until_day::text AS "untilDay", h.lifted_at AS "liftedAt", u.display_name AS "createdByName", h.created_at AS "createdAt",
    (h.lifted_at IS NULL AND (h.until_day IS NULL OR h.until_day >= $1::date)) AS active
  FROM reading_holds h JOIN record_files f ON f.id = h.record_file_id LEFT JOIN users u ON u.id = h.created_by`;

export function createHolds(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);
  const get = async (id: number) => (await db.query<HoldRow>(`${SELECT} WHERE h.id = $2`, [today(), id]))[0] ?? null;

  return {
    list: async (q: { activeOnly?: boolean }) => ({
      items: await db.query<HoldRow>(`${SELECT} ${q.activeOnly ? 'WHERE h.lifted_at IS NULL AND (h.until_day IS NULL OR h.until_day >= $1::date)' : ''} ORDER BY h.id DESC LIMIT 1000`, [today()]),
    }),

    async place(actor: Actor, b: { recordFileId: number; reason: 'processing' | 'restoration'; untilDay?: string | null; note?: string | null }) {
      if (b.untilDay && b.untilDay < today()) throw READING_ERRORS.holdInPast();
      const id = await db.transaction(async (tx) => {
        const [f] = await tx.query('SELECT 1 FROM record_files WHERE id = $1', [b.recordFileId]);
        if (!f) throw READING_ERRORS.readingFileNotFound();
        const [r] = await tx.query<{ id: number }>(`INSERT INTO reading_holds (record_file_id, reason, note, until_day, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [b.recordFileId, b.reason, b.note ?? null, b.untilDay ?? null, actor.id]);
        await recordEvent(tx, actor, { entityType: 'reading_hold', entityId: r!.id, action: 'reading_hold.placed', after: b });
        return r!.id;
      });
      return (await get(id))!;
    },

    async lift(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const [h] = await tx.query<{ lifted_at: Date | null }>('SELECT lifted_at FROM reading_holds WHERE id = $1 FOR UPDATE', [id]);
        if (!h) throw READING_ERRORS.holdNotFound();
        if (h.lifted_at) throw READING_ERRORS.holdLifted();
        await tx.query('UPDATE reading_holds SET lifted_at = $2 WHERE id = $1', [id, deps.clock()]);
        await recordEvent(tx, actor, { entityType: 'reading_hold', entityId: id, action: 'reading_hold.lifted' });
      });
      return (await get(id))!;
    },
  };
}

export type Holds = ReturnType<typeof createHolds>;
