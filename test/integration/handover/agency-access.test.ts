import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { inventoryRows, writeInventoryCsv } from '../../support/inventory-factory.js';
import { newHandover, seedWorld, uploadRows, type World } from './fixture.js';

let t: TestApp;
let w: World;
let own: HttpClient;
let other: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
  own = await t.as('agency', { agencyId: w.agencyId });
  other = await t.as('agency', { agencyId: w.otherAgencyId });
});
afterAll(() => t?.close());

describe('agency accounts on handovers', () => {
  it('when an agency user prepares its own handover, then it can create, edit, upload, submit and download the draft record', async () => {
    const h = await newHandover(w, own);
    expect(h.status).toBe('draft');
    expect((await own.patch(`/api/handovers/${h.id}`, { deliveringName: 'Nguyễn Văn An', declaredBoxes: 1 })).status).toBe(200);
    expect((await uploadRows(w, h.id, inventoryRows(5), own)).status).toBe(200);
    expect((await own.get(`/api/handovers/${h.id}/inventory`)).body.total).toBe(5);
    expect((await own.post(`/api/handovers/${h.id}/submit`)).body.status).toBe('submitted');
    const doc = await own.get(`/api/handovers/${h.id}/record.docx`);
    expect(doc.status).toBe(200);
    // Once submitted the agency can only look.
    const edit = await own.patch(`/api/handovers/${h.id}`, { place: 'Hưng Yên' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('HANDOVER_STATE_INVALID');
    expect((await uploadRows(w, h.id, inventoryRows(2), own)).status).toBe(409);
  });

  it('when an agency user calls a staff-only step, then 403 FORBIDDEN', async () => {
    const h = await newHandover(w, own);
    await uploadRows(w, h.id, inventoryRows(2), own);
    await own.post(`/api/handovers/${h.id}/submit`);
    for (const [url, body] of [
      ['return', { reason: 'x' }],
      ['appraise', { summary: 'x', comments: [] }],
      ['approve', { approvalDecision: 'x' }],
      ['amendments', { field: 'attachments', value: 'x', reason: 'x' }],
    ] as const) {
      const r = await own.post(`/api/handovers/${h.id}/${url}`, body);
      expect(r.status, url).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    expect((await own.get(`/api/handovers/${h.id}`)).body.status).toBe('submitted');
  });

  it('when an agency user reaches for another agency’s handover, then it does not exist for them and nothing changes', async () => {
    const h = await newHandover(w, own);
    await uploadRows(w, h.id, inventoryRows(3), own);
    const calls = [
      () => other.get(`/api/handovers/${h.id}`),
      () => other.get(`/api/handovers/${h.id}/inventory`),
      () => other.get(`/api/handovers/${h.id}/discrepancies`),
      () => other.get(`/api/handovers/${h.id}/amendments`),
      () => other.get(`/api/handovers/${h.id}/record.docx`),
      () => other.patch(`/api/handovers/${h.id}`, { title: 'Chiếm quyền' }),
      () => other.post(`/api/handovers/${h.id}/submit`),
      () => uploadRows(w, h.id, inventoryRows(1), other),
    ];
    for (const call of calls) {
      const r = await call();
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    const got = await own.get(`/api/handovers/${h.id}`);
    expect(got.body).toMatchObject({ status: 'draft', title: h.title, summary: { files: 3 } });
  });

  it('when an agency user lists handovers, then only its own agency’s appear, whatever filter it sends', async () => {
    const mine = await newHandover(w, own);
    const theirs = await w.staff.post('/api/handovers', { agencyId: w.otherAgencyId, title: 'Sở Xây dựng giao nộp' });
    expect(theirs.status).toBe(201);
    const list = await own.get(`/api/handovers?agencyId=${w.otherAgencyId}`);
    const ids = list.body.items.map((x: any) => x.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.body.id);
    expect(list.body.items.every((x: any) => x.agencyId === w.agencyId)).toBe(true);
    expect((await other.get('/api/handovers')).body.items.map((x: any) => x.id)).toEqual([theirs.body.id]);
  });

  it('when an agency user creates a handover for another agency, then 403 and nothing is created', async () => {
    const before = (await w.staff.get('/api/handovers?limit=500')).body.total;
    const r = await own.post('/api/handovers', { agencyId: w.otherAgencyId, title: 'Giả mạo' });
    expect(r.status).toBe(403);
    expect((await w.staff.get('/api/handovers?limit=500')).body.total).toBe(before);
  });

  it('when an agency user imports a register, then only for its own agency', async () => {
    const file = writeInventoryCsv(path.join(w.dir, 'so.csv'), inventoryRows(2, { fromYear: 2018 }));
    expect((await own.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', file)).status).toBe(200);
    const r = await own.upload(`/api/agencies/${w.otherAgencyId}/files/import`, 'file', file);
    expect(r.status).toBe(404);
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1`, [w.otherAgencyId]);
    expect(n).toBe(0);
  });

  it('when a researcher calls handover routes, then 403', async () => {
    const researcher = await t.as('researcher');
    expect((await researcher.get('/api/handovers')).status).toBe(403);
  });
});

describe('unknown ids and empty bodies', () => {
  it('when every handover route is called with id 999999 and an empty body by each role, then the answer is a 4xx, never a 5xx', async () => {
    const clients = { staff: w.staff, agency: own, researcher: await t.as('researcher'), anonymous: t.anonymous() };
    const routes = t.routes.filter((r) => r.tag === 'handovers' && r.path.includes(':id'));
    expect(routes.length).toBe(15); // …/cancel included
    const bad: string[] = [];
    for (const r of routes) {
      const url = r.path.replace(/:[A-Za-z]+/g, '999999');
      for (const [who, c] of Object.entries(clients)) {
        const res = await c.request(r.method.toUpperCase(), url, r.method === 'get' ? undefined : {});
        if (res.status < 400 || res.status >= 500) bad.push(`${who} ${r.method} ${url} → ${res.status}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
