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

const planStatus = async (planId: number, agencyId: number) =>
  (await t.db.query<{ status: string }>(`SELECT status FROM collection_plan_agencies WHERE plan_id = $1 AND agency_id = $2`, [planId, agencyId]))[0].status;

describe('handover header', () => {
  it('when a handover is created, then it is a draft with the agency and fonds names and an audit event', async () => {
    const h = await newHandover(w, w.staff, { declaredBoxes: 5, deliveringName: 'Nguyễn Văn An' });
    expect(h).toMatchObject({
      agencyId: w.agencyId, agencyCode: w.agencyCode, fondsId: w.fondsId, fondsCode: expect.any(String), fondsName: expect.stringContaining('Phông'),
      planId: w.planId, inventoryNo: 1, status: 'draft', locked: false, declaredBoxes: 5, inventoryCopies: 2,
      summary: { files: 0, boxes: 0, sheets: 0, estimatedMetres: 0, filesPerMetre: null, ratioFlag: null }, counts: null,
    });
    expect(await countEvents(t, 'handover.created', h.id)).toBe(1);
    const list = await w.staff.get(`/api/handovers?agencyId=${w.agencyId}&status=draft`);
    expect(list.body.items.map((x: any) => x.id)).toContain(h.id);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
  });

  it('when the fonds belongs to another agency or the agency is not in the plan, then 400 and nothing is created', async () => {
    const [f] = await t.db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ('PX.99', 'Phông khác', $1) RETURNING id`, [w.otherAgencyId]);
    const before = await t.db.query(`SELECT id FROM handovers`);
    const bad = await w.staff.post('/api/handovers', { agencyId: w.agencyId, fondsId: f.id, title: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('FONDS_AGENCY_MISMATCH');
    const notPlanned = await w.staff.post('/api/handovers', { agencyId: w.otherAgencyId, planId: w.planId, title: 'X' });
    expect(notPlanned.body.error.code).toBe('AGENCY_NOT_IN_PLAN');
    const unknown = await w.staff.post('/api/handovers', { agencyId: w.agencyId, title: 'X', status: 'received' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.db.query(`SELECT id FROM handovers`)).length).toBe(before.length);
  });

  it('when the header is patched, then only changed fields are logged with before and after', async () => {
    const h = await newHandover(w);
    const r = await w.staff.patch(`/api/handovers/${h.id}`, { declaredBoxes: 7, place: 'Hưng Yên', title: h.title });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ declaredBoxes: 7, place: 'Hưng Yên' });
    const [e] = await t.db.query<{ before: any; after: any }>(`SELECT before, after FROM events WHERE action = 'handover.updated' AND entity_id = $1`, [String(h.id)]);
    expect(e).toEqual({ before: { declaredBoxes: null, place: null }, after: { declaredBoxes: 7, place: 'Hưng Yên' } });
  });
});

describe('appraisal workflow', () => {
  it('when a draft has no inventory, then submitting is refused with 409 INVENTORY_EMPTY', async () => {
    const h = await newHandover(w);
    const r = await w.staff.post(`/api/handovers/${h.id}/submit`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVENTORY_EMPTY');
  });

  it('when a handover goes draft → submitted → returned → submitted → appraised → approved, then statuses, timestamps, comments and the plan follow', async () => {
    const h = await newHandover(w);
    await uploadRows(w, h.id, inventoryRows(12, { filesPerBox: 6 }));

    const sub = await w.staff.post(`/api/handovers/${h.id}/submit`);
    expect(sub.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    expect(await planStatus(w.planId, w.agencyId)).toBe('inventory_submitted');

    const ret = await w.staff.post(`/api/handovers/${h.id}/return`, { reason: 'Thiếu Ghi chú hồ sơ số 3' });
    expect(ret.body).toMatchObject({ status: 'draft', submittedAt: null });
    expect(await planStatus(w.planId, w.agencyId)).toBe('planned');
    const [ev] = await t.db.query<{ data: any }>(`SELECT data FROM events WHERE action = 'handover.returned' AND entity_id = $1`, [String(h.id)]);
    expect(ev.data).toEqual({ reason: 'Thiếu Ghi chú hồ sơ số 3' });

    expect((await w.staff.post(`/api/handovers/${h.id}/submit`)).status).toBe(200);
    const badComment = await w.staff.post(`/api/handovers/${h.id}/appraise`, { summary: 'Đạt', comments: [{ rowNo: 99, comment: 'x' }] });
    expect(badComment.status).toBe(400);
    expect(badComment.body.error.code).toBe('ROW_NOT_FOUND');
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body.status).toBe('submitted');

    const appr = await w.staff.post(`/api/handovers/${h.id}/appraise`, {
      summary: 'Mục lục đạt yêu cầu, đề nghị Sở Nội vụ phê duyệt',
      comments: [{ rowNo: 3, comment: 'Tiêu đề cần ghi rõ trích yếu' }, { rowNo: null, comment: 'Hồ sơ đã được chỉnh lý hoàn chỉnh' }],
    });
    expect(appr.body).toMatchObject({ status: 'appraised', appraisalSummary: 'Mục lục đạt yêu cầu, đề nghị Sở Nội vụ phê duyệt', appraisedAt: expect.any(String) });
    expect(await planStatus(w.planId, w.agencyId)).toBe('appraised');
    const inv = await w.staff.get(`/api/handovers/${h.id}/inventory?limit=3`);
    expect(inv.body.items[2].comments).toEqual([{ id: expect.any(Number), comment: 'Tiêu đề cần ghi rõ trích yếu', authorName: expect.any(String), createdAt: expect.any(String) }]);
    expect(inv.body.items[0].comments).toEqual([]);

    const ok = await w.staff.post(`/api/handovers/${h.id}/approve`, { approvalDecision: 'Quyết định số 45/QĐ-SNV ngày 10/6/2026' });
    expect(ok.body).toMatchObject({ status: 'approved', approvalDecision: 'Quyết định số 45/QĐ-SNV ngày 10/6/2026', approvedAt: expect.any(String) });
    expect(await planStatus(w.planId, w.agencyId)).toBe('approved');
    for (const a of ['handover.submitted', 'handover.appraised', 'handover.approved']) expect(await countEvents(t, a, h.id)).toBeGreaterThanOrEqual(1);
  });

  it('when a step is taken out of order, then 409 HANDOVER_STATE_INVALID and the status stays', async () => {
    const h = await newHandover(w);
    await uploadRows(w, h.id, inventoryRows(3));
    const approve = await w.staff.post(`/api/handovers/${h.id}/approve`, { approvalDecision: 'QĐ 1' });
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('HANDOVER_STATE_INVALID');
    expect((await w.staff.post(`/api/handovers/${h.id}/return`, { reason: 'x' })).status).toBe(409);
    await w.staff.post(`/api/handovers/${h.id}/submit`);
    const upload = await uploadRows(w, h.id, inventoryRows(4));
    expect(upload.status).toBe(409);
    expect(upload.body.error.code).toBe('HANDOVER_STATE_INVALID');
    const receive = await w.staff.post(`/api/handovers/${h.id}/receive`, { handoverDate: '2026-11-20', physicalCondition: 'Tốt', deliveringName: 'A', deliveringPosition: 'B', receivingName: 'C', receivingPosition: 'D', discrepancies: [] });
    expect(receive.status).toBe(409);
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body.status).toBe('submitted');
  });

  it('when a handover is not in a plan, then the workflow runs without touching any plan', async () => {
    const h = await newHandover(w, w.staff, { planId: null });
    await uploadRows(w, h.id, inventoryRows(3));
    const before = await planStatus(w.planId, w.agencyId);
    expect((await w.staff.post(`/api/handovers/${h.id}/submit`)).body.status).toBe('submitted');
    expect(await planStatus(w.planId, w.agencyId)).toBe(before);
  });
});
