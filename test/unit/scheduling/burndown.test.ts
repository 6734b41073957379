import { describe, expect, it } from 'vitest';
import { burndown } from '../../../server/scheduling/burndown.js';
import { schedule } from '../../../server/scheduling/engine/schedule.js';
import type { ProgressEntry, StoredPlan } from '../../../server/scheduling/plan.repository.js';
import { DAY, input, item, person } from './factories.js';

/** Ten days of processing work for one person from Monday 2026-03-02: planned over the first two weeks. */
function storedPlan(): StoredPlan {
  const inp = input([item('B1', 10 * DAY)], [person('p')]);
  const result = schedule(inp);
  return {
    id: 7, label: 'Kế hoạch thử', kind: 'plan', basedOnId: null, normVersionId: 1, startDate: inp.start, horizonWeeks: inp.horizonWeeks,
    targetDate: null, changes: null, input: { ...inp, context: { items: [], staff: [], stepNames: {} } }, result,
    finish: result.finish, totalLateDays: result.totalLateDays, createdBy: null, createdAt: '2026-03-01T00:00:00Z',
  };
}

const done = (workDate: string, minutes: number): ProgressEntry => ({
  id: 1, backlogItemId: 1, restorationItemId: null, itemLabel: 'Mục B1', stepId: 'work', workDate,
  metres: minutes, files: null, pages: null, staffId: null, staffName: null, note: null,
});

describe('burndown of a stored plan', () => {
  it('when two weeks were recorded, then pace comes from those complete weeks and this week counts only as done', () => {
    const progress = [done('2026-02-27', 5 * DAY), done('2026-03-03', 3 * DAY), done('2026-03-10', 2 * DAY), done('2026-03-17', DAY)];
    const bd = burndown(storedPlan(), progress, '2026-03-18');
    expect(bd.weeks).toEqual([
      { week: '2026-03-02', plannedRemainingHours: 40, actualRemainingHours: 56 },
      { week: '2026-03-09', plannedRemainingHours: 0, actualRemainingHours: 40 },
      { week: '2026-03-16', plannedRemainingHours: 0, actualRemainingHours: 32 },
    ]);
    expect(bd).toMatchObject({ totalHours: 80, remainingAtStartHours: 80, remainingNowHours: 32, paceWeeks: 2, paceHoursPerWeek: 20, forecastClear: '2026-03-30' });
  });

  it('when nothing has been done yet and the plan starts next week, then the chart still starts on its first week and there is no forecast', () => {
    const bd = burndown(storedPlan(), [], '2026-02-25');
    expect(bd.weeks.map((w) => [w.week, w.plannedRemainingHours, w.actualRemainingHours])).toEqual([['2026-03-02', 40, null], ['2026-03-09', 0, null]]);
    expect(bd).toMatchObject({ paceWeeks: 0, paceHoursPerWeek: 0, forecastClear: null });
  });

  it('when all the work is recorded, then the backlog is forecast clear today', () => {
    expect(burndown(storedPlan(), [done('2026-03-04', 10 * DAY)], '2026-03-11').forecastClear).toBe('2026-03-11');
  });
});
