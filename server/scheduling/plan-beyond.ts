/**
 * A plan that leaves work unplaced must not claim a finish date. To still say when the work would be done, the same
 * input is run once more over a longer horizon (bounded: BEYOND_HORIZON_WEEKS); beyond the plan's own calendar only
 * the statutory holidays are known, so the answer is an estimate and is labelled as one.
 */
import type { ScheduleInput, ScheduleResult } from './engine/types.js';
import { holidaysBetween, runSchedule } from './engine-adapter.js';
import { baseItemId } from './plan-input.js';
import { addDays } from '../core/time/index.js';

/** Ten years: long enough for a provincial backlog at today's staffing, short enough to stay a few seconds of engine time. */
export const BEYOND_HORIZON_WEEKS = 520;

export interface BeyondHorizon {
  /** The longer horizon the estimate used. */
  horizonWeeks: number;
  /** When everything would be done; null when some items cannot be placed even then. */
  finish: string | null;
  /** Items (not packages) still unplaced over the longer horizon: work nobody on the staff list may do, or too much of it. */
  unplacedItems: number;
}

export function beyondHorizon(input: ScheduleInput, result: ScheduleResult): BeyondHorizon | null {
  if (!result.unplaced.length || input.horizonWeeks >= BEYOND_HORIZON_WEEKS) return null;
  const planEnd = addDays(input.start, input.horizonWeeks * 7 - 1);
  const end = addDays(input.start, BEYOND_HORIZON_WEEKS * 7 - 1);
  const holidays = holidaysBetween(addDays(planEnd, 1), end).map((h) => h.date);
  const longer = runSchedule({
    ...input,
    horizonWeeks: BEYOND_HORIZON_WEEKS,
    calendar: { ...input.calendar, closedDates: [...new Set([...input.calendar.closedDates, ...holidays])].sort() },
  });
  const unplacedItems = new Set(longer.unplaced.map((u) => baseItemId(u.itemId))).size;
  return { horizonWeeks: BEYOND_HORIZON_WEEKS, finish: unplacedItems ? null : longer.finish, unplacedItems };
}

/** Why items are unplaced, grouped: the per-step hours are dropped so "not enough time" is one line, not one per item. */
export function unplacedWhy(unplaced: { itemId: string; reason: string }[]): { reason: string; items: number }[] {
  const groups = new Map<string, number>();
  for (const u of unplaced) {
    const reason = u.reason.replace(/ cho bước \S+ \(cần khoảng [\d.,]+ giờ công\)/, '').replace(/ \(\d+ lô không xếp được\)$/, '');
    groups.set(reason, (groups.get(reason) ?? 0) + 1);
  }
  return [...groups.entries()].map(([reason, items]) => ({ reason, items })).sort((a, b) => b.items - a.items || a.reason.localeCompare(b.reason));
}
