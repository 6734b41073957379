import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { SYSTEM } from '../../../server/core/actor.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ LOGIN_RATE_LIMIT: '3' })));
afterAll(() => t?.close());

const OLD = 'mat-khau-cu-dai-du';
const NEW = 'mat-khau-moi-dai-du';

describe('changing one\'s own password', () => {
  it('when a user gives the right current password, then the new one signs in, the old one does not, other sessions end and this one stays', async () => {
    await t.auth.createUser(SYSTEM, { username: 'docgia.an', displayName: 'Độc giả An', password: OLD, role: 'researcher' });
    const here = t.anonymous();
    const elsewhere = t.anonymous();
    expect((await here.login('docgia.an', OLD)).status).toBe(200);
    expect((await elsewhere.login('docgia.an', OLD)).status).toBe(200);

    const r = await here.post('/api/auth/password', { currentPassword: OLD, newPassword: NEW });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ otherSessionsEnded: 1 });
    expect((await here.get('/api/auth/me')).body.user.username).toBe('docgia.an');
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().login('docgia.an', OLD)).status).toBe(401);
    expect((await t.anonymous().login('docgia.an', NEW)).status).toBe(200);
    const events = await t.db.query<{ action: string; data: unknown }>(`SELECT action, data FROM events WHERE entity_type = 'user' AND action = 'user.password_changed'`);
    expect(events).toEqual([{ action: 'user.password_changed', data: { otherSessionsEnded: 1 } }]);
  });

  it('when the current password is wrong, then 400 CURRENT_PASSWORD_WRONG in Vietnamese, the password is kept, and repeated tries are throttled', async () => {
    await t.auth.createUser(SYSTEM, { username: 'vanthu.binh', displayName: 'Văn thư Bình', password: OLD, role: 'agency', agencyId: (await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('PW1', 'Sở Tư pháp', 'province') RETURNING id`))[0].id });
    const c = t.anonymous();
    expect((await c.login('vanthu.binh', OLD)).status).toBe(200);
    const wrong = await c.post('/api/auth/password', { currentPassword: 'khong-phai-mat-khau', newPassword: NEW });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    expect(wrong.body.error.message).toMatch(/Mật khẩu hiện tại không đúng/);
    // Still signed in: a wrong current password is not a lost session.
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await t.anonymous().login('vanthu.binh', OLD)).status).toBe(200);

    const same = await c.post('/api/auth/password', { currentPassword: OLD, newPassword: OLD });
    expect(same.body.error.code).toBe('PASSWORD_UNCHANGED');
    const short = await c.post('/api/auth/password', { currentPassword: OLD, newPassword: 'ngan' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');

    for (let i = 0; i < 3; i++) await c.post('/api/auth/password', { currentPassword: 'sai', newPassword: NEW });
    const blocked = await c.post('/api/auth/password', { currentPassword: OLD, newPassword: NEW });
    expect(blocked.status).toBe(429);
    expect((await t.anonymous().login('vanthu.binh', NEW)).status).not.toBe(200);
  });

  it('when nobody is signed in, then the route answers 401', async () => {
    expect((await t.anonymous().post('/api/auth/password', { currentPassword: OLD, newPassword: NEW })).status).toBe(401);
  });
});

describe('the session probe of the login page', () => {
  it('when nobody is signed in, then /api/auth/session answers 200 without a user; when signed in, then with the user and CSRF token', async () => {
    const anon = await t.anonymous().get('/api/auth/session');
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ csrfToken: null });
    const c = await t.as('archivist', { username: 'luutru.probe' });
    const r = await c.get('/api/auth/session');
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe('luutru.probe');
    expect(typeof r.body.csrfToken).toBe('string');
  });
});
