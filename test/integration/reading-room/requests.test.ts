import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { count, digitise, holding, registeredReader, staffWith, type Holding } from './rr-core-fixtures.js';

let t: TestApp;
let admin: HttpClient;
let head: HttpClient;
let director: HttpClient;
let plain: HttpClient;
let reader: { client: HttpClient; readerId: number; userId: number };
let other: { client: HttpClient; readerId: number; userId: number };
let open: Holding;
let mixed: Holding;
let twelve: Holding;

const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

/** Moves the clock; sessions last SESSION_TTL_HOURS, so every client signs in again at the new time. */
async function travel(at: string) {
  t.now.value = new Date(at);
  const staffPw = 'mat-khau-thu-nghiem';
  await Promise.all([
    admin.login('admin1', staffPw), head.login('truongphongdoc', staffPw), director.login('giamdoc', staffPw), plain.login('canbo', staffPw),
    reader.client.login('docgia1', 'mat-khau-doc-gia-1'), other.client.login('docgia2', 'mat-khau-doc-gia-1'),
  ]);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin', { username: 'admin1' });
  head = await staffWith(t, ['reading_room_head'], 'truongphongdoc');
  director = await staffWith(t, ['director'], 'giamdoc');
  plain = await t.as('archivist', { username: 'canbo' });
  reader = await registeredReader(t, 1);
  other = await registeredReader(t, 2);
  for (const r of [reader, other]) expect((await head.post(`/api/reading-room/readers/${r.readerId}/verify`, {})).status).toBe(200);
  open = await holding(t, [
    { title: 'Hồ sơ về việc tu bổ đê điều huyện Khoái Châu năm 1995', notation: '12/ĐĐ', catalog: '01', dateText: 'Tháng 3 năm 1995' },
    { title: 'Hồ sơ hội nghị tổng kết công tác thủy lợi', catalog: '01' },
    { title: 'Tập lưu công văn đi năm 1996', catalog: '02', startDate: '1996-01-01', endDate: '1996-12-31' },
  ], 'Phông Sở Nông nghiệp');
  mixed = await holding(t, [
    { title: 'Hồ sơ giải quyết khiếu nại đất đai (hạn chế)', accessLevel: 'restricted' },
    { title: 'Hồ sơ quốc phòng mật', secrecy: 'mat' },
    { title: 'Hồ sơ bị mục nát', condition: '04 - hư hỏng nặng' },
    { title: 'Hồ sơ đang tu bổ' },
    { title: 'Hồ sơ đã giải mật', secrecy: 'mat', declassifiedYear: 2020 },
  ]);
  twelve = await holding(t, Array.from({ length: 12 }, (_, i) => ({ title: `Hồ sơ số ${i + 1} về xây dựng`, catalog: null })));
});
afterAll(() => t?.close());

