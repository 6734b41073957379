import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { HttpClient } from '../../support/http-client.js';
import { SYSTEM } from '../../../server/core/actor.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ LOGIN_RATE_LIMIT: '3' })));
afterAll(() => t?.close());

describe('accounts and sessions', () => {
  it('when a user logs in, then the session cookie is HTTP-only and SameSite, and the password is stored as argon2id', async () => {
    await t.auth.createUser(SYSTEM, { username: 'thuthu', displayName: 'Thủ thư', password: 'mat-khau-dai-du', role: 'archivist' });
    const c = new HttpClient(t.baseUrl);
    const raw = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'thuthu', password: 'mat-khau-dai-du' }) });
    const cookie = raw.headers.get('set-cookie')!;
    expect(cookie).toMatch(/kho_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const [row] = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'thuthu'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await c.login('thuthu', 'mat-khau-dai-du')).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.user.username).toBe('thuthu');
  });

  it('when the app clock is far from the real time, then the session cookie still lives for the session TTL from now', async () => {
    await t.auth.createUser(SYSTEM, { username: 'dongho', displayName: 'Đồng hồ', password: 'mat-khau-dai-du', role: 'archivist' });
    const saved = t.now.value;
    try {
      for (const appNow of [new Date('2001-01-01T08:00:00+07:00'), new Date('2099-06-01T08:00:00+07:00')]) {
        t.now.value = appNow;
        const raw = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dongho', password: 'mat-khau-dai-du' }) });
        const cookie = raw.headers.get('set-cookie')!;
        expect(cookie).toMatch(new RegExp(`Max-Age=${t.config.SESSION_TTL_HOURS * 3600}(;|$)`));
        // A browser reads Expires by its own clock: it must be the real time plus the TTL, never the app's clock.
        const expires = /Expires=([^;]+)/.exec(cookie);
        if (expires) expect(Math.abs(Date.parse(expires[1]) - (Date.now() + t.config.SESSION_TTL_HOURS * 3600_000))).toBeLessThan(60_000);
      }
    } finally {
      t.now.value = saved;
    }
  });

  it('when a cookie-authenticated write lacks the CSRF header, then 403 CSRF_TOKEN_INVALID', async () => {
    const admin = await t.as('admin');
    const r = await admin.request('POST', '/api/users', { username: 'x-user', displayName: 'X', password: 'mat-khau-dai-du', role: 'researcher' }, { headers: { 'x-csrf-token': 'wrong' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const ok = await admin.post('/api/users', { username: 'x-user', displayName: 'X', password: 'mat-khau-dai-du', role: 'researcher' });
    expect(ok.status).toBe(201);
  });

  it('when a password is wrong too often, then login is refused with 429 even with the right password', async () => {
    await t.auth.createUser(SYSTEM, { username: 'nannhan', displayName: 'N', password: 'mat-khau-dai-du', role: 'researcher' });
    const c = t.anonymous();
    for (let i = 0; i < 3; i++) expect((await c.login('nannhan', 'sai-mat-khau')).status).toBe(401);
    const r = await c.login('nannhan', 'mat-khau-dai-du');
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('when an admin deactivates a user, then that user’s session stops working at once', async () => {
    const admin = await t.as('admin');
    const researcher = await t.as('researcher', { username: 'docgia1' });
    const users = (await admin.get('/api/users')).body as { id: number; username: string }[];
    const id = users.find((u) => u.username === 'docgia1')!.id;
    expect((await admin.patch(`/api/users/${id}`, { active: false })).status).toBe(200);
    expect((await researcher.get('/api/auth/me')).status).toBe(401);
  });

  it('when an agency account is created without an agency, then 400 AGENCY_BINDING_INVALID', async () => {
    const admin = await t.as('admin');
    const r = await admin.post('/api/users', { username: 'coquan', displayName: 'CQ', password: 'mat-khau-dai-du', role: 'agency' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('AGENCY_BINDING_INVALID');
  });

  it('when logged out, then the old cookie no longer authenticates', async () => {
    const c = await t.as('researcher');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = new HttpClient(t.baseUrl);
    replay.cookie = cookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });
});
