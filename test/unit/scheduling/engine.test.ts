import { describe, expect, it } from 'vitest';
import { schedule } from '../../../server/scheduling/engine/schedule.js';
import { scenario, prng } from '../../../scripts/bench/schedule-scenario.js';
import { DAY, input, item, person } from './factories.js';
import { violations } from './invariants.js';

describe('capacity from the working calendar', () => {
  it('when one full-time person has five days of work from a Monday, then it finishes that Friday', () => {
    const plan = schedule(input([item('a', 5 * DAY)], [person('p')], { start: '2026-03-02' }));
    expect(plan.items[0]).toMatchObject({ start: '2026-03-02', finish: '2026-03-06' });
    expect(plan.assignments).toEqual([{ itemId: 'a', stepId: 'work', staffId: 'p', week: '2026-03-02', minutes: 5 * DAY }]);
  });

  it('when Tết closes 16–20/2/2026, then six days of work started on 9/2 finish on Monday 23/2', () => {
    const closed = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
    const plan = schedule(input([item('a', 6 * DAY)], [person('p')], { start: '2026-02-09', calendar: { closedDates: closed, hoursPerDay: 8 } }));
    expect(plan.items[0].finish).toBe('2026-02-23');
    expect(plan.load?.find((l) => l.week === '2026-02-16')).toBeUndefined();
  });

  it('when the person works half time, then five full days of work take two weeks', () => {
    const plan = schedule(input([item('a', 5 * DAY)], [person('p', { fte: 0.5 })]));
    expect(plan.items[0].finish).toBe('2026-03-13');
    expect(plan.assignments.map((a) => [a.week, a.minutes])).toEqual([['2026-03-02', 1200], ['2026-03-09', 1200]]);
  });

  it('when the person is on leave on Wednesday, then the work slips one day and nothing is planned that day', () => {
    const plan = schedule(input([item('a', 5 * DAY)], [person('p', { leave: ['2026-03-04'] })]));
    expect(plan.items[0].finish).toBe('2026-03-09');
    expect(plan.items[0].steps).toEqual([{ stepId: 'work', staffId: 'p', start: '2026-03-02', finish: '2026-03-09', minutes: 5 * DAY }]);
    expect(plan.load?.find((l) => l.week === '2026-03-02')).toMatchObject({ minutes: 4 * DAY, capacity: 4 * DAY });
  });

  it('when the plan starts on a Wednesday, then Monday and Tuesday of that week are not used', () => {
    const plan = schedule(input([item('a', 3 * DAY)], [person('p')], { start: '2026-03-04' }));
    expect(plan.items[0]).toMatchObject({ start: '2026-03-04', finish: '2026-03-06' });
  });
});

describe('constraints', () => {
  it('when a step needs grade 3 and a skill, then only a qualified person gets it, even if busier', () => {
    const staff = [person('junior', { grade: 1 }), person('senior', { grade: 3 }), person('restorer', { grade: 4, skills: ['restoration'] })];
    const plan = schedule(input([item('a', DAY, { step: 'senior' }), item('b', DAY, { step: 'senior' })], staff));
    expect(new Set(plan.assignments.map((a) => a.staffId))).toEqual(new Set(['senior']));
    expect(violations(input([item('a', DAY, { step: 'senior' }), item('b', DAY, { step: 'senior' })], staff), plan)).toEqual([]);
  });

  it('when digitisation must wait for restoration of the same file, then it starts the day after restoration ends and says why', () => {
    const items = [item('scan', DAY, { step: 'scan', after: ['fix'], dueDate: '2026-03-20', label: 'Số hóa hồ sơ 12' }), item('fix', 3 * DAY, { step: 'fix', label: 'Tu bổ hồ sơ 12' })];
    const plan = schedule(input(items, [person('p'), person('q')]));
    const byId = new Map(plan.items.map((o) => [o.itemId, o]));
    expect(byId.get('fix')!.finish).toBe('2026-03-04');
    expect(byId.get('scan')!.start).toBe('2026-03-05');
    expect(byId.get('scan')!.explanation).toContain('Chỉ bắt đầu sau khi "Tu bổ hồ sơ 12" xong (04/03/2026)');
    expect(byId.get('fix')!.explanation).toContain('Không có hạn riêng nhưng phải xong sớm vì "Số hóa hồ sơ 12" (hạn 20/03/2026) chờ mục này');
  });

  it('when an item has several steps, then each starts no earlier than the day the previous one ended', () => {
    const multi = { ...item('a', 0), steps: [{ stepId: 'work', quantity: 700, coefficient: 1 }, { stepId: 'senior', quantity: 300, coefficient: 2 }, { stepId: 'scan', quantity: 100, coefficient: 1 }] };
    const staff = [person('p', { grade: 1 }), person('s', { grade: 3 })];
    const inp = input([multi], staff);
    const plan = schedule(inp);
    expect(plan.items[0].steps!.map((s) => [s.stepId, s.staffId, s.start, s.finish])).toEqual([
      ['work', 'p', '2026-03-02', '2026-03-03'],
      ['senior', 's', '2026-03-03', '2026-03-04'],
      ['scan', 'p', '2026-03-04', '2026-03-04'],
    ]);
    expect(violations(inp, plan)).toEqual([]);
  });

  it('when some work was already recorded, then only the rest is planned', () => {
    const plan = schedule(input([item('a', 5 * DAY, { doneMinutes: { work: 3 * DAY } })], [person('p')]));
    expect(plan.items[0].finish).toBe('2026-03-03');
    expect(plan.assignments.reduce((s, a) => s + a.minutes, 0)).toBe(2 * DAY);
  });

  it.each([
    [1500, 30, 104, 11, 1],
    [600, 8, 52, 12, 1.5],
  ])('when a random %i-item backlog (%i staff, %i weeks, seed %i, load ×%d) is planned, then no load, skill, grade, order or dependency rule is broken', (items, staff, weeks, seed, load) => {
    const inp = scenario({ items, staff, weeks, seed, load });
    const plan = schedule(inp);
    expect(plan.items).toHaveLength(items);
    expect(plan.assignments.length).toBeGreaterThan(items / 2);
    expect(violations(inp, plan)).toEqual([]);
    for (const l of plan.load!) expect(l.minutes).toBeLessThanOrEqual(l.capacity);
  });
});

