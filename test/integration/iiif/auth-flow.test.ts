/**
 * IIIF Authorization Flow 2.0 over HTTP, the way an outside viewer on another origin uses it: probe, consent at the
 * access service (as the signed-in user), token service page (postMessage body), then bearer requests. Real app,
 * real database, real pyramid tiles. The browser version of the same flow is test/e2e/browser/iiif-auth.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from '../search/search-factory.js';
import { json, withBlobs } from './iiif-fixtures.js';

const VIEWER = 'http://viewer.example';
const OTHER = 'http://other-viewer.example';
const STRANGER = 'http://stranger.example';

let t: TestApp;
let anon: HttpClient;
const ids = { openFile: 0, openPage: 0, closedDocPage: 0, secretDocPage: 0, restrictedFile: 0, restrictedPage: 0, secretFile: 0, secretPage: 0 };
let granted: HttpClient;
let ungranted: HttpClient;

/** The consent step of the access service, as its page does it: a same-origin POST with the session's CSRF token. */
async function consent(app: TestApp, client: HttpClient, origin: string) {
  const r = await fetch(`${app.baseUrl}/api/iiif/auth/access`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': 'application/json' },
    body: JSON.stringify({ origin }),
  });
  return { status: r.status, setCookie: r.headers.get('set-cookie'), body: r.status === 204 ? null : await r.json() };
}

/** The token service page's one postMessage: [message, target origin]. */
async function tokenPage(app: TestApp, accessCookie: string | null, query: string) {
  const r = await fetch(`${app.baseUrl}/api/iiif/auth/token${query}`, { headers: accessCookie ? { cookie: accessCookie } : {} });
  const html = await r.text();
  const m = /window\.parent\.postMessage\((\{.*\}), ("[^"]*")\);/.exec(html);
  return { res: r, html, message: m ? JSON.parse(m[1]) : null, target: m ? JSON.parse(m[2]) : null };
}

async function tokenFor(client: HttpClient, origin = VIEWER) {
  const c = await consent(t, client, origin);
  expect(c.status).toBe(204);
  const cookie = c.setCookie!.split(';')[0];
  const p = await tokenPage(t, cookie, `?messageId=m1&origin=${encodeURIComponent(origin)}`);
  expect(p.message.type).toBe('AuthAccessToken2');
  return { token: p.message.accessToken as string, cookie, message: p.message };
}

const bearer = (token: string, path: string, origin: string | null = VIEWER) =>
  fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) } });
const probe = async (path: string, token?: string, origin: string | null = VIEWER) => {
  const r = token ? await bearer(token, path, origin) : await fetch(t.baseUrl + path, { headers: { origin: VIEWER } });
  expect(r.status).toBe(200);
  return r.json();
};
const pageProbe = (id: number, token?: string, origin?: string | null) => probe(`/api/iiif/auth/probe/page-${id}`, token, origin);

