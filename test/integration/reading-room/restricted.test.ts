/**
 * Restricted digitised files in the viewer: a researcher without the right is told the file is restricted and may
 * send an access request (kind 'access', 7 working days, routed to the director); staff grant (a viewer window) or
 * refuse with a reason. Secret and missing files answer identically, so nothing reveals that a secret file exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { withBlobs } from '../iiif/iiif-fixtures.js';
import { page } from '../search/search-factory.js';
import { reader, shelvedFiles } from './circulation-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let head: HttpClient;
let researcher: HttpClient;
let restrictedFile: number;
let restrictedPage: number;
let secretFile: number;
let secretPage: number;
let openFile: number;

const userId = async (username: string) => (await t.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist', { username: 'giam.doc' });
  head = await t.as('archivist', { username: 'truong.phong' });
  // Who decides at which level is rr-core's: the head of the reading room first, the director for restricted files.
  await t.db.query(`UPDATE users SET duties = ARRAY['director'] WHERE username = 'giam.doc'`);
  await t.db.query(`UPDATE users SET duties = ARRAY['reading_room_head'] WHERE username = 'truong.phong'`);
  researcher = await t.as('researcher', { username: 'docgia.han.che' });
  await reader(t, 'Bùi Thị Hạn Chế', await userId('docgia.han.che'));
  restrictedFile = (await shelvedFiles(t, 1, { accessLevel: 'restricted' })).fileIds[0]!;
  restrictedPage = await page(t.db, restrictedFile, 'Nội dung hạn chế.');
  secretFile = (await shelvedFiles(t, 1, { secrecy: 'mat' })).fileIds[0]!;
  secretPage = await page(t.db, secretFile, 'Nội dung mật.');
  openFile = (await shelvedFiles(t, 1)).fileIds[0]!;
  for (const p of [restrictedPage, secretPage]) await withBlobs(t, p);
}, 60_000);
afterAll(async () => t?.close());

describe('restricted file in the viewer', () => {
  it('when a researcher opens a restricted file, then it reads as restricted; a secret one exactly like a missing one', async () => {
    const r = await researcher.get(`/api/reading-room/files/${restrictedFile}/access`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'restricted', recordFileId: restrictedFile, pendingRequestId: null });
    expect((await researcher.get(`/api/reading-room/pages/${restrictedPage}/access`)).body.state).toBe('restricted');
    expect((await researcher.get(`/api/reading-room/files/${openFile}/access`)).body).toEqual({ state: 'visible', recordFileId: openFile });

    const secret = await researcher.get(`/api/reading-room/files/${secretFile}/access`);
    const missing = await researcher.get(`/api/reading-room/files/999999/access`);
    expect(secret.status).toBe(404);
    expect(secret.body).toEqual(missing.body);
    const secretP = await researcher.get(`/api/reading-room/pages/${secretPage}/access`);
    const missingP = await researcher.get(`/api/reading-room/pages/999999/access`);
    expect(secretP.status).toBe(404);
    expect(secretP.body).toEqual(missingP.body);
    expect(secretP.body.error.message).toBe('Không tìm thấy trang.');
  });

  it('when the researcher requests access, then staff see it pending and may grant it, which opens the file', async () => {
    const nope = await researcher.post('/api/reading-room/access-requests', { recordFileId: openFile });
    expect(nope.body.error.code).toBe('ACCESS_REQUEST_NOT_NEEDED');
    const secret = await researcher.post('/api/reading-room/access-requests', { recordFileId: secretFile });
    const missing = await researcher.post('/api/reading-room/access-requests', { recordFileId: 999999 });
    expect(secret.status).toBe(404);
    expect(secret.body).toEqual(missing.body);

    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_requests'))[0]!.n;
    const stranger = await t.as('researcher');
    const unregistered = await stranger.post('/api/reading-room/access-requests', { recordFileId: restrictedFile });
    expect(unregistered.status).toBe(422);
    expect(unregistered.body.error.code).toBe('READER_NOT_REGISTERED');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_requests'))[0]!.n).toBe(before);

    const sent = await researcher.post('/api/reading-room/access-requests', { recordFileId: restrictedFile, purpose: 'Luận văn về đê điều' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // 7 working days from Sunday 22/11/2026: Mon 23 … Tue 1/12 at close of business.
    expect(new Date(sent.body.dueAt).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    const [row] = await t.db.query<{ kind: string; approval_level: string; sla_working_days: number; restricted: boolean }>(
      'SELECT kind, approval_level, sla_working_days, restricted FROM access_requests WHERE id = $1', [sent.body.id]);
    expect(row).toEqual({ kind: 'access', approval_level: 'reading_room_head', sla_working_days: 7, restricted: true });
    const again = await researcher.post('/api/reading-room/access-requests', { recordFileId: restrictedFile });
    expect(again.body.error.code).toBe('ACCESS_REQUEST_PENDING');
    expect((await researcher.get(`/api/reading-room/files/${restrictedFile}/access`)).body.pendingRequestId).toBe(sent.body.id);

    const pending = await staff.get('/api/reading-room/access-requests/pending');
    expect(pending.body.items).toEqual([expect.objectContaining({ id: sent.body.id, recordFileId: restrictedFile, readerName: 'Bùi Thị Hạn Chế', purpose: 'Luận văn về đê điều' })]);
    expect((await researcher.get('/api/reading-room/access-requests/pending')).status).toBe(403);

    const noReason = await head.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'refuse' });
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    // The director cannot skip the head; the head's approval passes the slip to the director.
    expect((await staff.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'approve' })).status).toBe(403);
    const first = await head.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'approve' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ id: sent.body.id, status: 'submitted', approvalLevel: 'director' });
    expect((await researcher.get(`/api/reading-room/files/${restrictedFile}/access`)).body.state).toBe('restricted');
    const queued = await staff.get('/api/reading-room/access-requests/pending');
    expect(queued.body.items[0]).toMatchObject({ id: sent.body.id, approvalLevel: 'director' });
    const ok = await staff.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'approve' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect((await staff.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'approve' })).body.error.code).toBe('ACCESS_REQUEST_NOT_PENDING');
    const decisions = await t.db.query<{ decision: string; decided_by_name: string }>('SELECT decision, decided_by_name FROM access_request_decisions WHERE request_id = $1 ORDER BY id', [sent.body.id]);
    expect(decisions).toEqual([
      { decision: 'approve', decided_by_name: 'Người dùng truong.phong' },
      { decision: 'escalate', decided_by_name: 'Người dùng truong.phong' },
      { decision: 'approve', decided_by_name: 'Người dùng giam.doc' },
    ]);
    // Downloads carry the request's number: the approval opened the viewing window.
    expect((await researcher.get(`/api/reading-room/pages/${restrictedPage}/download`)).status).toBe(200);

    expect((await researcher.get(`/api/reading-room/files/${restrictedFile}/access`)).body.state).toBe('visible');
    expect((await researcher.get(`/api/digitization/pages/${restrictedPage}`)).status).toBe(200);
    const [g] = await t.db.query<{ e: string }>(`SELECT to_char(expires_on, 'YYYY-MM-DD') AS e FROM access_grants WHERE record_file_id = $1`, [restrictedFile]);
    expect(g!.e).toBe('2026-12-06');
  });

  it('when staff refuse, then the refusal is stored with its reason and the file stays restricted', async () => {
    const other = await shelvedFiles(t, 1, { accessLevel: 'restricted' });
    const sent = await researcher.post('/api/reading-room/access-requests', { recordFileId: other.fileIds[0] });
    expect(sent.status).toBe(201);
    const no = await head.post(`/api/reading-room/access-requests/${sent.body.id}/decision`, { decision: 'refuse', reason: 'Tài liệu chứa thông tin cá nhân' });
    expect(no.body.status).toBe('refused');
    const [d] = await t.db.query<{ reason: string }>('SELECT reason FROM access_request_decisions WHERE request_id = $1', [sent.body.id]);
    expect(d!.reason).toBe('Tài liệu chứa thông tin cá nhân');
    expect((await researcher.get(`/api/reading-room/files/${other.fileIds[0]}/access`)).body).toMatchObject({ state: 'restricted', pendingRequestId: null });
  });
});
