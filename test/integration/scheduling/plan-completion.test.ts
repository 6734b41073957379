/**
 * Issue 9: a plan that leaves items unplaced must not claim "Xong toàn bộ"; it says how many and why, estimates when
 * they would finish over a longer horizon, and the plans list counts the same items (not packages) as the plan page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/core/time/index.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let staff: HttpClient;
const people: number[] = [];
const START = '2027-01-04';
const HORIZON = 8;
const planEnd = addDays(START, HORIZON * 7 - 1);

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  const agency = (await staff.post('/api/agencies', { code: 'H07', name: 'Ủy ban nhân dân huyện Khoái Châu', level: 'district' })).body.id;
  // ≈ 214 person-hours per metre: 0.3 m fits in 8 weeks of two people, 3 m + 3 m do not.
  for (const [label, m] of [['Khoái Châu 2001–2005', 0.3], ['Khoái Châu 2006–2010', 3], ['Khoái Châu 2011–2015', 3]] as const) {
    expect((await staff.post('/api/scheduling/backlog', { agencyId: agency, label, measuredMetres: m, conditionCode: '01' })).status).toBe(201);
  }
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình']) {
    const r = await staff.post('/api/scheduling/staff', { name, grade: 3, skills: ['processing'], fte: 1 });
    expect(r.status).toBe(201);
    people.push(r.body.id);
  }
});
afterAll(() => t?.close());

describe('plan completion', () => {
  let planId: number;
  let base: Record<string, any>;

  it('when items are left unplaced, then the plan claims no finish, says how many and why, and estimates a finish beyond the horizon', async () => {
    const r = await staff.post('/api/scheduling/plans', { label: 'Khoái Châu 8 tuần', start: START, horizonWeeks: HORIZON, targetDate: planEnd });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    base = r.body;
    planId = r.body.id;
    expect(r.body.unplaced.length).toBeGreaterThan(0);
    expect(r.body.complete).toBe(false);
    expect(r.body.finish).toBeNull();
    // The last placed item still has a date, but it is not called the plan's finish.
    expect(r.body.placedFinish).toMatch(/^2027-/);
    expect(r.body.itemCount).toBe(3);
    expect(r.body.unplacedCount).toBe(r.body.unplaced.length);
    expect(r.body.packageCount).toBeGreaterThan(r.body.itemCount);
    expect(r.body.unplacedWhy.reduce((n: number, w: { items: number }) => n + w.items, 0)).toBe(r.body.unplacedCount);
    expect(r.body.unplacedWhy[0].reason).toMatch(/^Không đủ thời gian làm việc trong khoảng kế hoạch$/);
    expect(r.body.beyondHorizon).toMatchObject({ horizonWeeks: 520, unplacedItems: 0 });
    expect(r.body.beyondHorizon.finish > planEnd).toBe(true);
    expect(r.body.targetMissed).toBe(true);
  });

  it('when the plans list is read, then it counts the same items and unplaced items as the plan page, packages apart', async () => {
    const list = await staff.get('/api/scheduling/plans');
    const row = list.body.items.find((p: { id: number }) => p.id === planId);
    expect(row).toMatchObject({
      itemCount: base.itemCount, unplacedCount: base.unplacedCount, packageCount: base.packageCount,
      unplacedPackageCount: base.unplacedPackageCount, complete: false, finish: null, beyondHorizon: base.beyondHorizon,
    });
  });

  it('when a what-if removes a person, then it never reports an earlier finish than the plan it came from', async () => {
    const fewer = await staff.post(`/api/scheduling/plans/${planId}/what-if`, { removeStaffIds: [`S${people[1]}`] });
    expect(fewer.status).toBe(201);
    expect(fewer.body.finish).toBeNull();
    expect(fewer.body.unplacedCount).toBeGreaterThanOrEqual(base.unplacedCount);
    expect(fewer.body.beyondHorizon.finish > base.beyondHorizon.finish).toBe(true);

    const cmp = await staff.get(`/api/scheduling/plans/compare?a=${planId}&b=${fewer.body.id}`);
    expect(cmp.status).toBe(200);
    for (const [side, v] of [['a', base], ['b', fewer.body]] as const) {
      // "Trễ hạn" splits into items finished late and items not placed at all; late days only count placed items.
      expect(cmp.body[side]).toMatchObject({ complete: false, finish: null, unplacedCount: v.unplacedCount, beyondHorizon: v.beyondHorizon });
      expect(cmp.body[side].missedCount).toBe(cmp.body[side].lateCount + cmp.body[side].unplacedCount);
    }
  });

  it('when the horizon is long enough, then the plan is complete and its finish is the last item’s', async () => {
    const r = await staff.post('/api/scheduling/plans', { label: 'Khoái Châu 2 năm', start: START, horizonWeeks: 104 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ complete: true, unplacedCount: 0, unplaced: [], beyondHorizon: null, unplacedWhy: [] });
    expect(r.body.finish).toBe([...r.body.items.map((i: { finish: string }) => i.finish)].sort().at(-1));
    expect(r.body.finish).toBe(r.body.placedFinish);
  });
});
