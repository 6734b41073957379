/**
 * Circulation of originals: the pull list in walking order with each file's shelf, check-out (Sổ giao nhận) with the
 * TT 10/2014 limits, the location reading "đang phục vụ độc giả" while out, overdue loans, check-in with a condition
 * check, re-shelving, and the request moving approved → served → closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { pdfTextPages } from '../print/pdf-tools.js';
import { approvedRequest, reader, requestStatus, shelvedFiles } from './circulation-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let researcher: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist', { username: 'kho.nv' });
  researcher = await t.as('researcher');
}, 60_000);
afterAll(async () => t?.close());

const loanCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM loans'))[0]!.n;

describe('pull list', () => {
  it('when two approved read requests wait, then the list is in shelf order with each file\'s place, as JSON and PDF', async () => {
    const far = await shelvedFiles(t, 1, { unit: '09' });
    const near = await shelvedFiles(t, 2, { room: far.roomId, unit: '01', position: 3 });
    const rd = await reader(t, 'Nguyễn Văn Đọc');
    const a = await approvedRequest(t, rd, far.fileIds);
    const b = await approvedRequest(t, rd, near.fileIds);
    const r = await staff.get(`/api/reading-room/pull-list`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const mine = r.body.items.filter((i: { requestId: number }) => i.requestId === a.requestId || i.requestId === b.requestId);
    expect(mine.map((i: { recordFileId: number }) => i.recordFileId)).toEqual([...near.fileIds, ...far.fileIds]);
    expect(mine[0].shelfLabel).toBe(near.shelfLabel);
    expect(mine[0].boxCode).toBe(near.boxCode);
    expect(mine[2].shelfLabel).toBe(far.shelfLabel);
    const pdf = await staff.get(`/api/reading-room/pull-list.pdf?requestId=${b.requestId}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const text = (await pdfTextPages(pdf.buffer)).join('\n');
    expect(text).toContain('DANH SÁCH HỒ SƠ CẦN XUẤT KHO');
    expect(text).toContain(`HS-`);
    expect(text).toContain('Giá 01');
    expect(text).not.toContain('Giá 09');
  });

  it('when a researcher asks for the pull list, then it is refused', async () => {
    expect((await researcher.get('/api/reading-room/pull-list')).status).toBe(403);
  });
});

describe('check-out and check-in', () => {
  it('when a file is checked out, then it leaves the pull list, reads "đang phục vụ độc giả" and cannot be issued twice', async () => {
    const s = await shelvedFiles(t, 2);
    const rd = await reader(t, 'Trần Thị Nghiên Cứu');
    const req = await approvedRequest(t, rd, s.fileIds);
    const out = await staff.post('/api/reading-room/loans', { lineId: req.lineIds[0], receivedByName: 'Lê Văn Phòng Đọc' });
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    expect(out.body).toMatchObject({ handedOverByName: 'Người dùng kho.nv', receivedByName: 'Lê Văn Phòng Đọc', dueOn: '2026-12-06', checkedInAt: null, shelfLabel: s.shelfLabel });
    expect(await requestStatus(t, req.requestId)).toBe('approved');

    const [notation] = (await t.db.query<{ n: string }>('SELECT file_notation AS n FROM record_files WHERE id = $1', [s.fileIds[0]])).map((r) => r.n);
    const loc = await staff.get(`/api/stacks/locate?code=${encodeURIComponent(notation!)}`);
    expect(loc.status).toBe(200);
    expect(loc.body.items[0].path).toContain('đang phục vụ độc giả');
    expect(loc.body.items[0].shelfLabel).toBe(s.shelfLabel);

    const pull = await staff.get(`/api/reading-room/pull-list?requestId=${req.requestId}`);
    expect(pull.body.items.map((i: { lineId: number }) => i.lineId)).toEqual([req.lineIds[1]]);

    // The same file on another reader's approved slip: refused while out, nothing written.
    const other = await approvedRequest(t, await reader(t, 'Phạm Văn Khác'), [s.fileIds[0]!]);
    const before = await loanCount();
    const again = await staff.post('/api/reading-room/loans', { lineId: other.lineIds[0], receivedByName: 'Lê Văn Phòng Đọc' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FILE_ALREADY_OUT');
    expect(again.body.error.message).toContain('đang phục vụ độc giả');
    expect(await loanCount()).toBe(before);

    const second = await staff.post('/api/reading-room/loans', { lineId: req.lineIds[1], receivedByName: 'Lê Văn Phòng Đọc' });
    expect(second.status).toBe(201);
    expect(await requestStatus(t, req.requestId)).toBe('served');

    // Check-in with the condition found; the request closes when every file is back.
    const in1 = await staff.post(`/api/reading-room/loans/${out.body.id}/check-in`, { conditionCode: '01' });
    expect(in1.status, JSON.stringify(in1.body)).toBe(200);
    expect(in1.body).toMatchObject({ conditionCode: '01', checkedInByName: 'Người dùng kho.nv' });
    expect(await requestStatus(t, req.requestId)).toBe('served');
    const twice = await staff.post(`/api/reading-room/loans/${out.body.id}/check-in`, { conditionCode: '01' });
    expect(twice.body.error.code).toBe('LOAN_ALREADY_IN');
    const in2 = await staff.post(`/api/reading-room/loans/${second.body.id}/check-in`, { conditionCode: '06', conditionNote: 'Rách mép trang 3' });
    expect(in2.status).toBe(200);
    expect(await requestStatus(t, req.requestId)).toBe('closed');

    const back = await staff.get(`/api/stacks/locate?code=${encodeURIComponent(notation!)}`);
    expect(back.body.items[0].path).toBe(s.shelfLabel);

    const toShelve = await staff.get('/api/reading-room/loans?state=to_reshelve');
    expect(toShelve.body.items.map((l: { id: number }) => l.id)).toEqual(expect.arrayContaining([out.body.id, second.body.id]));
    const shelved = await staff.post(`/api/reading-room/loans/${out.body.id}/reshelve`);
    expect(shelved.status).toBe(200);
    expect(shelved.body.reshelvedAt).not.toBeNull();
    expect((await staff.post(`/api/reading-room/loans/${out.body.id}/reshelve`)).body.error.code).toBe('LOAN_ALREADY_RESHELVED');

    // Returned torn (06): the next issue of that original is refused.
    const torn = await approvedRequest(t, rd, [s.fileIds[1]!]);
    const refused = await staff.post('/api/reading-room/loans', { lineId: torn.lineIds[0], receivedByName: 'Lê Văn Phòng Đọc' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FILE_NOT_SERVABLE');
    expect(refused.body.error.details.cause).toBe('FILE_POOR_CONDITION');
  });

  it('when a reader already holds 10 files, then an 11th is refused with a Vietnamese message and nothing changes', async () => {
    const s = await shelvedFiles(t, 11);
    const rd = await reader(t, 'Hoàng Văn Mười');
    const req = await approvedRequest(t, rd, s.fileIds);
    for (const lineId of req.lineIds.slice(0, 10)) {
      expect((await staff.post('/api/reading-room/loans', { lineId, receivedByName: 'Hoàng Văn Mười' })).status).toBe(201);
    }
    const before = await loanCount();
    const r = await staff.post('/api/reading-room/loans', { lineId: req.lineIds[10], receivedByName: 'Hoàng Văn Mười' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('READER_FILE_LIMIT');
    expect(r.body.error.message).toContain('tối đa 10 hồ sơ');
    expect(await loanCount()).toBe(before);
    expect(await requestStatus(t, req.requestId)).toBe('approved');
  });

  it('when a file is in condition 04, served digitally, or its slip is not approved, then check-out is refused', async () => {
    const poor = await shelvedFiles(t, 1, { condition: '04' });
    const rd = await reader(t, 'Đỗ Thị Kiểm Tra');
    const a = await approvedRequest(t, rd, poor.fileIds);
    const r1 = await staff.post('/api/reading-room/loans', { lineId: a.lineIds[0], receivedByName: 'X' });
    expect(r1.status).toBe(409);
    expect(r1.body.error.code).toBe('FILE_NOT_SERVABLE');

    const ok = await shelvedFiles(t, 1);
    const digital = await approvedRequest(t, rd, ok.fileIds, { serveAs: 'digital' });
    const r2 = await staff.post('/api/reading-room/loans', { lineId: digital.lineIds[0], receivedByName: 'X' });
    expect(r2.body.error.code).toBe('LINE_SERVED_DIGITALLY');

    const pending = await approvedRequest(t, rd, ok.fileIds);
    await t.db.query(`UPDATE access_requests SET status = 'submitted' WHERE id = $1`, [pending.requestId]);
    const r3 = await staff.post('/api/reading-room/loans', { lineId: pending.lineIds[0], receivedByName: 'X' });
    expect(r3.status).toBe(409);
    expect(r3.body.error.code).toBe('REQUEST_NOT_APPROVED');

    const bad = await staff.post('/api/reading-room/loans', { lineId: a.lineIds[0], receivedByName: '' });
    expect(bad.status).toBe(400);
    const badCode = await staff.post('/api/reading-room/loans/1/check-in', { conditionCode: '09' });
    expect(badCode.status).toBe(400);
  });

  it('when a loan passes LOAN_DAYS, then it is listed as overdue', async () => {
    const s = await shelvedFiles(t, 1);
    const req = await approvedRequest(t, await reader(t, 'Vũ Văn Quá Hạn'), s.fileIds);
    const out = await staff.post('/api/reading-room/loans', { lineId: req.lineIds[0], receivedByName: 'Vũ Văn Quá Hạn' });
    expect(out.status).toBe(201);
    const ids = async (c: HttpClient) => (await c.get('/api/reading-room/loans?state=overdue')).body.items.map((l: { id: number }) => l.id);
    expect(await ids(staff)).not.toContain(out.body.id);
    const saved = t.now.value;
    try {
      // 15 days on: a fresh session (the old one has expired with the clock).
      t.now.value = new Date(saved.getTime() + 15 * 86_400_000);
      const later = await t.as('archivist');
      expect(await ids(later)).toContain(out.body.id);
      const one = (await later.get('/api/reading-room/loans?state=overdue')).body.items.find((l: { id: number }) => l.id === out.body.id);
      expect(one.overdue).toBe(true);
    } finally {
      t.now.value = saved;
    }
  });
});
