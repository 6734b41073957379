import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin', { username: 'quantri' });
}, 60_000);
afterAll(() => t?.close());

/** Sends raw bytes and returns the raw answer: Node's own limits answer before Express, so fetch is not enough. */
function raw(request: string): Promise<string> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1', () => s.write(request));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

function parse(answer: string) {
  const [head, ...rest] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head, body: JSON.parse(rest.join('\r\n\r\n')) };
}

describe('every error in the JSON shape', () => {
  it('when a URL of 20 KB arrives, then 431 with a JSON error and a Vietnamese message', async () => {
    const r = await fetch(`${t.baseUrl}/api/agencies?q=${'a'.repeat(20_000)}`);
    expect(r.status).toBe(431);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const body = await r.json();
    expect(body.error).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
    expect(body.error.message).toMatch(/quá dài/);
  });

  it('when the request line is malformed, then 400 with a JSON error', async () => {
    const r = parse(await raw('GARBAGE\r\n\r\n'));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
  });

  it('when a path segment is not valid percent-encoding, then 400 with a JSON error, not 500', async () => {
    const r = await admin.get('/api/agencies/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBeTruthy();
  });

  it('when a non-API path gets a POST, then 404 in the JSON shape', async () => {
    const r = await admin.request('POST', '/khong-co', {});
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('text stored as people meant it', () => {
  it('when a name carries zero-width characters or a BOM, then they are stripped; a bidi override or control character is refused', async () => {
    const created = await admin.post('/api/agencies', { code: 'ZW1', name: '\uFEFFSở\u200B Tư pháp', level: 'province' });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Sở Tư pháp');
    const bidi = await admin.post('/api/agencies', { code: 'ZW2', name: 'ACC \u202egnp.exe', level: 'province' });
    expect(bidi.status).toBe(400);
    const ctrl = await admin.post('/api/agencies', { code: 'ZW3', name: 'Sở\u0007Y tế', level: 'province' });
    expect(ctrl.status).toBe(400);
    const notes = await admin.post('/api/agencies', { code: 'ZW4', name: 'Sở Y tế', level: 'province', notes: 'Dòng 1\r\nDòng 2' });
    expect(notes.status).toBe(201);
    expect((await admin.get(`/api/agencies/${notes.body.id}`)).body.notes).toBe('Dòng 1\nDòng 2');
  });
});

describe('login CSRF and cross-site writes', () => {
  it('when a login arrives as an HTML form post, then 415 and no session cookie', async () => {
    const r = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'username=quantri&password=mat-khau-thu-nghiem',
    });
    expect(r.status).toBe(415);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect((await r.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      const p = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': type }, body: '{"username":"quantri","password":"mat-khau-thu-nghiem"}' });
      expect(p.status, type).toBe(415);
    }
  });

  it('when a JSON login comes from another origin, then 403 and no cookie; from its own origin, 200', async () => {
    const body = JSON.stringify({ username: 'quantri', password: 'mat-khau-thu-nghiem' });
    const cross = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('set-cookie')).toBeNull();
    expect((await cross.json()).error.code).toBe('ORIGIN_FORBIDDEN');
    const same = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: t.baseUrl }, body });
    expect(same.status).toBe(200);
  });

  it('when a cookie-authenticated write comes from another origin, then 403 even with the CSRF token; listed origins are allowed', async () => {
    const r = await admin.request('POST', '/api/agencies', { code: 'CS1', name: 'Sở Công Thương', level: 'province' }, { headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ORIGIN_FORBIDDEN');
    const own = await admin.request('POST', '/api/agencies', { code: 'CS2', name: 'Sở Công Thương', level: 'province' }, { headers: { origin: t.baseUrl } });
    expect(own.status).toBe(201);
    const u = await startTestApp({ ALLOWED_ORIGINS: 'https://kho.example.vn' });
    try {
      const c = await u.as('admin');
      const listed = await c.request('POST', '/api/agencies', { code: 'CS3', name: 'Sở Công Thương', level: 'province' }, { headers: { origin: 'https://kho.example.vn' } });
      expect(listed.status).toBe(201);
    } finally {
      await u.close();
    }
  });
});

describe('security headers', () => {
  it('when any response goes out, then it carries CSP, nosniff, Referrer-Policy and frame protection, and no HSTS over plain HTTP', async () => {
    for (const path of ['/api/health', '/api/khong-co', '/']) {
      const r = await fetch(t.baseUrl + path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/img-src 'self' blob: data:/);
      expect(csp, path).not.toMatch(/upgrade-insecure-requests/);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('when the request came over TLS through the trusted proxy, then HSTS is sent', async () => {
    const r = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