describe('finding aids', () => {
  it('when a researcher browses, then fonds → inventories → files appear for undigitised holdings, secret files never', async () => {
    const fonds = (await reader.client.get('/api/reading-room/fonds')).body.items;
    const f = fonds.find((x: { id: number }) => x.id === open.fondsId);
    expect(f).toMatchObject({ code: open.fondsCode, files: 3, inventories: 2 });
    expect(fonds.find((x: { id: number }) => x.id === mixed.fondsId).files).toBe(4);
    const inv = (await reader.client.get(`/api/reading-room/fonds/${open.fondsId}`)).body;
    expect(inv.inventories).toEqual([
      { catalog: '01', files: 2, fromYear: 1995, toYear: 1995 },
      { catalog: '02', files: 1, fromYear: 1996, toYear: 1996 },
    ]);
    const files = (await reader.client.get(`/api/reading-room/files?fondsId=${open.fondsId}&catalog=01`)).body;
    expect(files.total).toBe(2);
    expect(files.items[0]).toMatchObject({ fileNotation: '12/ĐĐ', catalog: '01', digitised: false, restricted: false, boxId: open.boxId });
    const m = (await reader.client.get(`/api/reading-room/files?fondsId=${mixed.fondsId}`)).body.items;
    expect(m.map((x: { title: string }) => x.title)).not.toContain('Hồ sơ quốc phòng mật');
    expect(m.map((x: { title: string }) => x.title)).toContain('Hồ sơ đã giải mật');
    expect(m.find((x: { id: number }) => x.id === mixed.fileIds[0])).toMatchObject({ restricted: true, title: 'Hồ sơ giải quyết khiếu nại đất đai (hạn chế)' });
    const staffView = (await plain.get(`/api/reading-room/files?fondsId=${mixed.fondsId}`)).body;
    expect(staffView.total).toBe(5);
  });

  it('when a researcher searches without accents, then titles, notations and dates match the accented text', async () => {
    const byTitle = (await reader.client.get(`/api/reading-room/files?q=${encodeURIComponent('de dieu khoai chau')}`)).body;
    expect(ids(byTitle.items)).toEqual([open.fileIds[0]]);
    const byNotation = (await reader.client.get(`/api/reading-room/files?q=${encodeURIComponent('12/DD')}`)).body;
    expect(ids(byNotation.items)).toContain(open.fileIds[0]);
    const byDate = (await reader.client.get(`/api/reading-room/files?q=${encodeURIComponent('thang 3')}`)).body;
    expect(ids(byDate.items)).toEqual([open.fileIds[0]]);
    const byYear = (await reader.client.get(`/api/reading-room/files?fondsId=${open.fondsId}&year=1996`)).body;
    expect(ids(byYear.items)).toEqual([open.fileIds[2]]);
    const secret = (await reader.client.get(`/api/reading-room/files?q=${encodeURIComponent('quoc phong')}`)).body;
    expect(secret.total).toBe(0);
    expect((await plain.get(`/api/reading-room/files?q=${encodeURIComponent('quoc phong')}`)).body.total).toBe(1);
  });
});

describe('cart', () => {
  it('when a whole box is added twice, then it expands to its files once (secret ones are not there to add)', async () => {
    const first = await reader.client.post('/api/reading-room/cart', { boxId: mixed.boxId });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ added: 4, alreadyInCart: 0, maxFiles: 10 });
    const again = await reader.client.post('/api/reading-room/cart', { boxId: mixed.boxId });
    expect(again.body).toMatchObject({ added: 0, alreadyInCart: 4 });
    expect(again.body.items).toHaveLength(4);
    expect(ids(again.body.items)).not.toContain(mixed.fileIds[1]);
    const secret = await reader.client.post('/api/reading-room/cart', { recordFileIds: [mixed.fileIds[1]] });
    expect(secret.status).toBe(404);
    // Another device of the same reader sees the same cart; another reader has their own.
    expect((await reader.client.get('/api/reading-room/cart')).body.items).toHaveLength(4);
    expect((await other.client.get('/api/reading-room/cart')).body.items).toHaveLength(0);
    expect((await reader.client.delete('/api/reading-room/cart')).body.items).toHaveLength(0);
  });

  it('when a staff member or an unregistered researcher uses the cart, then it is refused', async () => {
    expect((await plain.get('/api/reading-room/cart')).status).toBe(403);
    const stranger = await t.as('researcher');
    const r = await stranger.get('/api/reading-room/cart');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_A_READER');
  });
});

