import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;
const ids: Record<string, number> = {};
let planId: number;

/** Sessions expire by the same clock, so moving it far means signing in again. */
async function at(iso: string) {
  t.now.value = new Date(iso);
  admin = await t.as('admin');
}

const row = (plan: { agencies: { agencyCode: string }[] }, code: string): any => plan.agencies.find((a) => a.agencyCode === code)!;

beforeAll(async () => {
  t = await startTestApp();
  await at('2026-03-10T09:00:00+07:00');
  for (const [code, name] of [['SYT', 'Sở Y tế'], ['SGD', 'Sở Giáo dục và Đào tạo'], ['SXD', 'Sở Xây dựng'], ['SCT', 'Sở Công Thương']]) {
    ids[code] = (await admin.post('/api/agencies', { code, name, level: 'province' })).body.id;
  }
  const r = await admin.post('/api/plans', {
    year: 2026, decisionNo: '667/QĐ-UBND', decisionDate: '2026-03-03', recordsToYear: 2016, handoverPlanNo: '12/KH-SNV',
    agencies: [{ agencyId: ids.SYT, scheduledMonth: 5 }, { agencyId: ids.SGD, scheduledMonth: 11 }, { agencyId: ids.SXD, scheduledMonth: 3, note: 'Nộp sớm' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  planId = r.body.id;
});
afterAll(() => t?.close());

describe('collection plans and lateness', () => {
  it('when a plan is created, then it lists its agencies as planned with the issuer defaulted to UBND tỉnh', async () => {
    const r = await admin.get(`/api/plans/${planId}`);
    expect(r.body).toMatchObject({ year: 2026, decisionNo: '667/QĐ-UBND', decisionDate: '2026-03-03', issuer: 'UBND tỉnh', recordsToYear: 2016, handoverPlanNo: '12/KH-SNV' });
    expect(r.body.agencies.map((a: { agencyCode: string }) => a.agencyCode)).toEqual(['SXD', 'SYT', 'SGD']);
    expect(row(r.body, 'SXD')).toMatchObject({ agencyName: 'Sở Xây dựng', scheduledMonth: 3, status: 'planned', note: 'Nộp sớm', late: false, lateDays: 0, handoverId: null });
    expect(r.body.counts).toEqual({ planned: 3, inventory_submitted: 0, appraised: 0, approved: 0, received: 0, late: 0 });
  });

  it('when the last day of the scheduled month ends (Vietnam time), then the agency becomes late by whole days', async () => {
    await at('2026-05-31T23:59:00+07:00');
    expect(row((await admin.get(`/api/plans/${planId}`)).body, 'SYT')).toMatchObject({ late: false, lateDays: 0 });
    // 17:30 UTC on 31 May is already 1 June in Hưng Yên.
    await at('2026-05-31T17:30:00Z');
    const r = await admin.get(`/api/plans/${planId}`);
    expect(row(r.body, 'SYT')).toMatchObject({ late: true, lateDays: 1 });
    expect(row(r.body, 'SXD')).toMatchObject({ late: true, lateDays: 62 });
    expect(row(r.body, 'SGD')).toMatchObject({ late: false, lateDays: 0 });
    expect(r.body.counts.late).toBe(2);
  });

  it('when an agency is received, then it is no longer late and its status change time is the clock time', async () => {
    await at('2026-12-15T10:00:00+07:00');
    const r = await admin.patch(`/api/plans/${planId}/agencies/${ids.SXD}`, { status: 'received' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'received', late: false, lateDays: 0 });
    expect(new Date(r.body.statusChangedAt).toISOString()).toBe(t.now.value.toISOString());
    const plan = (await admin.get(`/api/plans/${planId}`)).body;
    expect(row(plan, 'SGD')).toMatchObject({ late: true, lateDays: 15 });
    expect(plan.counts).toMatchObject({ planned: 2, received: 1, late: 2 });
    const list = (await admin.get('/api/plans?year=2026')).body.items;
    expect(list).toHaveLength(1);
    expect(list[0].counts).toEqual(plan.counts);
  });

  it('when the handover workflow moves an agency along, then the plan follows with an event; an agency outside the plan is a no-op', async () => {
    const actor = { id: 0, username: 'system', displayName: 'Hệ thống', role: 'archivist' as const, agencyId: null };
    await t.db.transaction(async (tx) => {
      await t.services.intake.setPlanAgencyStatus(tx, actor, planId, ids.SYT, 'inventory_submitted');
      await t.services.intake.setPlanAgencyStatus(tx, actor, planId, ids.SCT, 'received');
    });
    const plan = (await admin.get(`/api/plans/${planId}`)).body;
    expect(row(plan, 'SYT').status).toBe('inventory_submitted');
    expect(plan.agencies.map((a: { agencyCode: string }) => a.agencyCode)).not.toContain('SCT');
    const events = (await admin.get(`/api/events?entityType=plan&entityId=${planId}&action=plan.agency_status_changed`)).body;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { status: 'planned' }, after: { status: 'inventory_submitted' }, data: { agencyId: ids.SYT } });
  });

  it('when a handover is filed under the plan, then the planned agency links to it', async () => {
    const [h] = await t.db.query<{ id: number }>(`INSERT INTO handovers (agency_id, plan_id, title) VALUES ($1, $2, 'Hồ sơ Sở Y tế') RETURNING id`, [ids.SYT, planId]);
    expect(row((await admin.get(`/api/plans/${planId}`)).body, 'SYT').handoverId).toBe(h.id);
  });

  it('when an agency is added to the plan, then 201; twice, then 409; unknown agency, then 400; unknown plan, then 404', async () => {
    const r = await admin.post(`/api/plans/${planId}/agencies`, { agencyId: ids.SCT, scheduledMonth: 12 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ agencyId: ids.SCT, agencyCode: 'SCT', scheduledMonth: 12, status: 'planned', late: false });
    expect((await admin.post(`/api/plans/${planId}/agencies`, { agencyId: ids.SCT, scheduledMonth: 12 })).body.error.code).toBe('PLAN_AGENCY_EXISTS');
    expect((await admin.post(`/api/plans/${planId}/agencies`, { agencyId: 999999, scheduledMonth: 1 })).status).toBe(400);
    expect((await admin.post('/api/plans/999999/agencies', { agencyId: ids.SCT, scheduledMonth: 1 })).status).toBe(404);
  });

  it('when plan input is wrong, then a 4xx explains it and nothing is created', async () => {
    const base = { year: 2027, decisionNo: '1/QĐ-UBND', decisionDate: '2027-03-01', recordsToYear: 2017 };
    expect((await admin.post('/api/plans', { ...base, agencies: [{ agencyId: ids.SYT, scheduledMonth: 13 }] })).status).toBe(400);
    expect((await admin.post('/api/plans', { ...base, recordsToYear: 2030 })).body.error.code).toBe('PLAN_INVALID');
    expect((await admin.post('/api/plans', { ...base, agencies: [{ agencyId: 999999, scheduledMonth: 4 }] })).status).toBe(400);
    expect((await admin.get('/api/plans?year=2027')).body.items).toEqual([]);
    expect((await admin.post('/api/plans', { year: 2026, decisionNo: '667/QĐ-UBND', decisionDate: '2026-03-03', recordsToYear: 2016 })).status).toBe(409);
    expect((await admin.patch(`/api/plans/${planId}/agencies/${ids.SYT}`, { status: 'lost' })).status).toBe(400);
  });

  it('when a researcher or an agency asks for plans, then 403', async () => {
    expect((await (await t.as('researcher')).get('/api/plans')).status).toBe(403);
    expect((await (await t.as('agency', { agencyId: ids.SYT })).get(`/api/plans/${planId}`)).status).toBe(403);
  });
});
