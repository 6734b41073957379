/** Issue 9: a handover names its collection plan by the decision number (667/QĐ-UBND), not by the plan's id ("#1"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { newHandover, seedWorld, type World } from './fixture.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  w = await seedWorld(t);
});
afterAll(() => t?.close());

describe('the plan a handover belongs to', () => {
  it('when a handover belongs to a collection plan, then it carries the plan’s decision number; without a plan, null', async () => {
    const [plan] = await t.db.query<{ decisionNo: string }>(`SELECT decision_no AS "decisionNo" FROM collection_plans WHERE id = $1`, [w.planId]);
    const h = await newHandover(w);
    expect(h.planDecisionNo).toBe(plan.decisionNo);
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body).toMatchObject({ planId: w.planId, planDecisionNo: plan.decisionNo });
    const loose = await newHandover(w, w.staff, { planId: null, inventoryNo: 2 });
    expect(loose).toMatchObject({ planId: null, planDecisionNo: null });
  });
});
