import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { insertRecordFile } from '../deadlines/record-file.factory.js';

let t: TestApp;
let admin: HttpClient;
const ids: Record<string, number> = {};

async function create(body: Record<string, unknown>) {
  const r = await admin.post('/api/agencies', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  ids[body.code as string] = r.body.id;
  return r.body;
}

const codes = (r: { body: { items: { code: string }[] } }) => r.body.items.map((a) => a.code);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  await create({ code: 'SNV', name: 'Sở Nội vụ', level: 'province', listingDecision: 'QĐ 3219/QĐ-UBND' });
  await create({ code: 'STC', name: 'Sở Tài chính', level: 'province' });
  await create({ code: 'DU-TINH', name: 'Đảng ủy khối cơ quan tỉnh', level: 'province' });
  await create({ code: 'UB-VG', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' });
  await create({ code: 'PNV-VG', name: 'Phòng Nội vụ huyện Văn Giang', level: 'district', parentId: ids['UB-VG'] });
  await create({ code: 'UB-XA', name: 'Ủy ban nhân dân xã Xuân Quan', level: 'commune', parentId: ids['UB-VG'] });
});
afterAll(() => t?.close());

describe('source agency list', () => {
  it('when searching without tone marks, then "so noi vu" finds "Sở Nội vụ" and "dang uy" finds "Đảng ủy"', async () => {
    expect(codes(await admin.get(`/api/agencies?q=${encodeURIComponent('so noi vu')}`))).toEqual(['SNV']);
    expect(codes(await admin.get(`/api/agencies?q=${encodeURIComponent('dang uy')}`))).toEqual(['DU-TINH']);
  });

  it('when the query is typed in NFD (decomposed marks), then it matches the same agencies as NFC', async () => {
    const nfd = 'Nội vụ'.normalize('NFD');
    expect(nfd).not.toBe('Nội vụ'.normalize('NFC'));
    const r = await admin.get(`/api/agencies?q=${encodeURIComponent(nfd)}&sort=code`);
    expect(codes(r)).toEqual(['PNV-VG', 'SNV']);
  });

  it('when the query has several words, then each must match, in any order', async () => {
    expect(codes(await admin.get(`/api/agencies?q=${encodeURIComponent('van giang phong')}`))).toEqual(['PNV-VG']);
  });

  it('when filtering by level, parent and status, then only matching agencies come back with the right total', async () => {
    const district = await admin.get('/api/agencies?level=district');
    expect(codes(district)).toEqual(['PNV-VG', 'UB-VG']);
    expect(district.body.total).toBe(2);
    expect(codes(await admin.get(`/api/agencies?parentId=${ids['UB-VG']}`))).toEqual(['PNV-VG', 'UB-XA']);
    expect(codes(await admin.get('/api/agencies?status=merged'))).toEqual([]);
  });

  it('when paging and sorting by name, then the order ignores tone marks and total counts all rows', async () => {
    const r = await admin.get('/api/agencies?sort=name&limit=2&offset=0');
    expect(r.body.total).toBe(6);
    expect(r.body.items.map((a: { name: string }) => a.name)).toEqual(['Đảng ủy khối cơ quan tỉnh', 'Phòng Nội vụ huyện Văn Giang']);
    const page2 = await admin.get('/api/agencies?sort=name&limit=2&offset=2');
    expect(page2.body.items.map((a: { name: string }) => a.name)).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
  });

  it('when an unknown query field or a bad level is sent, then 400 VALIDATION_FAILED', async () => {
    expect((await admin.get('/api/agencies?foo=1')).status).toBe(400);
    expect((await admin.get('/api/agencies?level=tinh')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/agencies?limit=501')).status).toBe(400);
  });
});

describe('agency accounts', () => {
  it('when an agency user lists agencies, then only its own agency is there, even when searching for others', async () => {
    const agency = await t.as('agency', { agencyId: ids.STC });
    const r = await agency.get('/api/agencies');
    expect(codes(r)).toEqual(['STC']);
    expect(r.body.total).toBe(1);
    expect(codes(await agency.get(`/api/agencies?q=${encodeURIComponent('noi vu')}`))).toEqual([]);
  });

  it('when an agency user opens its own agency, then 200; another agency, then 403; an unknown id, then 404', async () => {
    const agency = await t.as('agency', { agencyId: ids.STC });
    expect((await agency.get(`/api/agencies/${ids.STC}`)).status).toBe(200);
    const other = await agency.get(`/api/agencies/${ids.SNV}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect((await agency.get('/api/agencies/999999')).status).toBe(404);
  });

  it('when a researcher reads the register, then it may; when it tries to write, then 403', async () => {
    const researcher = await t.as('researcher');
    expect((await researcher.get('/api/agencies')).body.total).toBe(6);
    expect((await researcher.post('/api/agencies', { code: 'X', name: 'X', level: 'province' })).status).toBe(403);
  });
});

describe('creating and editing agencies', () => {
  it('when an agency is marked merged without a successor, then 400 AGENCY_INVALID and nothing changes', async () => {
    const r = await admin.patch(`/api/agencies/${ids['PNV-VG']}`, { status: 'merged' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('AGENCY_INVALID');
    expect(r.body.error.message).toContain('kế thừa');
    expect((await admin.get(`/api/agencies/${ids['PNV-VG']}`)).body.status).toBe('active');
  });

  it('when the successor is the agency itself or does not exist, then 400', async () => {
    const self = await admin.patch(`/api/agencies/${ids['PNV-VG']}`, { status: 'merged', successorId: ids['PNV-VG'] });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('AGENCY_INVALID');
    const missing = await admin.patch(`/api/agencies/${ids['PNV-VG']}`, { status: 'merged', successorId: 999999 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.problems[0].field).toBe('successorId');
  });

  it('when a parent link would make a loop, then 400 and the tree is unchanged', async () => {
    const r = await admin.patch(`/api/agencies/${ids['UB-VG']}`, { parentId: ids['PNV-VG'] });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('vòng lặp');
  });

  it('when a code is already used, then 409 AGENCY_CODE_TAKEN', async () => {
    const r = await admin.post('/api/agencies', { code: 'SNV', name: 'Trùng', level: 'province' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('AGENCY_CODE_TAKEN');
  });

  it('when a body has an unknown field or a non-existent date, then 400 VALIDATION_FAILED', async () => {
    expect((await admin.post('/api/agencies', { code: 'Y', name: 'Y', level: 'province', foo: 1 })).status).toBe(400);
    const r = await admin.patch(`/api/agencies/${ids.STC}`, { statusDate: '2025-02-30' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when a dissolved district agency is merged into the province one, then it keeps its fonds and files, the successor lists it, and events record the change', async () => {
    const f = await admin.post('/api/fonds', { code: 'P-PNV-VG', name: 'Phông Phòng Nội vụ huyện Văn Giang', agencyId: ids['PNV-VG'] });
    expect(f.status).toBe(201);
    await insertRecordFile(t.db, { agencyId: ids['PNV-VG'], endDate: '2010-06-30' });

    const r = await admin.patch(`/api/agencies/${ids['PNV-VG']}`, { status: 'dissolved', successorId: ids.SNV, statusDate: '2025-07-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'dissolved', successorId: ids.SNV, successorName: 'Sở Nội vụ', statusDate: '2025-07-01', fondsCodes: ['P-PNV-VG'] });
    expect(r.body.fonds.map((x: { code: string }) => x.code)).toEqual(['P-PNV-VG']);

    const successor = await admin.get(`/api/agencies/${ids.SNV}`);
    expect(successor.body.predecessors).toEqual([{ id: ids['PNV-VG'], code: 'PNV-VG', name: 'Phòng Nội vụ huyện Văn Giang', status: 'dissolved' }]);
    const parent = await admin.get(`/api/agencies/${ids['UB-VG']}`);
    expect(parent.body.children.map((c: { code: string }) => c.code)).toEqual(['PNV-VG', 'UB-XA']);

    const deadlines = await admin.get(`/api/agencies/${ids['PNV-VG']}/deadlines`);
    expect(deadlines.body.summary.overdue.files).toBe(1);

    const events = await admin.get(`/api/events?entityType=agency&entityId=${ids['PNV-VG']}`);
    const updated = events.body.find((e: { action: string }) => e.action === 'agency.updated');
    expect(updated.before).toMatchObject({ status: 'active', successorId: null });
    expect(updated.after).toMatchObject({ status: 'dissolved', successorId: ids.SNV });
  });

  it('when a successor chain would loop back, then 400', async () => {
    // PNV-VG is succeeded by SNV; making SNV succeeded by PNV-VG closes the loop.
    const r = await admin.patch(`/api/agencies/${ids.SNV}`, { status: 'merged', successorId: ids['PNV-VG'] });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('vòng lặp');
  });

  it('when a PATCH changes nothing, then no event is written', async () => {
    const before = (await admin.get(`/api/events?entityType=agency&entityId=${ids.STC}`)).body.length;
    expect((await admin.patch(`/api/agencies/${ids.STC}`, { name: 'Sở Tài chính' })).status).toBe(200);
    expect((await admin.get(`/api/events?entityType=agency&entityId=${ids.STC}`)).body.length).toBe(before);
  });
});
