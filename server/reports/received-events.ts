/**
 * The 'handover.received' events are the only source for intake figures (docs/domain.md §7: derive from event
 * logs, not by hand). This module reads them and turns each into one normalised receipt; the figures
 * themselves are computed by pure functions so they can be checked without a database.
 */
import { z } from 'zod';
import type { Queryable } from '../db/db.js';
import { vnToday, yearOf } from '../core/time/index.js';

export const RECEIVED_ACTION = 'handover.received';


export interface Receipt {
  handoverId: string;
  year: number;
  agencyId: number | null;
  filesReceived: number;
  metresEstimated: number;
  /** Null when the boxes were not measured on receipt. */
  metresMeasured: number | null;
}

const num = z.coerce.number().finite().nonnegative();
// Lenient on purpose: an old or partial event must still count for what it does say, never break a report.
const EventData = z.object({
  agencyId: z.coerce.number().int().nullable().optional().catch(null),
  filesReceived: num.optional().catch(0),
  metresEstimated: num.nullable().optional().catch(0),
  metresMeasured: num.nullable().optional().catch(null),
  handoverDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable().optional().catch(null),
});

export function toReceipt(e: { entityId: string; at: Date; data: unknown }): Receipt {
  const parsed = EventData.safeParse(e.data ?? {});
  const d: Partial<z.infer<typeof EventData>> = parsed.success ? parsed.data : {};
  return {
    handoverId: e.entityId,
    year: d.handoverDate ? Number(d.handoverDate.slice(0, 4)) : yearOf(vnToday(new Date(e.at))),
    agencyId: d.agencyId ?? null,
    filesReceived: d.filesReceived ?? 0,
    metresEstimated: d.metresEstimated ?? 0,
    metresMeasured: d.metresMeasured ?? null,
  };
}

/** One receipt per handover: if a handover was ever recorded as received twice, the latest event stands. */
export async function loadReceipts(db: Queryable): Promise<Receipt[]> {
  const rows = await db.query<{ entityId: string; at: Date; data: unknown }>(
    `SELECT DISTINCT ON (entity_id) entity_id AS "entityId", at, data
       FROM events
      WHERE action = $1 AND entity_type = 'handover'
      ORDER BY entity_id, id DESC`,
    [RECEIVED_ACTION],
  );
  return rows.map(toReceipt);
}
