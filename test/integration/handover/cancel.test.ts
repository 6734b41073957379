import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { countEvents, newHandover, seedWorld, uploadRows, type World } from './fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const overdueOf = async (agencyId: number) => (await w.staff.get(`/api/agencies/${agencyId}/deadlines`)).body.summary.overdue.files as number;

describe('cancelling a draft handover', () => {
  it('when the agency cancels its own draft with a reason, then it is kept as cancelled, the event says who and why, and lists leave it out unless asked', async () => {
    const agency = await t.as('agency', { agencyId: w.agencyId });
    const h = await newHandover(w, agency);
    const r = await agency.post(`/api/handovers/${h.id}/cancel`, { reason: 'Bản nháp lập thử' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ id: h.id, status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await countEvents(t, 'handover.cancelled', h.id)).toBe(1);
    const [ev] = await t.db.query<{ data: { reason: string }; before: { status: string } }>(
      `SELECT data, before FROM events WHERE action = 'handover.cancelled' AND entity_id = $1`, [String(h.id)],
    );
    expect(ev).toMatchObject({ data: { reason: 'Bản nháp lập thử' }, before: { status: 'draft' } });
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body.status).toBe('cancelled');
    const ids = async (q: string) => ((await w.staff.get(`/api/handovers?agencyId=${w.agencyId}${q}`)).body.items as { id: number }[]).map((x) => x.id);
    expect(await ids('')).not.toContain(h.id);
    expect(await ids('&status=cancelled')).toEqual([h.id]);
  });

  it('when a handover is past draft or already cancelled, then cancelling, editing, uploading and submitting are refused with 409', async () => {
    const h = await newHandover(w);
    expect((await uploadRows(w, h.id, inventoryRows(3))).status).toBe(200);
    expect((await w.staff.post(`/api/handovers/${h.id}/submit`, {})).status).toBe(200);
    const late = await w.staff.post(`/api/handovers/${h.id}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('HANDOVER_STATE_INVALID');

    const c = await newHandover(w);
    expect((await w.staff.post(`/api/handovers/${c.id}/cancel`, {})).status).toBe(200);
    const again = await w.staff.post(`/api/handovers/${c.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('đã hủy');
    expect((await w.staff.patch(`/api/handovers/${c.id}`, { title: 'Đổi tên' })).body.error.code).toBe('HANDOVER_STATE_INVALID');
    expect((await uploadRows(w, c.id, inventoryRows(3))).body.error.code).toBe('HANDOVER_STATE_INVALID');
    expect((await w.staff.post(`/api/handovers/${c.id}/submit`, {})).body.error.code).toBe('HANDOVER_STATE_INVALID');
  });

  it("when another agency's account tries to cancel, then the handover looks like it does not exist", async () => {
    const h = await newHandover(w);
    const other = await t.as('agency', { agencyId: w.otherAgencyId });
    expect((await other.post(`/api/handovers/${h.id}/cancel`, {})).status).toBe(404);
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body.status).toBe('draft');
  });
});

describe('files owed by an agency', () => {
  it('when the same files sit in several drafts, then each is owed once; when a draft is cancelled, then its own files are owed no more', async () => {
    const v = await seedWorld(t);
    const drafts = [];
    for (let i = 0; i < 3; i++) {
      const h = await newHandover(v);
      expect((await uploadRows(v, h.id, inventoryRows(20))).status).toBe(200); // ended 2005–2009: overdue
      drafts.push(h);
    }
    const extra = await newHandover(v);
    const more = inventoryRows(25).slice(20).map((r, i) => ({ ...r, stt: i + 1 }));
    expect((await uploadRows(v, extra.id, more)).status).toBe(200);
    expect(await overdueOf(v.agencyId)).toBe(25);
    const page = await v.staff.get(`/api/agencies/${v.agencyId}/deadlines/files?list=overdue&limit=500`);
    expect(page.body.total).toBe(25);
    const notations = (page.body.items as { fileNotation: string }[]).map((f) => f.fileNotation);
    expect(new Set(notations).size).toBe(notations.length);
    const listed = (await v.staff.get('/api/deadlines/overdue')).body.items.find((a: { agencyId: number }) => a.agencyId === v.agencyId);
    expect(listed.overdueFiles).toBe(25);

    expect((await v.staff.post(`/api/handovers/${extra.id}/cancel`, { reason: 'Nhập nhầm' })).status).toBe(200);
    expect((await v.staff.post(`/api/handovers/${drafts[0].id}/cancel`, {})).status).toBe(200);
    expect(await overdueOf(v.agencyId)).toBe(20);
    for (const h of drafts.slice(1)) expect((await v.staff.post(`/api/handovers/${h.id}/cancel`, {})).status).toBe(200);
    expect(await overdueOf(v.agencyId)).toBe(0);
    expect((await v.staff.get('/api/deadlines/overdue')).body.items.map((a: { agencyId: number }) => a.agencyId)).not.toContain(v.agencyId);
  });
});