beforeAll(async () => {
  t = await startTestApp({ IIIF_PUBLIC: 'true', IIIF_AUTH_ORIGINS: `${VIEWER}, ${OTHER}`, IIIF_AUTH_TOKEN_TTL_SECONDS: '120' });
  anon = t.anonymous();
  const a = await agency(t.db, 'Sở Tư pháp', 'P07');
  ids.openFile = await recordFile(t.db, { ...a, title: 'Hồ sơ hộ tịch năm 1999' });
  ids.openPage = await page(t.db, ids.openFile, 'Sổ đăng ký khai sinh xã Tân Hòa');
  const closedDoc = await document(t.db, ids.openFile, { subject: 'Trích lục cải chính', accessLevel: 'restricted' });
  ids.closedDocPage = await page(t.db, ids.openFile, 'Trích lục cải chính hộ tịch', { documentId: closedDoc });
  const secretDoc = await document(t.db, ids.openFile, { subject: 'Công văn mật', secrecy: 'mat' });
  ids.secretDocPage = await page(t.db, ids.openFile, 'Công văn mật hộ tịch', { documentId: secretDoc });
  ids.restrictedFile = await recordFile(t.db, { ...a, title: 'Hồ sơ nhận con nuôi', accessLevel: 'restricted' });
  ids.restrictedPage = await page(t.db, ids.restrictedFile, 'Quyết định nhận con nuôi');
  ids.secretFile = await recordFile(t.db, { ...a, title: 'Hồ sơ quốc tịch', secrecy: 'mat' });
  ids.secretPage = await page(t.db, ids.secretFile, 'Danh sách quốc tịch');
  for (const id of [ids.openPage, ids.closedDocPage, ids.secretDocPage, ids.restrictedPage, ids.secretPage]) await withBlobs(t, id);
  granted = await t.as('researcher', { username: 'doc-gia-co-quyen' });
  ungranted = await t.as('researcher', { username: 'doc-gia-khong-quyen' });
  const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'doc-gia-co-quyen'`);
  // Grants per file: the restricted file, and the open file (which opens its restricted document; never the secret one).
  for (const f of [ids.restrictedFile, ids.openFile, ids.secretFile]) {
    await t.db.query(`INSERT INTO access_grants (user_id, record_file_id, note) VALUES ($1, $2, 'Phiếu yêu cầu đã duyệt')`, [u!.id, f]);
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('IIIF Auth 2: services advertised', () => {
  it('when info.json and the manifest are read, then probe → access (active) → token and logout are described', async () => {
    const info = json(await anon.get(`/api/iiif/3/page-${ids.openPage}/info.json`));
    const [p] = info.service;
    expect(p).toMatchObject({ id: `${t.baseUrl}/api/iiif/auth/probe/page-${ids.openPage}`, type: 'AuthProbeService2' });
    expect(p.service[0]).toMatchObject({ id: `${t.baseUrl}/api/iiif/auth/access`, type: 'AuthAccessService2', profile: 'active' });
    expect(p.service[0].label.vi[0]).toMatch(/Đăng nhập/);
    expect(p.service[0].service.map((s: { type: string }) => s.type)).toEqual(['AuthAccessTokenService2', 'AuthLogoutService2']);
    const man = json(await anon.get(`/api/iiif/3/file-${ids.openFile}/manifest.json`));
    expect(man.service.find((s: { type: string }) => s.type === 'AuthProbeService2').id).toBe(`${t.baseUrl}/api/iiif/auth/probe/file-${ids.openFile}`);
    const body = man.items[0].items[0].items[0].body;
    expect(body.service.map((s: { type: string }) => s.type)).toEqual(['ImageService3', 'AuthProbeService2']);
    expect(body.service[1].id).toBe(`${t.baseUrl}/api/iiif/auth/probe/page-${ids.openPage}`);
  });
});

describe('IIIF Auth 2: probe without a token', () => {
  it('when nobody is signed in, then an open page is 200 and every closed id gets the same 401 with Vietnamese substitute, heading and note', async () => {
    expect((await pageProbe(ids.openPage)).status).toBe(200);
    const closed = await Promise.all([ids.closedDocPage, ids.secretDocPage, ids.restrictedPage, ids.secretPage, 999_999].map((id) => pageProbe(id)));
    for (const c of closed) expect(c).toEqual(closed[0]);
    expect(closed[0]).toMatchObject({ '@context': 'http://iiif.io/api/auth/2/context.json', type: 'AuthProbeResult2', status: 401 });
    expect(closed[0].heading.vi[0]).toBe('Cần đăng nhập để xem');
    expect(closed[0].note.vi[0]).toMatch(/đăng nhập/);
    expect(closed[0].substitute[0]).toMatchObject({ type: 'Image', format: 'image/svg+xml', label: { vi: ['Tài liệu hạn chế sử dụng'] } });
    const svg = await fetch(closed[0].substitute[0].id);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toContain('Tài liệu hạn chế sử dụng');
  });

  it('when the file-level probe is asked, then a login would show more of the open file (401) but a secret document alone changes nothing', async () => {
    expect((await probe(`/api/iiif/auth/probe/file-${ids.openFile}`)).status).toBe(401);
    expect((await probe(`/api/iiif/auth/probe/file-${ids.restrictedFile}`)).status).toBe(401);
    await t.db.query(`UPDATE documents SET access_level = 'unrestricted' WHERE id = (SELECT document_id FROM pages WHERE id = $1)`, [ids.closedDocPage]);
    try {
      // Only the secret document is hidden now: the probe says 200, exactly as for a file without it.
      expect((await probe(`/api/iiif/auth/probe/file-${ids.openFile}`)).status).toBe(200);
    } finally {
      await t.db.query(`UPDATE documents SET access_level = 'restricted' WHERE id = (SELECT document_id FROM pages WHERE id = $1)`, [ids.closedDocPage]);
    }
  });

  it('when a viewer on another origin preflights a bearer probe, then CORS allows the Authorization header without credentials', async () => {
    const pre = await fetch(`${t.baseUrl}/api/iiif/auth/probe/page-${ids.openPage}`, {
      method: 'OPTIONS', headers: { origin: VIEWER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const r = await fetch(`${t.baseUrl}/api/iiif/auth/probe/page-${ids.openPage}`, { headers: { origin: VIEWER } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('content-type')).toContain('application/ld+json');
    expect(r.headers.get('vary')).toMatch(/Authorization/);
  });
});

describe('IIIF Auth 2: tokens bound to the user', () => {
  it('when the reader with grants holds a token, then restricted pages open (probe, info.json, tile, manifest) and secret ones never', async () => {
    const { token, message, cookie } = await tokenFor(granted);
    expect(message).toMatchObject({ '@context': 'http://iiif.io/api/auth/2/context.json', messageId: 'm1', expiresIn: 120 });
    expect(cookie).toMatch(/^kho_iiif_access=/);
    expect((await pageProbe(ids.restrictedPage, token)).status).toBe(200);
    expect((await pageProbe(ids.closedDocPage, token)).status).toBe(200);
    for (const id of [ids.secretPage, ids.secretDocPage, 999_999]) expect((await pageProbe(id, token)).status, `page ${id}`).toBe(403);
    const info = await bearer(token, `/api/iiif/3/page-${ids.restrictedPage}/info.json`);
    expect(info.status).toBe(200);
    expect(info.headers.get('cache-control')).toBe('private, no-cache');
    expect(info.headers.get('vary')).toMatch(/Authorization/);
    const tile = await bearer(token, `/api/iiif/3/page-${ids.restrictedPage}/0,0,256,256/256,/0/default.jpg`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect(tile.headers.get('cache-control')).toMatch(/^private/);
    expect((await bearer(token, `/api/iiif/3/page-${ids.secretPage}/0,0,256,256/256,/0/default.jpg`)).status).toBe(404);
    const man = await (await bearer(token, `/api/iiif/3/file-${ids.openFile}/manifest.json`)).json();
    const canvases = man.items.map((c: { id: string }) => Number(c.id.split('/').pop()));
    expect(canvases).toEqual([ids.openPage, ids.closedDocPage]);
    expect((await probe(`/api/iiif/auth/probe/file-${ids.openFile}`, token)).status).toBe(200);
    const restricted = await bearer(token, `/api/iiif/3/file-${ids.restrictedFile}/manifest.json`);
    expect(restricted.status).toBe(200);
    expect((await bearer(token, `/api/iiif/3/file-${ids.secretFile}/manifest.json`)).status).toBe(404);
    // Search inside the file answers for the same user: the restricted document's words are hits, the secret one's never.
    const hits = await (await bearer(token, `/api/iiif/search/2/file-${ids.openFile}?q=${encodeURIComponent('hộ tịch')}`)).json();
    const hitPages = new Set(hits.items.map((h: { target: string }) => Number(h.target.split('#')[0].split('/').pop())));
    expect([...hitPages].sort()).toEqual([ids.closedDocPage].sort());
    const publicHits = await (await fetch(`${t.baseUrl}/api/iiif/search/2/file-${ids.openFile}?q=${encodeURIComponent('hộ tịch')}`)).json();
    expect(publicHits.items).toEqual([]);
    // The same restricted tile without the token: the public sees nothing.
    expect((await fetch(`${t.baseUrl}/api/iiif/3/page-${ids.restrictedPage}/0,0,256,256/256,/0/default.jpg`)).status).toBe(404);
  });

  it('when a reader without a grant holds a token, then the probe says 403 and restricted content stays 404', async () => {
    const { token } = await tokenFor(ungranted);
    expect((await pageProbe(ids.openPage, token)).status).toBe(200);
    const denied = await pageProbe(ids.restrictedPage, token);
    expect(denied.status).toBe(403);
    expect(denied.heading.vi[0]).toBe('Không có quyền xem');
    expect(await pageProbe(ids.secretPage, token)).toEqual(denied);
    expect((await probe(`/api/iiif/auth/probe/file-${ids.openFile}`, token)).status).toBe(403);
    expect((await bearer(token, `/api/iiif/3/page-${ids.restrictedPage}/info.json`)).status).toBe(404);
    expect((await bearer(token, `/api/iiif/3/page-${ids.closedDocPage}/0,0,256,256/256,/0/default.jpg`)).status).toBe(404);
  });

  it('when staff hold a token, then they see what the visibility rule gives staff, secret included', async () => {
    const staff = await t.as('archivist');
    const { token } = await tokenFor(staff);
    expect((await pageProbe(ids.secretPage, token)).status).toBe(200);
  });

  it('when the token lapses, then the probe falls back to 401 and content requests with it are refused', async () => {
    const { token, cookie } = await tokenFor(granted);
    const start = t.now.value;
    t.now.value = new Date(start.getTime() + 121_000);
    try {
      expect((await pageProbe(ids.restrictedPage, token)).status).toBe(401);
      const r = await bearer(token, `/api/iiif/3/page-${ids.openPage}/info.json`);
      expect(r.status).toBe(401);
      expect((await r.json()).error.code).toBe('IIIF_TOKEN_INVALID');
      // The consent outlives the token: the token service silently issues a fresh one.
      const again = await tokenPage(t, cookie, `?messageId=m2&origin=${encodeURIComponent(VIEWER)}`);
      expect(again.message.type).toBe('AuthAccessToken2');
      expect((await pageProbe(ids.restrictedPage, again.message.accessToken)).status).toBe(200);
    } finally {
      t.now.value = start;
    }
  });

  it('when the user logs out of the app or revokes at the logout service, then tokens and the consent end', async () => {
    const reader = await t.as('researcher');
    const a = await tokenFor(reader);
    const logout = await fetch(`${t.baseUrl}/api/iiif/auth/token/logout`, { headers: { cookie: a.cookie } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/kho_iiif_access=;/);
    expect((await pageProbe(ids.openPage, a.token)).status).toBe(401);
    expect((await tokenPage(t, a.cookie, `?messageId=x&origin=${encodeURIComponent(VIEWER)}`)).message.profile).toBe('missingAspect');
    const b = await tokenFor(reader);
    expect((await reader.post('/api/auth/logout')).status).toBe(204);
    expect((await bearer(b.token, `/api/iiif/3/page-${ids.openPage}/info.json`)).status).toBe(401);
    expect((await tokenPage(t, b.cookie, `?messageId=y&origin=${encodeURIComponent(VIEWER)}`)).message.profile).toBe('missingAspect');
  });
});

describe('IIIF Auth 2: origins', () => {
  it('when a token is used from another origin than it was issued to, then it opens nothing', async () => {
    const { token } = await tokenFor(granted);
    expect((await pageProbe(ids.restrictedPage, token, OTHER)).status).toBe(401);
    expect((await bearer(token, `/api/iiif/3/page-${ids.restrictedPage}/info.json`, OTHER)).status).toBe(401);
  });

  it('when an origin outside IIIF_AUTH_ORIGINS asks, then consent and token are refused; a consent for one origin does not open another', async () => {
    const refused = await consent(t, granted, STRANGER);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('IIIF_AUTH_ORIGIN_FORBIDDEN');
    expect(refused.setCookie).toBeNull();
    const { cookie } = await tokenFor(granted, VIEWER);
    const stranger = await tokenPage(t, cookie, `?messageId=s1&origin=${encodeURIComponent(STRANGER)}`);
    expect(stranger.message).toMatchObject({ type: 'AuthAccessTokenError2', profile: 'invalidOrigin', messageId: 's1' });
    expect(stranger.message.heading.vi[0]).toBe('Không lấy được quyền xem');
    expect(stranger.message.accessToken).toBeUndefined();
    expect(stranger.target).toBe(STRANGER);
    const other = await tokenPage(t, cookie, `?messageId=o1&origin=${encodeURIComponent(OTHER)}`);
    expect(other.message).toMatchObject({ type: 'AuthAccessTokenError2', profile: 'missingAspect' });
    const page = await fetch(`${t.baseUrl}/api/iiif/auth/access?origin=${encodeURIComponent(STRANGER)}`, { headers: { cookie: granted.cookie! } });
    const html = await page.text();
    expect(html).toContain('IIIF_AUTH_ORIGINS');
    expect(html).not.toContain('id="allow"');
  });

  it('when the token service is asked without messageId or without an access cookie, then it answers invalidRequest / missingAspect', async () => {
    expect((await tokenPage(t, null, `?origin=${encodeURIComponent(VIEWER)}`)).message.profile).toBe('invalidRequest');
    expect((await tokenPage(t, null, `?messageId=1&origin=${encodeURIComponent(VIEWER)}`)).message.profile).toBe('missingAspect');
    const bad = await tokenPage(t, null, `?messageId=1&origin=${encodeURIComponent('javascript:alert(1)')}`);
    expect(bad.message).toBeNull();
  });
});

describe('IIIF Auth 2: pages, headers and cookies', () => {
  it('when the token page is framed, then its own CSP allows any ancestor and one nonce script, and nothing is cached', async () => {
    const p = await tokenPage(t, null, `?messageId=1&origin=${encodeURIComponent(VIEWER)}`);
    const csp = p.res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain("'unsafe-inline'");
    expect(p.html).toContain(`<script nonce="${nonce}">`);
    expect(p.res.headers.get('x-frame-options')).toBeNull();
    expect(p.res.headers.get('cache-control')).toBe('no-store');
    // The app's CSP elsewhere is untouched.
    const other = await anon.get('/api/health');
    expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(other.headers.get('x-frame-options')).toBe('DENY');
  });

  it('when a signed-in user opens the access service, then the page names the origin, asks consent, cannot be framed, and closes after', async () => {
    const r = await fetch(`${t.baseUrl}/api/iiif/auth/access?origin=${encodeURIComponent(VIEWER)}`, { headers: { cookie: granted.cookie! } });
    const html = await r.text();
    expect(html).toContain(VIEWER);
    expect(html).toContain('Bạn đang đăng nhập là');
    expect(html).toContain('window.close()');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).toContain(`<script nonce="${/'nonce-([^']+)'/.exec(csp)![1]}">`);
    expect(r.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    const anonymous = await (await fetch(`${t.baseUrl}/api/iiif/auth/access?origin=${encodeURIComponent(VIEWER)}`)).text();
    expect(anonymous).toContain('name="password"');
  });

  it('when consent is given over plain HTTP, then the access cookie is HttpOnly, Lax and scoped to the token service path', async () => {
    const c = await consent(t, granted, VIEWER);
    expect(c.setCookie).toMatch(/Path=\/api\/iiif\/auth\/token/);
    expect(c.setCookie).toMatch(/HttpOnly/);
    expect(c.setCookie).toMatch(/SameSite=Lax/);
    expect(c.setCookie).not.toMatch(/Secure/);
  });

  it('when consent is given without the session CSRF token, then it is refused and no cookie is set', async () => {
    const r = await fetch(`${t.baseUrl}/api/iiif/auth/access`, {
      method: 'POST', headers: { cookie: granted.cookie!, 'content-type': 'application/json' }, body: JSON.stringify({ origin: VIEWER }),
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});

describe('IIIF Auth 2: HTTPS and off by default', () => {
  it('when the connection is secure, then the access cookie is SameSite=None; Secure (sent in the cross-site iframe)', async () => {
    const s = await startTestApp({ IIIF_AUTH_ORIGINS: VIEWER, COOKIE_SECURE: 'true' });
    try {
      const reader = await s.as('researcher', { username: 'doc-gia-https' });
      const c = await consent(s, reader, VIEWER);
      expect(c.status).toBe(204);
      expect(c.setCookie).toMatch(/SameSite=None/);
      expect(c.setCookie).toMatch(/Secure/);
      // The app's own session cookie stays Lax: only the token service's narrow cookie crosses sites.
      const login = await fetch(`${s.baseUrl}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'doc-gia-https', password: 'mat-khau-thu-nghiem' }),
      });
      expect(login.headers.get('set-cookie')).toMatch(/^kho_sid=.*SameSite=Lax/);
    } finally {
      await s.close();
    }
  });

  it('when IIIF_AUTH_ORIGINS is empty, then nothing is advertised, a bearer is not read and consent is refused', async () => {
    const s = await startTestApp({ IIIF_PUBLIC: 'true' });
    try {
      const a = await agency(s.db, 'Sở Y tế', 'P09');
      const f = await recordFile(s.db, { ...a, title: 'Hồ sơ y tế' });
      const p = await page(s.db, f, 'Báo cáo y tế');
      await withBlobs(s, p);
      const info = json(await s.anonymous().get(`/api/iiif/3/page-${p}/info.json`));
      expect(info.service).toBeUndefined();
      const ignored = await fetch(`${s.baseUrl}/api/iiif/3/page-${p}/info.json`, { headers: { authorization: 'Bearer not-a-token', origin: VIEWER } });
      expect(ignored.status).toBe(200);
      const man = json(await s.anonymous().get(`/api/iiif/3/file-${f}/manifest.json`));
      expect(JSON.stringify(man)).not.toContain('AuthProbeService2');
      const reader = await s.as('researcher');
      const c = await consent(s, reader, VIEWER);
      expect(c.status).toBe(404);
      expect(c.body.error.code).toBe('IIIF_AUTH_DISABLED');
    } finally {
      await s.close();
    }
  });
});
