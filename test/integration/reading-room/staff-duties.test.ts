/**
 * GET /api/reading-room/staff (the read side of the duties screen): admin only; lists staff accounts (not readers
 * or agency accounts) with the duties PUT …/duties stored, so the screen starts from the stored set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin', { username: 'quantri.nv' });
  await t.as('archivist', { username: 'canbo.nv' });
  await t.as('researcher', { username: 'docgia.nv' });
});
afterAll(async () => t?.close());

describe('staff duties list', () => {
  it('when an admin sets duties, then the list shows them for that staff account and lists no reader', async () => {
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'canbo.nv'`);
    expect((await admin.put(`/api/reading-room/staff/${u!.id}/duties`, { duties: ['stacks', 'director'] })).status).toBe(200);
    const r = await admin.get<{ items: { username: string; duties: string[]; role: string }[] }>('/api/reading-room/staff');
    expect(r.status).toBe(200);
    expect(r.body.items.find((s) => s.username === 'canbo.nv')?.duties).toEqual(['director', 'stacks']);
    expect(r.body.items.find((s) => s.username === 'quantri.nv')?.duties).toEqual([]);
    expect(r.body.items.some((s) => s.username === 'docgia.nv')).toBe(false);
    expect(new Set(r.body.items.map((s) => s.role))).toEqual(new Set(['admin', 'archivist']));
  });

  it('when anyone but an admin asks, then it is refused', async () => {
    for (const role of ['archivist', 'researcher'] as const) {
      const c = await t.as(role, { username: `hoi.${role}` });
      expect((await c.get('/api/reading-room/staff')).status, role).toBe(403);
    }
    expect((await t.anonymous().get('/api/reading-room/staff')).status).toBe(401);
  });
});
