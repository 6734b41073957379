/**
 * The scheduling part of the demo, on its own: the agencies it refers to, then loadBacklogDemo through the API.
 * Its figures must match the seeds (Văn Giang 302 m, ≈ 1,635 m overall) and its plans must respect capacity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { ApiClient } from '../../../server/demo/api-client.js';
import { loadBacklogDemo } from '../../../server/demo/backlog-demo.js';

let t: TestApp;
let staff: HttpClient;

beforeAll(async () => {
  // Plans, holidays and deadlines depend on the day: pin it rather than inherit whatever the harness defaults to.
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist', { username: 'demo-loader' });
  const codes = ['T002', 'T008', 'T011', 'H-VGI-01', 'H-VGI-02', 'H-VGI-03', 'H-VGI-05', 'H-VGI-08', ...['TPHY', 'TXMH', 'VLA', 'YMY', 'KCH', 'ATH', 'KDO', 'PCU', 'TLU'].map((c) => `H-${c}-01`)];
  for (const code of codes) {
    const r = await staff.post('/api/agencies', { code, name: `Cơ quan ${code}`, level: code.startsWith('T') ? 'province' : 'district' });
    expect(r.status).toBe(201);
  }
});
afterAll(() => t?.close());

describe('backlog demo data', () => {
  it('when the backlog demo is loaded, then the seed figures show and every stored plan stays within capacity', async () => {
    const api = new ApiClient(t.baseUrl);
    await api.login('demo-loader', 'mat-khau-thu-nghiem');
    const summary = await loadBacklogDemo(api);
    expect(summary).toMatchObject({ staff: 22, plans: 4 });

    const all = (await staff.get('/api/scheduling/backlog')).body;
    const metres = all.totals.measuredMetres + all.totals.estimatedMetres;
    expect(metres).toBeGreaterThan(1600);
    expect(metres).toBeLessThan(1700);
    const vanGiang = all.items.filter((b: { agencyCode: string }) => b.agencyCode.startsWith('H-VGI-'));
    expect(vanGiang.reduce((t: number, b: { measuredMetres: number | null; estimatedMetres: number | null }) => t + (b.measuredMetres ?? b.estimatedMetres ?? 0), 0)).toBe(302);
    const pages = (await staff.get('/api/scheduling/restoration')).body.totals.pages;
    expect(pages).toBe(3100);

    const plans = (await staff.get('/api/scheduling/plans')).body.items as { id: number; kind: string; finish: string | null }[];
    expect(plans.map((p) => p.kind).sort()).toEqual(['plan', 'replan', 'what_if', 'what_if']);
    for (const p of plans) {
      const view = (await staff.get(`/api/scheduling/plans/${p.id}`)).body;
      expect(view.staff.every((s: { overloaded: number }) => s.overloaded === 0)).toBe(true);
    }
    const replan = plans.find((p) => p.kind === 'replan')!;
    // The year's plan fits: every item gets a finish date inside the horizon.
    const yearPlan = (await staff.get(`/api/scheduling/plans/${replan.id}`)).body;
    expect(yearPlan.unplaced).toEqual([]);
    expect(yearPlan.finish <= yearPlan.targetDate).toBe(true);
    expect(yearPlan.missedTargets).toEqual([]);
    const fewer = (await staff.get('/api/scheduling/plans')).body.items.find((p: { label: string }) => p.label.includes('chuyển công tác'));
    expect(fewer.finish === null || fewer.finish >= replan.finish!).toBe(true);
    const bd = (await staff.get(`/api/scheduling/burndown?planId=${plans.find((p) => p.kind === 'plan')!.id}`)).body;
    expect(bd.paceHoursPerWeek).toBeGreaterThan(0);
    expect(bd.weeks.filter((w: { actualRemainingHours: number | null }) => w.actualRemainingHours !== null).length).toBeGreaterThanOrEqual(10);
  });
});
