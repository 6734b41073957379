/**
 * The first-run offer: an admin loads the Hưng Yên-like demo data into an empty database through
 * POST /api/setup/demo, which drives the public API (agency list import, inventories, receipts).
 * The figures must match the seed reports the demo imitates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { DEMO_PASSWORD } from '../../../server/demo/demo-loader.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

describe('demo data', () => {
  it('when an admin loads the demo into an empty database, then it finishes and the figures look like Hưng Yên', async () => {
    expect((await admin.get('/api/setup/demo')).body).toMatchObject({ empty: true, state: 'idle' });
    expect((await admin.post('/api/setup/demo')).status).toBe(202);
    let status: any;
    // Up to 200 s: the demo also loads the backlog, staff and plans of the scheduling area.
    for (let i = 0; i < 400; i++) {
      status = (await admin.get('/api/setup/demo')).body;
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status.state, status.error).toBe('done');

    const province = await admin.get('/api/agencies?level=province&limit=1');
    const district = await admin.get('/api/agencies?level=district&limit=1');
    expect(district.body.total).toBe(230);
    expect(province.body.total).toBe(83); // 82 listed in 2017 + Sở Nông nghiệp và Môi trường formed in 2025

    const y2021 = (await admin.get('/api/reports/yearly?year=2021')).body;
    // 1,100 + 824 listed, 2 missing, 1 extra; ≈ 60 m (seed: 1,924 files ≈ 60 m)
    expect(y2021).toMatchObject({ filesReceived: 1923, handoversReceived: 2, agenciesDeposited: 2, metresReceived: { measured: 60 } });
    const now = (await admin.get('/api/reports/yearly?year=2026')).body;
    expect(now.holdings.agencies).toBeGreaterThanOrEqual(30);
    expect(now.holdings.metres.estimated).toBeGreaterThan(320);
    expect(now.holdings.metres.estimated).toBeLessThan(350);

    const plans = (await admin.get('/api/plans')).body.items;
    expect(plans).toHaveLength(1);
    const plan = (await admin.get(`/api/plans/${plans[0].id}`)).body;
    expect(plan.agencies.filter((a: any) => a.status === 'received')).toHaveLength(2);
    expect(plan.agencies.filter((a: any) => a.status === 'appraised')).toHaveLength(1);
    expect(plan.agencies.filter((a: any) => a.late).length).toBeGreaterThan(0);

    const agency = t.anonymous();
    expect((await agency.login('coquan.sonoivu', DEMO_PASSWORD)).status).toBe(200);
    const mine = (await agency.get('/api/deadlines/mine')).body;
    expect(mine.agency.code).toBe('T003');
    for (const k of ['overdue', 'dueThisYear', 'dueNextYear', 'later'] as const) expect(mine.summary[k].files, k).toBeGreaterThan(0);
  }, 240_000);

  it('when the database is no longer empty, then loading again is refused with 409', async () => {
    const r = await admin.post('/api/setup/demo');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DEMO_NOT_EMPTY');
  });
});
