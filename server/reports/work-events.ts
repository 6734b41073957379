/**
 * The other §7 figures, each from the event another area writes when the work happens (docs/domain.md §7: derived from
 * the event log, never typed in). The event names and data keys read here are those areas' contracts:
 *   handover.appraised (workflow)      → agencies appraised, in the year of the event (Vietnam day);
 *   master.stored (digitisation)       → pages digitised: data.pages, in the year the master was stored;
 *   page.deleted / page.replaced       → a deleted page is taken off the year its first master was stored (it was
 *     counted there); a replacement writes no master.stored, so a replaced page stays counted once;
 *   progress.recorded / .deleted (scheduling) → files and metres processed (the final processing step, p21, as the
 *     backlog's "done" counts them) and pages restored, in the year of the recorded work date; a deleted entry no longer counts.
 */
import { z } from 'zod';
import type { Queryable } from '../db/db.js';
import { vnToday, yearOf } from '../core/time/index.js';

/** A metre or file is processed once it has been through the last step of TT 16/2023's processing table. */
export const FINAL_PROCESSING_STEP = 'p21';

export interface Appraisal { year: number; agencyId: number }
export interface Digitised { year: number; pages: number }
export interface WorkDone { year: number; kind: 'processing' | 'restoration'; stepId: string; metres: number; files: number; pages: number }

const yearAt = (at: Date | string) => yearOf(vnToday(new Date(at)));
const count = z.coerce.number().finite().nonnegative().nullable().optional().catch(null);
// Lenient like the receipts: an old or partial event counts for what it says and never breaks a report.
const Progress = z.object({
  backlogItemId: z.coerce.number().nullable().optional().catch(null),
  restorationItemId: z.coerce.number().nullable().optional().catch(null),
  stepId: z.string().catch(''),
  workDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/).catch(''),
  metres: count, files: count, pages: count,
});

export async function loadAppraisals(db: Queryable): Promise<Appraisal[]> {
  // The event names the handover; the handover's agency never changes, so the join is safe.
  const rows = await db.query<{ at: Date; agencyId: number }>(
    `SELECT e.at, h.agency_id AS "agencyId"
       FROM events e JOIN handovers h ON h.id::text = e.entity_id
      WHERE e.action = 'handover.appraised' AND e.entity_type = 'handover'`,
  );
  return rows.map((r) => ({ year: yearAt(r.at), agencyId: r.agencyId }));
}

export async function loadDigitised(db: Queryable): Promise<Digitised[]> {
  const rows = await db.query<{ at: Date; pages: string | null }>(
    `SELECT at, data->>'pages' AS pages FROM events WHERE action = 'master.stored'`,
  );
  const stored = rows.map((r) => ({ year: yearAt(r.at), pages: Number(r.pages) > 0 ? Number(r.pages) : 0 }));
  // A deleted page points at its current master; if it was replaced, the master it was counted under is the one its
  // first replacement took it from. A page whose origin has no master.stored event was never counted, so never taken off.
  const deleted = await db.query<{ at: Date }>(
    `SELECT s.at
       FROM events d
       LEFT JOIN LATERAL (
         SELECT r.before->>'masterId' AS "masterId" FROM events r
          WHERE r.action = 'page.replaced' AND r.entity_type = 'page' AND r.entity_id = d.entity_id
          ORDER BY r.id LIMIT 1) first ON true
       JOIN events s ON s.action = 'master.stored' AND s.entity_type = 'master'
                    AND s.entity_id = COALESCE(first."masterId", d.before->>'masterId')
      WHERE d.action = 'page.deleted' AND d.entity_type = 'page'`,
  );
  return [...stored, ...deleted.map((r) => ({ year: yearAt(r.at), pages: -1 }))];
}

export async function loadWorkDone(db: Queryable): Promise<WorkDone[]> {
  const rows = await db.query<{ after: unknown }>(
    `SELECT e.after FROM events e
      WHERE e.action = 'progress.recorded' AND e.entity_type = 'progress'
        AND NOT EXISTS (SELECT 1 FROM events d WHERE d.action = 'progress.deleted' AND d.entity_type = 'progress' AND d.entity_id = e.entity_id)`,
  );
  const out: WorkDone[] = [];
  for (const r of rows) {
    const p = Progress.safeParse(r.after ?? {});
    if (!p.success || !p.data.workDate) continue;
    const kind = p.data.restorationItemId != null ? 'restoration' : p.data.backlogItemId != null ? 'processing' : null;
    if (!kind) continue;
    out.push({ year: Number(p.data.workDate.slice(0, 4)), kind, stepId: p.data.stepId, metres: p.data.metres ?? 0, files: p.data.files ?? 0, pages: p.data.pages ?? 0 });
  }
  return out;
}
