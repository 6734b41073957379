import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, recordFile } from './search-factory.js';

let t: TestApp;
let staff: HttpClient;
let reader: HttpClient;
let readerId: number;
let agencyUserId: number;
let fileId: number;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  reader = await t.as('researcher', { username: 'docgia.nguyen' });
  const a = await agency(t.db, 'Sở Công Thương', 'P20');
  await t.as('agency', { agencyId: a.agencyId, username: 'coquan.sct' });
  const rows = await t.db.query<{ id: number; username: string }>(`SELECT id, username FROM users WHERE username IN ('docgia.nguyen', 'coquan.sct')`);
  readerId = rows.find((r) => r.username === 'docgia.nguyen')!.id;
  agencyUserId = rows.find((r) => r.username === 'coquan.sct')!.id;
  fileId = await recordFile(t.db, { ...a, title: 'Hồ sơ thanh tra thương mại', accessLevel: 'restricted' });
});
afterAll(() => t?.close());

describe('access grants', () => {
  it('when staff grant a researcher a restricted file, then it is listed for staff and for that researcher, with an event', async () => {
    const r = await staff.post('/api/access-grants', { userId: readerId, recordFileId: fileId, expiresOn: '2027-06-30', note: 'Phiếu yêu cầu số 12/2026' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ userId: readerId, username: 'docgia.nguyen', recordFileId: fileId, fileTitle: 'Hồ sơ thanh tra thương mại', expiresOn: '2027-06-30', active: true });
    expect((await staff.get(`/api/access-grants?userId=${readerId}`)).body.map((g: { id: number }) => g.id)).toEqual([r.body.id]);
    expect((await reader.get('/api/access-grants/mine')).body).toMatchObject([{ recordFileId: fileId, note: 'Phiếu yêu cầu số 12/2026' }]);
    const ev = await staff.get(`/api/events?entityType=access_grant&entityId=${r.body.id}`);
    expect(ev.body[0]).toMatchObject({ action: 'access_grant.created' });
  });

  it('when the same grant is made twice, or for a non-researcher, an unknown file or a past day, then it is refused with a clear code', async () => {
    const dup = await staff.post('/api/access-grants', { userId: readerId, recordFileId: fileId });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'GRANT_EXISTS']);
    const agencyUser = await staff.post('/api/access-grants', { userId: agencyUserId, recordFileId: fileId });
    expect([agencyUser.status, agencyUser.body.error.code]).toEqual([422, 'GRANT_NOT_RESEARCHER']);
    expect((await staff.post('/api/access-grants', { userId: readerId, recordFileId: 999999 })).status).toBe(404);
    expect((await staff.post('/api/access-grants', { userId: 999999, recordFileId: fileId })).status).toBe(404);
    const past = await staff.post('/api/access-grants', { userId: readerId, recordFileId: fileId, expiresOn: '2020-01-01' });
    expect(past.status).toBe(400);
    const bad = await staff.post('/api/access-grants', { userId: readerId, recordFileId: fileId, expiresOn: 'mai' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.body.error.message).toMatch(/[ạảãáàâăđêôơư]/);
  });

  it('when a researcher or agency account manages grants, or nobody is signed in, then 403/401', async () => {
    expect((await reader.post('/api/access-grants', { userId: readerId, recordFileId: fileId })).status).toBe(403);
    expect((await reader.get('/api/access-grants')).status).toBe(403);
    expect((await reader.delete('/api/access-grants/1')).status).toBe(403);
    expect((await t.anonymous().get('/api/access-grants/mine')).status).toBe(401);
  });

  it('when a grant is revoked, then it is gone and revoking again is 404', async () => {
    const [g] = (await staff.get(`/api/access-grants?recordFileId=${fileId}`)).body;
    expect((await staff.delete(`/api/access-grants/${g.id}`)).status).toBe(204);
    expect((await staff.get(`/api/access-grants?recordFileId=${fileId}`)).body).toEqual([]);
    expect((await staff.delete(`/api/access-grants/${g.id}`)).status).toBe(404);
  });
});