describe('request slips and TT 10/2014 rules', () => {
  it('when the cart holds 11 files, then the slip is refused with the limit named and nothing changes', async () => {
    await reader.client.post('/api/reading-room/cart', { recordFileIds: twelve.fileIds.slice(0, 11) });
    const before = [await count(t, 'access_requests'), await count(t, 'access_request_lines'), await count(t, 'reader_cart_items')];
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('TOO_MANY_FILES');
    expect(r.body.error.message).toMatch(/tối đa 10 hồ sơ.*có 11 hồ sơ/);
    expect([await count(t, 'access_requests'), await count(t, 'access_request_lines'), await count(t, 'reader_cart_items')]).toEqual(before);
    await reader.client.delete('/api/reading-room/cart');
  });

  it('when a secret file is entered by staff, then it is refused at submission with a clear message', async () => {
    const r = await plain.post('/api/reading-room/requests', { readerId: reader.readerId, kind: 'read', channel: 'post', lines: [{ recordFileId: mixed.fileIds[1] }] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('FILE_SECRET');
    expect(r.body.error.message).toMatch(/bí mật nhà nước, chưa được giải mật/);
  });

  it('when a file is in poor condition or under restoration, then it is not issued and each problem is named', async () => {
    await t.db.query(`INSERT INTO restoration_items (agency_id, fonds_id, unit_kind, reference, pages, damage_type, damage_level, record_file_id)
      VALUES ($1, $2, 'file', 'Hồ sơ đang tu bổ', 50, 'mould', 'heavy', $3)`, [mixed.agencyId, mixed.fondsId, mixed.fileIds[3]]);
    const before = await count(t, 'access_requests');
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: mixed.fileIds[2] }, { recordFileId: mixed.fileIds[3] }] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('FILE_NOT_SERVABLE');
    expect(r.body.error.details.problems.map((p: { recordFileId: number; code: string }) => [p.recordFileId, p.code])).toEqual([
      [mixed.fileIds[2], 'FILE_POOR_CONDITION'], [mixed.fileIds[3], 'FILE_UNDER_RESTORATION'],
    ]);
    expect(await count(t, 'access_requests')).toBe(before);
  });

  it('when staff hold a file for processing, then it is not issued until the hold is lifted', async () => {
    expect((await plain.post('/api/reading-room/holds', { recordFileId: open.fileIds[1], reason: 'processing', untilDay: '2026-01-01' })).body.error.code).toBe('HOLD_IN_PAST');
    expect((await reader.client.post('/api/reading-room/holds', { recordFileId: open.fileIds[1], reason: 'processing' })).status).toBe(403);
    const h = await plain.post('/api/reading-room/holds', { recordFileId: open.fileIds[1], reason: 'processing', note: 'Chỉnh lý phông' });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    expect(h.body).toMatchObject({ active: true, reason: 'processing', fileNotation: expect.any(String) });
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: open.fileIds[1] }] });
    expect(r.body.error.details.problems[0].code).toBe('FILE_UNDER_PROCESSING');
    expect((await plain.get('/api/reading-room/holds?activeOnly=true')).body.items.map((x: { id: number }) => x.id)).toEqual([h.body.id]);
    expect((await plain.post(`/api/reading-room/holds/${h.body.id}/lift`)).body.active).toBe(false);
    expect((await plain.post(`/api/reading-room/holds/${h.body.id}/lift`)).body.error.code).toBe('HOLD_LIFTED');
    expect((await plain.get('/api/reading-room/holds?activeOnly=true')).body.items).toEqual([]);
  });

  it('when page ranges are given on a read slip or reversed, then it is refused', async () => {
    const a = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: open.fileIds[0], pageFrom: 1, pageTo: 3 }] });
    expect(a.body.error.code).toBe('PAGES_ONLY_FOR_COPIES');
    const b = await reader.client.post('/api/reading-room/requests/submit', { kind: 'copy', lines: [{ recordFileId: open.fileIds[0], pageFrom: 5, pageTo: 3 }] });
    expect(b.body.error.code).toBe('PAGE_RANGE_INVALID');
  });

  it('when an unverified reader submits, then it is refused', async () => {
    const fresh = await registeredReader(t, 3);
    await fresh.client.post('/api/reading-room/cart', { recordFileIds: [open.fileIds[0]] });
    const r = await fresh.client.post('/api/reading-room/requests/submit', { kind: 'read' });
    expect(r.body.error.code).toBe('READER_NOT_VERIFIED');
  });
});

