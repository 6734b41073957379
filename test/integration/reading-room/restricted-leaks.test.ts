/**
 * Leak test for every route of circulation, copies, viewer windows and access requests (the routes are read from
 * circulationRoutes itself, so a route added later is covered or the test fails): a secret file's existence and
 * content never reach a researcher or an agency account, and staff-only routes refuse everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { withBlobs } from '../iiif/iiif-fixtures.js';
import { page } from '../search/search-factory.js';
import { circulationRoutes } from '../../../server/reading-room/circulation.routes.js';
import { STAFF } from '../../../server/core/actor.js';
import { approvedRequest, reader, shelvedFiles } from './circulation-fixtures.js';

const SECRET_WORD = 'Hoa Đào Mật';
let t: TestApp;
let users: Record<'researcher' | 'granted' | 'agency' | 'anonymous', HttpClient>;
let secretFile: number;
let secretPage: number;
let secretLine: number;

const routes = circulationRoutes({} as never, {} as never);

beforeAll(async () => {
  t = await startTestApp();
  const staff = await t.as('archivist');
  const s = await shelvedFiles(t, 1, { secrecy: 'tuyet_mat' });
  secretFile = s.fileIds[0]!;
  await t.db.query('UPDATE record_files SET title = $2 WHERE id = $1', [secretFile, `Hồ sơ hội nghị ${SECRET_WORD}`]);
  secretPage = await page(t.db, secretFile, `Nội dung ${SECRET_WORD}.`);
  await withBlobs(t, secretPage);
  const granted = await t.as('researcher', { username: 'docgia.co.phieu' });
  const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.co.phieu'`);
  // Even with an approved slip naming the secret file (written past the approval rules), no window opens.
  const req = await approvedRequest(t, await reader(t, 'Cao Văn Phiếu', u!.id), [secretFile], { serveAs: 'digital' });
  secretLine = req.lineIds[0]!;
  const w = await staff.post('/api/reading-room/viewing-windows', { lineId: secretLine });
  expect(w.status).toBe(422);
  expect(w.body.error.code).toBe('GRANT_SECRET_FILE');
  expect(await t.db.query('SELECT 1 FROM access_grants WHERE record_file_id = $1', [secretFile])).toEqual([]);
  users = {
    researcher: await t.as('researcher'),
    granted,
    agency: await t.as('agency', { agencyId: s.agencyId }),
    anonymous: t.anonymous(),
  };
}, 60_000);
afterAll(async () => t?.close());

/** The route's path with its id filled in (a page route gets the page, anything else the file or line). */
function urlOf(path: string, id: number | 'missing'): string {
  const v = id === 'missing' ? 999999 : id;
  return path.replace(':id', String(v));
}
const idFor = (path: string) => (path.includes('/pages/') ? secretPage : path.includes('/loans/') || path.includes('/copy-orders/') || path.includes('/access-requests/') ? 1 : secretFile);
const bodyFor = (id: number | 'missing') => ({ recordFileId: id === 'missing' ? 999999 : secretFile, lineId: id === 'missing' ? 999999 : secretLine, receivedByName: 'X', requestId: 1, to: 'paid', conditionCode: '01', decision: 'approve' });

describe.each(['researcher', 'granted', 'agency', 'anonymous'] as const)('for %s', (who) => {
  it('staff-only routes refuse; the others never reveal the secret file (same answer as a missing id, no secret text)', async () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const c = users[who];
      const role = who === 'granted' ? 'researcher' : who;
      const call = (id: number | 'missing') => c.request(r.method.toUpperCase(), urlOf(r.path, id === 'missing' ? 'missing' : idFor(r.path)), r.method === 'get' ? undefined : bodyFor(id));
      const res = await call(secretFile);
      const text = res.buffer.toString('utf8');
      expect(text, `${r.method} ${r.path}`).not.toContain(SECRET_WORD);
      expect(text, `${r.method} ${r.path}`).not.toContain('Hội nghị');
      if (r.access === STAFF || (Array.isArray(r.access) && !r.access.includes(role as never) && who !== 'anonymous')) {
        expect(res.status, `${r.method} ${r.path}`).toBe(who === 'anonymous' ? 401 : 403);
        continue;
      }
      if (who === 'anonymous') {
        expect(res.status, `${r.method} ${r.path}`).toBe(401);
        continue;
      }
      if (!r.path.includes(':id') && r.method === 'get') continue; // lists: checked for the secret text above
      const missing = await call('missing');
      if (r.path.includes(':id') || r.method !== 'get') {
        expect(res.status, `${r.method} ${r.path}`).toBe(missing.status);
        expect(res.body, `${r.method} ${r.path}`).toEqual(missing.body);
      }
    }
  });
});
