/**
 * Leak probe over every reading-room GET route of readers, finding aids, cart and slips: as a researcher, no answer
 * carries a secret file's title or notation, nor another reader's name, identity document or slip; as an agency
 * account or anonymously, none of it is reachable at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { holding, registeredReader, staffWith, type Holding } from './rr-core-fixtures.js';

let t: TestApp;
let me: { client: HttpClient; readerId: number };
let them: { client: HttpClient; readerId: number };
let h: Holding;
let theirRequest: number;
const SECRET_TITLE = 'Kế hoạch phòng thủ tuyệt mật';
const SECRET_NOTATION = 'TM-777';
const MINE = /^\/api\/reading-room\/(register|me|readers|fonds|files|cart|requests|staff|reports|holds)/;

beforeAll(async () => {
  t = await startTestApp();
  const head = await staffWith(t, ['reading_room_head'], 'truongphong');
  me = await registeredReader(t, 1);
  them = await registeredReader(t, 2);
  for (const r of [me, them]) await head.post(`/api/reading-room/readers/${r.readerId}/verify`, {});
  h = await holding(t, [{ title: 'Hồ sơ công khai' }, { title: SECRET_TITLE, notation: SECRET_NOTATION, secrecy: 'tuyet_mat' }]);
  const r = await them.client.post('/api/reading-room/requests/submit', { kind: 'read', lines: [{ recordFileId: h.fileIds[0] }] });
  theirRequest = r.body.id;
  await me.client.post('/api/reading-room/cart', { boxId: h.boxId });
});
afterAll(() => t?.close());

function urls(path: string): string[] {
  const subs: Record<string, string[]> = {
    ':id': [String(h.fileIds[1]), String(theirRequest), String(them.readerId), String(h.fondsId)],
    ':fileId': [String(h.fileIds[1])],
    ':lineId': ['1'],
  };
  let out = [path];
  for (const [k, vs] of Object.entries(subs)) if (path.includes(k)) out = out.flatMap((u) => vs.map((v) => u.replace(k, v)));
  const q = path.endsWith('/files') ? [`?q=${encodeURIComponent('phong thu tuyet mat')}`, `?fondsId=${h.fondsId}`, `?boxId=${h.boxId}`, ''] : [''];
  return out.flatMap((u) => q.map((x) => u + (path.includes('reports') ? '?year=2026' : x)));
}

describe('reading-room answers never leak', () => {
  it('when a researcher calls every GET route, then no secret file and nothing of another reader comes back', async () => {
    const routes = t.routes.filter((r) => r.method === 'get' && MINE.test(r.path));
    expect(routes.length).toBeGreaterThan(8);
    const theirName = 'Nguyễn Văn Độc Giả 2';
    for (const r of routes) {
      for (const url of urls(r.path)) {
        const res = await me.client.get(url);
        const text = res.buffer.toString('utf8');
        expect(text, url).not.toContain(SECRET_TITLE);
        expect(text, url).not.toContain(SECRET_NOTATION);
        expect(text, url).not.toContain(theirName);
        expect(text, url).not.toContain('033090000002');
        expect(res.status, url).toBeLessThan(500);
      }
    }
    // The probe is not vacuous: staff do see the secret file, and the researcher sees the public one.
    const staff = await t.as('archivist');
    expect((await staff.get(`/api/reading-room/files?boxId=${h.boxId}`)).buffer.toString()).toContain(SECRET_TITLE);
    expect((await me.client.get(`/api/reading-room/files?boxId=${h.boxId}`)).buffer.toString()).toContain('Hồ sơ công khai');
  });

  it('when an agency account or nobody calls them, then only the public registration and the open finding aids answer', async () => {
    const [a] = await t.db.query<{ id: number }>(`SELECT id FROM source_agencies LIMIT 1`);
    const agency = await t.as('agency', { agencyId: a!.id });
    for (const r of t.routes.filter((x) => x.method === 'get' && MINE.test(x.path))) {
      for (const url of urls(r.path)) {
        const anon = await t.anonymous().get(url);
        expect(anon.status, url).toBe(401);
        const ag = await agency.get(url);
        const text = ag.buffer.toString('utf8');
        expect(text, url).not.toContain(SECRET_TITLE);
        expect(text, url).not.toContain('Nguyễn Văn Độc Giả');
        if (!/\/(fonds|files)/.test(url)) expect(ag.status, url).toBe(403);
      }
    }
  });
});
