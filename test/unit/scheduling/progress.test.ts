import { describe, expect, it } from 'vitest';
import { schedule } from '../../../server/scheduling/engine/schedule.js';
import { burndown, comparePlans, forecastClearance, measurePace } from '../../../server/scheduling/engine/progress.js';
import { DAY, input, item, person } from './factories.js';

describe('measured pace and forecast', () => {
  const records = [
    { date: '2026-02-02', stepId: 'p05', units: 100 }, // outside a 4-week window ending 2026-03-08
    { date: '2026-02-10', stepId: 'p05', units: 4 },
    { date: '2026-02-20', stepId: 'p05', units: 4 },
    { date: '2026-03-08', stepId: 'p05', units: 4 },
    { date: '2026-03-01', stepId: 'd1', units: 2000 },
  ];

  it('when work was recorded, then pace is units per week over the window ending on the given day', () => {
    expect(measurePace(records, '2026-03-08', 4)).toEqual({ d1: 500, p05: 3 });
  });

  it('when every step has a pace, then the backlog clears when its slowest step does', () => {
    const f = forecastClearance('2026-03-08', { p05: 30, d1: 1000, p15: 0 }, { p05: 3, d1: 500 });
    expect(f).toMatchObject({ weeks: 10, clearDate: '2026-05-17', message: null });
    expect(f.perStep.map((s) => [s.stepId, s.weeks])).toEqual([['d1', 2], ['p05', 10]]);
  });

  it('when a step with work left has no measured pace, then there is no date and the message names the step', () => {
    const f = forecastClearance('2026-03-08', { p05: 30, r2: 10 }, { p05: 3 });
    expect(f.clearDate).toBeNull();
    expect(f.message).toContain('r2');
  });
});

describe('burndown', () => {
  it('when the plan is followed halfway, then planned and actual remaining are reported per week up to today', () => {
    const plan = schedule(input([item('a', 10 * DAY)], [person('p')]));
    const rows = burndown(10 * DAY, plan.assignments, [{ date: '2026-03-03', minutes: 3 * DAY }, { date: '2026-03-10', minutes: 2 * DAY }], '2026-03-11');
    expect(rows).toEqual([
      { week: '2026-03-02', plannedRemaining: 5 * DAY, actualRemaining: 7 * DAY },
      { week: '2026-03-09', plannedRemaining: 0, actualRemaining: 5 * DAY },
    ]);
  });
});

describe('what-if: compare two plans', () => {
  it('when a person is removed, then the finish moves later and the targets now missed are listed', () => {
    const items = [item('a', 5 * DAY, { dueDate: '2026-03-06' }), item('b', 5 * DAY, { dueDate: '2026-03-06' })];
    const both = schedule(input(items, [person('p'), person('q')]));
    const one = schedule(input(items, [person('p')]));
    const cmp = comparePlans(both, one);
    expect(cmp).toMatchObject({ finishA: '2026-03-06', finishB: '2026-03-13', finishDeltaDays: 7, totalLateDaysA: 0, totalLateDaysB: 7, newlyMet: [] });
    expect(cmp.newlyMissed).toHaveLength(1);
    expect(comparePlans(one, both).newlyMet).toEqual(cmp.newlyMissed);
  });

  it('when a target date moves later, then the item is no longer late', () => {
    const tight = schedule(input([item('a', 5 * DAY, { dueDate: '2026-03-04' })], [person('p')]));
    const moved = schedule(input([item('a', 5 * DAY, { dueDate: '2026-03-10' })], [person('p')]));
    expect(comparePlans(tight, moved)).toMatchObject({ newlyMet: ['a'], newlyMissed: [], totalLateDaysA: 2, totalLateDaysB: 0 });
  });
});