describe('the invariant checker itself', () => {
  it('when a plan is tampered with (overfilled week, wrong skill, step before its predecessor), then each breach is reported', () => {
    const inp = input([item('a', 5 * DAY), item('b', DAY, { step: 'scan', after: ['a'] })], [person('p'), person('q', { skills: ['processing'] })]);
    const plan = schedule(inp);
    expect(violations(inp, plan)).toEqual([]);
    const tampered = structuredClone(plan);
    tampered.assignments[0].minutes += 60;
    tampered.assignments.push({ itemId: 'b', stepId: 'scan', staffId: 'q', week: '2026-03-09', minutes: 1 });
    tampered.items.find((o) => o.itemId === 'b')!.start = '2026-03-04';
    const found = violations(inp, tampered).join('\n');
    expect(found).toMatch(/week 2026-03-02: 2460 > 2400/);
    expect(found).toMatch(/q lacks digitization/);
    expect(found).toMatch(/b starts 2026-03-04 before a finishes/);
  });
});

describe('what cannot be planned', () => {
  it('when a norm is missing, nobody qualifies, items form a cycle or the horizon is too short, then each is unplaced with a Vietnamese reason', () => {
    const items = [
      item('nonorm', DAY, { step: 'bind' }),
      item('noone', DAY, { step: 'scan' }),
      item('c1', DAY, { after: ['c2'] }),
      item('c2', DAY, { after: ['c1'] }),
      item('huge', 200 * DAY),
      item('waits', DAY, { after: ['huge'] }),
      item('ok', DAY),
    ];
    const plan = schedule(input(items, [person('p', { skills: ['processing'] })], { horizonWeeks: 4 }));
    const reasons = Object.fromEntries(plan.unplaced.map((u) => [u.itemId, u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['c1', 'c2', 'huge', 'nonorm', 'noone', 'waits']);
    expect(reasons.nonorm).toContain('chưa có định mức');
    expect(reasons.noone).toContain('Không có cán bộ có kỹ năng số hóa');
    expect(reasons.c1).toContain('Phụ thuộc vòng tròn');
    expect(reasons.huge).toContain('Không đủ thời gian làm việc');
    expect(reasons.waits).toContain('"Mục huge"');
    expect(plan.items.find((o) => o.itemId === 'ok')!.finish).toBe('2026-03-02');
    expect(plan.assignments.every((a) => a.itemId === 'ok')).toBe(true);
  });
});

describe('determinism', () => {
  it('when the same input is planned twice, then the plans are deep-equal', () => {
    const inp = scenario({ items: 300, staff: 10, weeks: 52, seed: 5 });
    expect(schedule(inp)).toEqual(schedule(structuredClone(inp)));
  });

  it('when the items, staff, norms and dependencies arrive shuffled, then the plan is the same', () => {
    const inp = scenario({ items: 300, staff: 10, weeks: 52, seed: 6 });
    const rnd = prng(99);
    const shuffle = <T>(xs: T[]): T[] => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    const shuffled = { ...inp, items: shuffle(inp.items).map((it) => ({ ...it, after: shuffle(it.after) })), staff: shuffle(inp.staff), norms: shuffle(inp.norms), calendar: { ...inp.calendar, closedDates: shuffle(inp.calendar.closedDates) } };
    expect(schedule(shuffled)).toEqual(schedule(inp));
  });
});

describe('priorities, explanations and finishes', () => {
  it('when two items compete and neither has a due date, then the more damaged one goes first and the text says why', () => {
    const items = [item('a', 2 * DAY, { priority: 0 }), item('b', 2 * DAY, { priority: 3, priorityReasons: ['tình trạng vật lý 04 (bết dính, mủn)'] })];
    const plan = schedule(input(items, [person('p')]));
    const b = plan.items.find((o) => o.itemId === 'b')!;
    expect(b).toMatchObject({ start: '2026-03-02', finish: '2026-03-03', rank: 1 });
    expect(b.explanation).toContain('Được ưu tiên: tình trạng vật lý 04 (bết dính, mủn)');
    expect(plan.items.find((o) => o.itemId === 'a')!.start).toBe('2026-03-04');
  });

  it('when an item cannot make its due date, then its lateness is counted and explained; finishes per agency and overall follow', () => {
    const items = [
      item('a', 5 * DAY, { dueDate: '2026-03-06', dueLabel: 'hạn nộp lưu', agencyId: 1 }),
      item('b', 5 * DAY, { dueDate: '2026-03-06', agencyId: 2 }),
    ];
    const plan = schedule(input(items, [person('p')]));
    expect(plan.totalLateDays).toBe(7);
    const late = plan.items.find((o) => o.lateDays > 0)!;
    expect(late.explanation).toMatch(/Trễ 7 ngày so với (hạn nộp lưu|hạn)/);
    expect(plan.finish).toBe('2026-03-13');
    expect(plan.agencies).toEqual([
      expect.objectContaining({ agencyId: 1, items: 1 }),
      expect.objectContaining({ agencyId: 2, items: 1 }),
    ]);
    expect(plan.agencies!.map((a) => a.finish).sort()).toEqual(['2026-03-06', '2026-03-13']);
  });

  it('when a long urgent item would make four short ones late, then the short ones go first and the text says the order was improved', () => {
    const items = [item('long', 3 * DAY, { dueDate: '2026-03-04' }), ...['b', 'c', 'd', 'e'].map((id) => item(id, DAY, { dueDate: '2026-03-05' }))];
    const inp = input(items, [person('p')]);
    expect(schedule(inp, { rules: ['edd'], improve: false }).totalLateDays).toBe(10);
    const polished = schedule(inp, { rules: ['edd'] });
    expect(polished.totalLateDays).toBe(6);
    expect(polished.items.find((o) => o.rank === 1)!.explanation).toMatch(/^Xếp thứ 1\/5: đưa lên sớm hơn thứ tự theo quy tắc hạn sớm nhất trước/);
    expect(polished.items.find((o) => o.itemId === 'long')).toMatchObject({ rank: 5, finish: '2026-03-10', lateDays: 6 });
    expect(schedule(inp).totalLateDays).toBe(6);
  });

  it('when the input names a norm version, then the plan records it', () => {
    expect(schedule(input([item('a', DAY)], [person('p')], { normsVersion: 'tt16-2023-mac-dinh-v1' })).normsVersion).toBe('tt16-2023-mac-dinh-v1');
  });
});

describe('quality against the plain earliest-due-date list', () => {
  const compare = (seed: number, load: number) => {
    const inp = scenario({ items: 500, staff: 10, weeks: 52, seed, load });
    return { engine: schedule(inp), edd: schedule(inp, { rules: ['edd'], improve: false }), inp };
  };

  it('when the backlog overloads the staff, then the plan places more items or is less late than EDD, and stays feasible', () => {
    for (const seed of [3, 4]) {
      const { engine, edd, inp } = compare(seed, 1.5);
      const strictlyBetter = engine.unplaced.length < edd.unplaced.length || (engine.unplaced.length === edd.unplaced.length && engine.totalLateDays < edd.totalLateDays);
      expect(strictlyBetter).toBe(true);
      expect(violations(inp, engine)).toEqual([]);
    }
  });

  it('when the backlog fits, then the plan is never worse than EDD', () => {
    const { engine, edd } = compare(8, 0.5);
    expect(engine.unplaced.length).toBeLessThanOrEqual(edd.unplaced.length);
    if (engine.unplaced.length === edd.unplaced.length) expect(engine.totalLateDays).toBeLessThanOrEqual(edd.totalLateDays);
  });
});
