import { describe, expect, it } from 'vitest';
import { runSchedule } from '../../../server/scheduling/engine-adapter.js';
import { BEYOND_HORIZON_WEEKS, beyondHorizon, unplacedWhy } from '../../../server/scheduling/plan-beyond.js';
import { DAY, input, item, person } from './factories.js';

describe('beyond the horizon', () => {
  it('when work does not fit the horizon, then the longer run places it and gives a later finish', () => {
    // Two weeks of one person's time; three items of 4 working days each.
    const inp = input([item('B1', 4 * DAY), item('B2', 4 * DAY), item('B3', 4 * DAY)], [person('S1')], { horizonWeeks: 2 });
    const r = runSchedule(inp);
    expect(r.unplaced.length).toBeGreaterThan(0);
    const b = beyondHorizon(inp, r)!;
    expect(b).toMatchObject({ horizonWeeks: BEYOND_HORIZON_WEEKS, unplacedItems: 0 });
    expect(b.finish! > r.finish!).toBe(true);
  });

  it('when nobody may do a step, then even the longer run leaves it unplaced and gives no finish', () => {
    const inp = input([item('B1', DAY), item('R1', DAY, { step: 'senior' })], [person('S1')], { horizonWeeks: 2 });
    const r = runSchedule(inp);
    expect(beyondHorizon(inp, r)).toEqual({ horizonWeeks: BEYOND_HORIZON_WEEKS, finish: null, unplacedItems: 1 });
  });

  it('when everything is placed, then there is nothing to estimate', () => {
    const inp = input([item('B1', DAY)], [person('S1')]);
    expect(beyondHorizon(inp, runSchedule(inp))).toBeNull();
  });

  it('when reasons differ only in step and hours, then they are grouped into one line with the item count', () => {
    expect(unplacedWhy([
      { itemId: 'B1', reason: 'Không đủ thời gian làm việc trong khoảng kế hoạch cho bước p05 (cần khoảng 1.234 giờ công)' },
      { itemId: 'B2', reason: 'Không đủ thời gian làm việc trong khoảng kế hoạch cho bước p01 (cần khoảng 12 giờ công) (3 lô không xếp được)' },
      { itemId: 'R1', reason: 'Không có cán bộ có kỹ năng tu bổ từ bậc 2 trở lên cho bước r3' },
    ])).toEqual([
      { reason: 'Không đủ thời gian làm việc trong khoảng kế hoạch', items: 2 },
      { reason: 'Không có cán bộ có kỹ năng tu bổ từ bậc 2 trở lên cho bước r3', items: 1 },
    ]);
  });
});
