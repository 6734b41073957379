import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let clients: HttpClient[];

beforeAll(async () => {
  t = await startTestApp();
  const [a] = await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('R', 'Cơ quan R', 'province') RETURNING id`);
  clients = [await t.as('admin'), await t.as('archivist'), await t.as('agency', { agencyId: a.id }), await t.as('researcher')];
});
afterAll(() => t?.close());

describe('intake and deadline routes under bad input', () => {
  it('when called with unknown or oversized ids, junk bodies and junk queries, then every answer is a 2xx/4xx, never a 5xx', async () => {
    const mine = t.routes.filter((r) => ['intake', 'deadlines'].includes(r.tag));
    expect(mine.length).toBeGreaterThanOrEqual(18);
    const bodies = [{}, { code: 'A', name: 'A', level: 'province', parentId: 2_147_483_647, successorId: 999999 }, { year: 2026, decisionNo: 'x', decisionDate: '2026-02-31', recordsToYear: 2000 }, [], 'x'];
    const failures: string[] = [];
    for (const route of mine) {
      for (const id of ['999999', '99999999999', '0', 'abc']) {
        const url = route.path.replace(/:[A-Za-z0-9_]+/g, id);
        for (const c of clients) {
          for (const body of route.method === 'get' ? [undefined] : bodies) {
            const r = await c.request(route.method.toUpperCase(), `${url}${route.method === 'get' ? '?q=%25_%5C&limit=abc' : ''}`, body);
            if (r.status >= 500) failures.push(`${route.method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
            else if (r.status >= 400) expect(r.body.error.message, url).toMatch(/\S/);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('when the search text holds LIKE wildcards, then they match literally', async () => {
    const admin = clients[0];
    expect((await admin.get(`/api/agencies?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    expect((await admin.get(`/api/agencies?q=${encodeURIComponent('_')}`)).body.total).toBe(0);
    expect((await admin.get(`/api/agencies?q=r`)).body.total).toBe(1);
  });
});
