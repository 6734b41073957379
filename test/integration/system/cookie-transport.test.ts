import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { plainHttpWarning } from '../../../server/http/middleware/transport.js';
import { loadConfig } from '../../../server/config.js';
import { SYSTEM } from '../../../server/core/actor.js';

let t: TestApp;
beforeAll(async () => {
  // The default (auto), not the tests' forced false: the cookie must follow the connection.
  t = await startTestApp({ COOKIE_SECURE: 'auto' });
  await t.auth.createUser(SYSTEM, { username: 'thuthu', displayName: 'Thủ thư', password: 'mat-khau-dai-du', role: 'archivist' });
});
afterAll(() => t?.close());

const login = (headers: Record<string, string> = {}) =>
  fetch(`${t.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'thuthu', password: 'mat-khau-dai-du' }),
  });

describe('session cookie and the connection it came over', () => {
  it('when nothing is configured, then COOKIE_SECURE is auto', () => {
    expect(loadConfig({}).COOKIE_SECURE).toBe('auto');
    expect(loadConfig({ COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
  });

  it('when a user logs in over plain HTTP, then the cookie is not Secure and the next request is signed in', async () => {
    const r = await login();
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/kho_sid=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const me = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
  });

  it('when a trusted proxy on loopback says the request came over HTTPS, then the cookie is Secure', async () => {
    const r = await login({ 'x-forwarded-proto': 'https' });
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('when the proxy is not trusted, then X-Forwarded-Proto is ignored', async () => {
    const u = await startTestApp({ COOKIE_SECURE: 'auto', TRUST_PROXY: 'false' });
    try {
      await u.auth.createUser(SYSTEM, { username: 'thuthu', displayName: 'Thủ thư', password: 'mat-khau-dai-du', role: 'archivist' });
      const r = await fetch(`${u.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'thuthu', password: 'mat-khau-dai-du' }),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    } finally {
      await u.close();
    }
  });

  it('when the server listens on a LAN address over plain HTTP, then start-up warns; on loopback or with a forced Secure cookie it does not', () => {
    expect(plainHttpWarning({ HOST: '0.0.0.0', PORT: 3000, COOKIE_SECURE: 'auto' })).toMatch(/HTTP thường/);
    expect(plainHttpWarning({ HOST: '192.168.1.10', PORT: 3000, COOKIE_SECURE: false })).toMatch(/HTTP thường/);
    expect(plainHttpWarning({ HOST: '127.0.0.1', PORT: 3000, COOKIE_SECURE: 'auto' })).toBeNull();
    expect(plainHttpWarning({ HOST: '::1', PORT: 3000, COOKIE_SECURE: 'auto' })).toBeNull();
    expect(plainHttpWarning({ HOST: 'localhost', PORT: 3000, COOKIE_SECURE: 'auto' })).toBeNull();
    expect(plainHttpWarning({ HOST: '0.0.0.0', PORT: 3000, COOKIE_SECURE: true })).toBeNull();
  });
});
