import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;
let snv: number;
let stc: number;
let fondsId: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  snv = (await admin.post('/api/agencies', { code: 'SNV', name: 'Sở Nội vụ', level: 'province' })).body.id;
  stc = (await admin.post('/api/agencies', { code: 'STC', name: 'Sở Tài chính', level: 'province' })).body.id;
});
afterAll(() => t?.close());

describe('fonds', () => {
  it('when a fonds is created, then it is returned with its agency name and shows on the agency', async () => {
    const r = await admin.post('/api/fonds', { code: 'P01', name: 'Phông Sở Nội vụ', agencyId: snv, startYear: 1997, endYear: 2015, creatorHistory: 'Thành lập năm 1997.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    fondsId = r.body.id;
    expect(r.body).toMatchObject({ code: 'P01', kind: 'fonds', status: 'open', agencyId: snv, agencyName: 'Sở Nội vụ', startYear: 1997, endYear: 2015, fondsHistory: null });
    expect((await admin.get(`/api/agencies/${snv}`)).body.fondsCodes).toEqual(['P01']);
    await admin.post('/api/fonds', { code: 'P02', name: 'Phông Sở Tài chính', agencyId: stc });
  });

  it('when searching and filtering fonds, then accent-insensitive search and agencyId work', async () => {
    expect((await admin.get(`/api/fonds?q=${encodeURIComponent('so tai chinh')}`)).body.items.map((f: { code: string }) => f.code)).toEqual(['P02']);
    const r = await admin.get(`/api/fonds?agencyId=${snv}`);
    expect(r.body).toMatchObject({ total: 1, items: [{ code: 'P01' }] });
  });

  it('when a fonds is closed, then the change is saved with an event; a bad year range or duplicate code is refused', async () => {
    const r = await admin.patch(`/api/fonds/${fondsId}`, { status: 'closed', fondsHistory: 'Đóng phông năm 2025.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'closed', fondsHistory: 'Đóng phông năm 2025.' });
    const ev = (await admin.get(`/api/events?entityType=fonds&entityId=${fondsId}&action=fonds.updated`)).body;
    expect(ev[0]).toMatchObject({ before: { status: 'open', fondsHistory: null }, after: { status: 'closed' } });
    expect((await admin.patch(`/api/fonds/${fondsId}`, { startYear: 2020 })).body.error.code).toBe('FONDS_INVALID');
    expect((await admin.patch(`/api/fonds/${fondsId}`, { code: 'P02' })).status).toBe(409);
    expect((await admin.post('/api/fonds', { code: 'P03', name: 'X', agencyId: 999999 })).status).toBe(400);
    expect((await admin.patch('/api/fonds/999999', { name: 'X' })).status).toBe(404);
  });

  it('when an agency user reads fonds, then only its own: list narrowed, other agency 403', async () => {
    const agency = await t.as('agency', { agencyId: stc });
    expect((await agency.get('/api/fonds')).body.items.map((f: { code: string }) => f.code)).toEqual(['P02']);
    expect((await agency.get(`/api/fonds/${fondsId}`)).status).toBe(403);
    expect((await agency.get(`/api/fonds?agencyId=${snv}`)).status).toBe(403);
    expect((await agency.post('/api/fonds', { code: 'P09', name: 'X' })).status).toBe(403);
  });
});
