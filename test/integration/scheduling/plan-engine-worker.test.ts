/**
 * Plans are computed in a worker thread (server/scheduling/plan-engine.ts). The plan the app stores must be exactly what
 * the engine gives in-process for the same input, and a worker that dies or overruns must end in a clean 503-class
 * AppError — never a hang, never a stuck queue for the next plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { ApiClient } from '../../../server/demo/api-client.js';
import { loadBacklogDemo } from '../../../server/demo/backlog-demo.js';
import { computePlan } from '../../../server/scheduling/plan-compute.js';
import { computePlanOffThread } from '../../../server/scheduling/plan-engine.js';
import type { ScheduleInput } from '../../../server/scheduling/engine/types.js';
import { scenario } from '../../../scripts/bench/schedule-scenario.js';

let t: TestApp;
let staff: HttpClient;
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist', { username: 'demo-loader' });
  const codes = ['T002', 'T008', 'T011', 'H-VGI-01', 'H-VGI-02', 'H-VGI-03', 'H-VGI-05', 'H-VGI-08', ...['TPHY', 'TXMH', 'VLA', 'YMY', 'KCH', 'ATH', 'KDO', 'PCU', 'TLU'].map((c) => `H-${c}-01`)];
  for (const code of codes) {
    const r = await staff.post('/api/agencies', { code, name: `Cơ quan ${code}`, level: code.startsWith('T') ? 'province' : 'district' });
    expect(r.status).toBe(201);
  }
  const api = new ApiClient(t.baseUrl);
  await api.login('demo-loader', 'mat-khau-thu-nghiem');
  await loadBacklogDemo(api);
});
afterAll(() => t?.close());

describe('planning engine in a worker thread', () => {
  it('when a plan of the demo backlog is made over HTTP, then the stored result equals the engine run in-process on the stored input', async () => {
    // A short horizon leaves work unplaced, so the beyond-horizon estimate (a second engine run) is compared too.
    for (const horizonWeeks of [104, 8]) {
      const r = await staff.post('/api/scheduling/plans', { label: `Kế hoạch ${horizonWeeks} tuần`, horizonWeeks });
      expect(r.status).toBe(201);
      const [row] = await t.db.query<{ input: ScheduleInput & { context: unknown }; result: Record<string, unknown> }>(
        'SELECT input, result FROM schedule_plans WHERE id = $1', [r.body.id]);
      const { context: _context, ...input } = row.input;
      const local = computePlan(input);
      expect(row.result).toEqual(json({ ...local.engine, beyondHorizon: local.beyondHorizon }));
      expect(local.engine.items.length).toBeGreaterThan(0);
      if (horizonWeeks === 8) expect(local.beyondHorizon).not.toBeNull();
    }
  });

  it('when the engine runs off-thread, then it gives the same plan as in-process on the bench scenario', async () => {
    const input = scenario({ items: 300, staff: 12, weeks: 52, seed: 11 });
    expect(await computePlanOffThread(input)).toEqual(json(computePlan(input)));
  });

  it('when the worker runs out of memory, then the plan fails with PLAN_ENGINE_FAILED and the next plan still runs', async () => {
    const input = scenario({ items: 2000, staff: 30, weeks: 104, seed: 3, load: 3 });
    await expect(computePlanOffThread(input, { maxHeapMb: 2 })).rejects.toMatchObject({ code: 'PLAN_ENGINE_FAILED', status: 503 });
    const small = scenario({ items: 50, staff: 5, weeks: 26, seed: 5 });
    expect(await computePlanOffThread(small)).toEqual(json(computePlan(small)));
  });

  it('when the worker overruns its time limit, then it is stopped and the plan fails with PLAN_ENGINE_FAILED', async () => {
    const input = scenario({ items: 2000, staff: 30, weeks: 104, seed: 3 });
    // 1 ms: the worker cannot even start in that time, so this fails the same way however fast the machine is.
    await expect(computePlanOffThread(input, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'PLAN_ENGINE_FAILED', status: 503 });
  });

  it('when a plan is made over HTTP while the worker is busy with another, then both are stored', async () => {
    const [a, b] = await Promise.all([
      staff.post('/api/scheduling/plans', { label: 'Song song A', horizonWeeks: 52 }),
      staff.post('/api/scheduling/plans', { label: 'Song song B', horizonWeeks: 52 }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.finish).toBe(b.body.finish);
  });
});