describe('approval routing and SLA', () => {
  let readId: number;

  it('when a reader submits an open file from the cart, then it is numbered, due in 1 working day and waits for the head of the reading room', async () => {
    await reader.client.post('/api/reading-room/cart', { recordFileIds: [open.fileIds[0], open.fileIds[2]] });
    // Friday 27 November 2026, 10:00; Monday 30 November is a closure of the centre.
    await travel('2026-11-27T10:00:00+07:00');
    await admin.post('/api/scheduling/calendar/closures', { date: '2026-11-30', reason: 'Kiểm kê kho' });
    expect((await t.db.query(`SELECT 1 FROM calendar_closures WHERE date = '2026-11-30'`)).length).toBe(1);
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: open.fileIds[0] }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    readId = r.body.id;
    expect(r.body).toMatchObject({ number: '1/2026', kind: 'read', channel: 'online', status: 'submitted', approvalLevel: 'reading_room_head', restricted: false, slaWorkingDays: 1, dueDay: '2026-12-01', sla: 'on_time' });
    expect(new Date(r.body.dueAt).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(r.body.lines).toEqual([expect.objectContaining({ recordFileId: open.fileIds[0], serveAs: 'original', fileNotation: '12/ĐĐ' })]);
    // Only the submitted file left the cart.
    expect(ids((await reader.client.get('/api/reading-room/cart')).body.items)).toEqual([open.fileIds[2]]);
  });

  it('when a copy slip is submitted on the Thursday before New Year, then it is due after the holiday and the weekend', async () => {
    await travel('2026-12-31T15:00:00+07:00');
    const r = await plain.post('/api/reading-room/requests', { readerId: other.readerId, kind: 'copy', channel: 'in_person', lines: [{ recordFileId: open.fileIds[2], pageFrom: 1, pageTo: 4 }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // 1 Jan 2027 (Friday) is a public holiday, 2–3 Jan a weekend: 2 working days = Monday 4 and Tuesday 5.
    expect(r.body).toMatchObject({ slaWorkingDays: 2, dueDay: '2027-01-05', channel: 'in_person' });
    expect(r.body.lines[0]).toMatchObject({ pageFrom: 1, pageTo: 4 });
    await travel('2026-11-27T10:00:00+07:00');
  });

  it('when an archivist without the duty decides, then it is refused; the head approves and the reader sees who and when', async () => {
    const no = await plain.post(`/api/reading-room/requests/${readId}/decisions`, { decision: 'approve' });
    expect(no.status).toBe(403);
    expect(no.body.error.code).toBe('WRONG_APPROVER');
    await travel('2026-11-27T14:00:00+07:00');
    const ok = await head.post(`/api/reading-room/requests/${readId}/decisions`, { decision: 'approve' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvalLevel: null, sla: 'on_time' });
    const mine = (await reader.client.get('/api/reading-room/requests/mine')).body.items.find((x: { id: number }) => x.id === readId);
    expect(mine.decisions).toEqual([expect.objectContaining({ decision: 'approve', level: 'reading_room_head', decidedByName: 'Người dùng truongphongdoc' })]);
    expect(new Date(mine.decisions[0].decidedAt).toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect((await head.post(`/api/reading-room/requests/${readId}/decisions`, { decision: 'refuse', reason: 'x' })).body.error.code).toBe('REQUEST_NOT_OPEN');
  });

  it('when a restricted file is requested, then the head passes it to the director, who alone can approve; 7 working days apply', async () => {
    await digitise(t, mixed.fileIds[0]);
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: mixed.fileIds[0] }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ restricted: true, slaWorkingDays: 7, approvalLevel: 'reading_room_head' });
    expect(r.body.lines[0].serveAs).toBe('digital');
    const id = r.body.id;
    const h = await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'approve' });
    expect(h.body).toMatchObject({ status: 'submitted', approvalLevel: 'director' });
    expect(h.body.decisions.map((d: { decision: string; level: string }) => [d.decision, d.level])).toEqual([['approve', 'reading_room_head'], ['escalate', 'director']]);
    expect((await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'approve' })).body.error.code).toBe('WRONG_APPROVER');
    expect(await count(t, 'access_grants')).toBe(0);
    const d = await director.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'approve' });
    expect(d.body).toMatchObject({ status: 'approved' });
    // The digitised restricted file opens in the viewer for the window (READING_VIEW_WINDOW_DAYS = 14).
    const [g] = await t.db.query<{ user_id: number; expires_on: string }>(`SELECT user_id, expires_on::text FROM access_grants WHERE record_file_id = $1`, [mixed.fileIds[0]]);
    expect(g).toEqual({ user_id: reader.userId, expires_on: '2026-12-11' });
  });

  it('when the director level is switched off, then the head approves restricted files alone', async () => {
    const t2 = await startTestApp({ READING_DIRECTOR_FOR_RESTRICTED: 'false' });
    try {
      const h2 = await staffWith(t2, ['reading_room_head'], 'truongphong2');
      const r2 = await registeredReader(t2, 9);
      await h2.post(`/api/reading-room/readers/${r2.readerId}/verify`, {});
      const hold = await holding(t2, [{ accessLevel: 'restricted' }]);
      const s = await r2.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: hold.fileIds[0] }] });
      expect((await h2.post(`/api/reading-room/requests/${s.body.id}/decisions`, { decision: 'approve' })).body.status).toBe('approved');
    } finally {
      await t2.close();
    }
  });

  it('when staff refuse without a reason, nothing changes; asking for information waits for the reader, whose reply returns it', async () => {
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'certified_copy', lines: [{ recordFileId: open.fileIds[2] }] });
    const id = r.body.id;
    const none = await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'refuse' });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('REASON_REQUIRED');
    expect((await head.get(`/api/reading-room/requests/${id}`)).body.decisions).toEqual([]);
    const ask = await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'ask_info', reason: 'Cho biết mục đích sử dụng bản chứng thực' });
    expect(ask.body.status).toBe('needs_info');
    expect((await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'approve' })).body.error.code).toBe('REQUEST_AWAITING_READER');
    expect((await other.client.post(`/api/reading-room/requests/${id}/reply`, { message: 'x' })).status).toBe(404);
    const reply = await reader.client.post(`/api/reading-room/requests/${id}/reply`, { message: 'Nộp kèm hồ sơ xin cấp đất' });
    expect(reply.body.status).toBe('submitted');
    const refuse = await head.post(`/api/reading-room/requests/${id}/decisions`, { decision: 'refuse', reason: 'Hồ sơ không thuộc phạm vi cấp bản chứng thực' });
    expect(refuse.body.status).toBe('refused');
    expect(refuse.body.decisions.map((d: { decision: string }) => d.decision)).toEqual(['ask_info', 'reply', 'refuse']);
  });

  it('when a digitised file is to be served as its original, then staff must give a reason', async () => {
    await digitise(t, open.fileIds[1]);
    const r = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: open.fileIds[1] }] });
    const line = r.body.lines[0];
    expect(line.serveAs).toBe('digital');
    const no = await head.post(`/api/reading-room/requests/${r.body.id}/lines/${line.id}/serve-as`, { serveAs: 'original' });
    expect(no.body.error.code).toBe('OVERRIDE_REASON_REQUIRED');
    const ok = await head.post(`/api/reading-room/requests/${r.body.id}/lines/${line.id}/serve-as`, { serveAs: 'original', reason: 'Cần đối chiếu dấu đỏ trên bản gốc' });
    expect(ok.body.lines[0]).toMatchObject({ serveAs: 'original', overrideReason: 'Cần đối chiếu dấu đỏ trên bản gốc' });
    const cancel = await reader.client.post(`/api/reading-room/requests/${r.body.id}/cancel`);
    expect(cancel.body.status).toBe('cancelled');
  });

  it('when an admin gives an archivist the head duty, then they may decide; only admins give duties, only to staff', async () => {
    const [{ id: canbo }] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'canbo'`);
    expect((await head.put(`/api/reading-room/staff/${canbo}/duties`, { duties: ['reading_room_head'] })).status).toBe(403);
    expect((await admin.put(`/api/reading-room/staff/${reader.userId}/duties`, { duties: ['director'] })).body.error.code).toBe('STAFF_NOT_FOUND');
    const r = await admin.put(`/api/reading-room/staff/${canbo}/duties`, { duties: ['stacks', 'reading_room_head', 'stacks'] });
    expect(r.body).toEqual({ userId: canbo, duties: ['reading_room_head', 'stacks'] });
    const slip = await reader.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: open.fileIds[0] }] });
    expect((await plain.post(`/api/reading-room/requests/${slip.body.id}/decisions`, { decision: 'refuse', reason: 'Trùng phiếu 1/2026' })).body.status).toBe('refused');
    await admin.put(`/api/reading-room/staff/${canbo}/duties`, { duties: [] });
    expect((await t.db.query<{ duties: string[] }>(`SELECT duties FROM users WHERE id = $1`, [canbo]))[0]!.duties).toEqual([]);
  });

  it('when another reader asks for a slip, then it does not exist for them and their list holds only their own', async () => {
    expect((await other.client.get(`/api/reading-room/requests/${readId}`)).status).toBe(404);
    const theirs = (await other.client.get('/api/reading-room/requests/mine')).body.items;
    expect(theirs.every((x: { readerId: number }) => x.readerId === other.readerId)).toBe(true);
    expect((await other.client.get('/api/reading-room/requests')).status).toBe(403);
  });

  it('when time passes, then the queue shows warnings on the due day and overdue after the due time', async () => {
    const copyId = (await plain.get('/api/reading-room/requests?kind=copy')).body.items[0].id;
    const state = async () => (await plain.get('/api/reading-room/requests')).body.items.find((x: { id: number }) => x.id === copyId).sla;
    await travel('2027-01-04T09:00:00+07:00');
    expect(await state()).toBe('on_time');
    await travel('2027-01-05T08:00:00+07:00');
    expect(await state()).toBe('warning');
    expect(ids((await plain.get('/api/reading-room/requests?sla=warning')).body.items)).toContain(copyId);
    await travel('2027-01-05T17:30:00+07:00');
    expect(await state()).toBe('overdue');
    const overdue = (await plain.get('/api/reading-room/requests?sla=overdue')).body.items;
    expect(ids(overdue)).toContain(copyId);
    // Approved but not yet served stays on the clock: it too is overdue. Refused slips are finished and never listed.
    expect(ids(overdue)).toContain(readId);
    expect(overdue.every((x: { status: string }) => ['submitted', 'needs_info', 'approved'].includes(x.status))).toBe(true);
    await travel('2026-11-27T15:00:00+07:00');
  });
});

describe('reports', () => {
  it('when the year is reported, then slips by kind and outcome, readers and SLA figures add up, also as XLSX', async () => {
    await travel('2027-01-06T09:00:00+07:00');
    // Circulation records serving (rr-circ); here slip 1/2026 is served before its due time.
    await t.db.query(`UPDATE access_requests SET status = 'served', served_at = '2026-11-30T10:00:00+07:00' WHERE request_year = 2026 AND request_no = 1`);
    const r = await plain.get('/api/reading-room/reports?year=2026');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const kinds = Object.fromEntries(r.body.requestsByKind.map((k: { key: string; count: number }) => [k.key, k.count]));
    expect(kinds).toEqual({ read: 4, copy: 1, certified_copy: 1 });
    const outcomes = Object.fromEntries(r.body.requestsByOutcome.map((k: { key: string; count: number }) => [k.key, k.count]));
    expect(outcomes).toEqual({ approved: 1, served: 1, refused: 2, cancelled: 1, submitted: 1 });
    expect(r.body.filesIssued).toBe(1);
    expect(r.body.readersServed).toBe(1);
    expect(r.body.readersRegistered).toBe(3);
    // Served or refused on time = met; still open past the due time = breached: the copy slip and the approved
    // restricted read slip nobody has served yet.
    expect([r.body.slaMet, r.body.slaBreached]).toEqual([3, 2]);
    expect(r.body.months.map((m: { month: number }) => m.month)).toEqual([11, 12]);
    const nov = await plain.get('/api/reading-room/reports?year=2026&month=11');
    expect(nov.body.requestsByKind.reduce((a: number, k: { count: number }) => a + k.count, 0)).toBe(5);
    const yearly = (await plain.get('/api/reports/yearly?year=2026')).body;
    expect(yearly.readingRoom).toEqual({ readersServed: 1, requests: 6, filesIssued: 1, slaMet: 3, slaBreached: 2 });
    expect((await plain.get('/api/reports/yearly?year=2025')).body.readingRoom).toEqual({ readersServed: 0, requests: 0, filesIssued: 0, slaMet: 0, slaBreached: 0 });
    const x = await plain.get('/api/reading-room/reports.xlsx?year=2026');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
  });
});
