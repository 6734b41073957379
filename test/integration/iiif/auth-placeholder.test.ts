/**
 * IIIF Auth 2 placeholder manifests for whole restricted files (issue 13): with IIIF_AUTH_ORIGINS on, a caller who may
 * not see a restricted file that the fonds' EAD3 lists gets a manifest with probes and no content; a granted
 * reader's bearer gets the full manifest; secret files stay a 404 identical to a missing id; with the feature off,
 * nothing changes. Real app, real database, real pyramid tiles, the official Presentation 3 JSON Schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from '../search/search-factory.js';
import { json, presentation3Validator, withBlobs } from './iiif-fixtures.js';

const VIEWER = 'http://viewer.example';
const TITLE = 'Hồ sơ nhận con nuôi của gia đình Nguyễn Văn Bình';
const DOC_SUBJECT = 'Biên bản xác minh hoàn cảnh';
const SECRET_SUBJECT = 'Công văn mật về nguồn gốc';

let t: TestApp;
let anon: HttpClient;
let granted: HttpClient;
let ungranted: HttpClient;
let fondsId = 0;
const ids = { file: 0, pages: [] as number[], secretDocPage: 0, secretFile: 0, secretPage: 0, notReceived: 0, notReceivedPage: 0 };
const MISSING = 987654;
const manifestUrl = (id: number) => `/api/iiif/3/file-${id}/manifest.json`;

/** Consent + token service, as the access window and the token iframe do it (see auth-flow.test.ts). */
async function tokenFor(client: HttpClient) {
  const c = await fetch(`${t.baseUrl}/api/iiif/auth/access`, {
    method: 'POST', headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': 'application/json' }, body: JSON.stringify({ origin: VIEWER }),
  });
  expect(c.status).toBe(204);
  const cookie = c.headers.get('set-cookie')!.split(';')[0]!;
  const html = await (await fetch(`${t.baseUrl}/api/iiif/auth/token?messageId=m1&origin=${encodeURIComponent(VIEWER)}`, { headers: { cookie } })).text();
  const msg = JSON.parse(/window\.parent\.postMessage\((\{.*\}), "[^"]*"\);/.exec(html)![1]!);
  expect(msg.type).toBe('AuthAccessToken2');
  return msg.accessToken as string;
}
const get = (path: string, token?: string) =>
  fetch(t.baseUrl + path, { headers: { origin: VIEWER, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
/** What a caller can tell apart: status and body (the request id differs on every answer). */
const answer = async (r: Response) => {
  const body = await r.json();
  delete body.requestId;
  if (body.error) delete body.error.requestId;
  return { status: r.status, body };
};
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function received(fileId: number) {
  await t.db.query(`UPDATE record_files SET received_at = '2020-06-01T03:00:00Z', date_text = '1998 – 2001', sheets = 42 WHERE id = $1`, [fileId]);
}

beforeAll(async () => {
  t = await startTestApp({ IIIF_PUBLIC: 'true', IIIF_AUTH_ORIGINS: VIEWER });
  anon = t.anonymous();
  const a = await agency(t.db, 'Sở Tư pháp', 'P13');
  fondsId = a.fondsId;
  ids.file = await recordFile(t.db, { ...a, title: TITLE, notation: 'HS-CN-07', accessLevel: 'restricted' });
  ids.pages.push(await page(t.db, ids.file, 'Đơn xin nhận con nuôi'));
  const secretDoc = await document(t.db, ids.file, { subject: SECRET_SUBJECT, secrecy: 'mat' });
  ids.secretDocPage = await page(t.db, ids.file, 'Công văn mật', { documentId: secretDoc });
  const doc = await document(t.db, ids.file, { subject: DOC_SUBJECT, accessLevel: 'restricted' });
  ids.pages.push(await page(t.db, ids.file, 'Biên bản xác minh', { documentId: doc }));
  ids.secretFile = await recordFile(t.db, { ...a, title: 'Hồ sơ quốc tịch mật', accessLevel: 'restricted', secrecy: 'mat' });
  ids.secretPage = await page(t.db, ids.secretFile, 'Danh sách quốc tịch');
  ids.notReceived = await recordFile(t.db, { ...a, title: 'Hồ sơ chưa giao nộp', accessLevel: 'restricted' });
  ids.notReceivedPage = await page(t.db, ids.notReceived, 'Tờ trình');
  for (const f of [ids.file, ids.secretFile]) await received(f);
  for (const id of [...ids.pages, ids.secretDocPage, ids.secretPage, ids.notReceivedPage]) await withBlobs(t, id);
  granted = await t.as('researcher', { username: 'doc-gia-co-quyen-13' });
  ungranted = await t.as('researcher', { username: 'doc-gia-khong-quyen-13' });
  const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'doc-gia-co-quyen-13'`);
  for (const f of [ids.file, ids.secretFile, ids.notReceived]) {
    await t.db.query(`INSERT INTO access_grants (user_id, record_file_id, note) VALUES ($1, $2, 'Phiếu yêu cầu đã duyệt')`, [u!.id, f]);
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('IIIF Auth 2: placeholder manifest of a whole restricted file', () => {
  it('when the public asks, then it gets canvases with probes, the file probe, and nothing of the content', async () => {
    const r = await anon.get(manifestUrl(ids.file));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60');
    const m = json(r);
    const canvas = (p: number) => `${t.baseUrl}/api/iiif/3/file-${ids.file}/canvas/${p}`;
    // The secret document's page is not there, and its place leaves no gap in the labels.
    expect(m.items.map((c: { id: string }) => c.id)).toEqual(ids.pages.map(canvas));
    expect(m.items.map((c: { label: { vi: string[] } }) => c.label.vi[0])).toEqual(['Trang 1', 'Trang 2']);
    expect(m.items.map((c: { width: number; height: number }) => [c.width, c.height])).toEqual([[640, 900], [640, 900]]);
    ids.pages.forEach((p, i) => {
      expect(m.items[i].items[0].items[0].body.service).toEqual([
        { id: `${t.baseUrl}/api/iiif/3/page-${p}`, type: 'ImageService3', profile: 'level2' },
        expect.objectContaining({ id: `${t.baseUrl}/api/iiif/auth/probe/page-${p}`, type: 'AuthProbeService2' }),
      ]);
    });
    expect(m.service).toEqual([expect.objectContaining({ id: `${t.baseUrl}/api/iiif/auth/probe/file-${ids.file}`, type: 'AuthProbeService2' })]);
    expect(m.service[0].service[0]).toMatchObject({ type: 'AuthAccessService2', profile: 'active' });
    expect(m.service[0].service[0].service.map((s: { type: string }) => s.type)).toEqual(['AuthAccessTokenService2', 'AuthLogoutService2']);
    const text = r.buffer.toString('utf8');
    for (const absent of [TITLE, DOC_SUBJECT, SECRET_SUBJECT, 'thumbnail', 'SearchService', '/iiif/search/', '/export/', 'seeAlso', 'rendering', 'structures', 'Range', `page-${ids.secretDocPage}`]) {
      expect(text, absent).not.toContain(absent);
    }
    expect(m.label).toEqual({ vi: ['HS-CN-07'] });
    // Probes say "log in" for every page and the file.
    for (const p of ids.pages) expect((await (await get(`/api/iiif/auth/probe/page-${p}`)).json()).status).toBe(401);
    expect((await (await get(`/api/iiif/auth/probe/file-${ids.file}`)).json()).status).toBe(401);
  });

  it('when info.json, a tile, the full image or search inside are asked without a token, then no image bytes and no words come back', async () => {
    for (const p of ids.pages) {
      for (const path of [`/api/iiif/3/page-${p}/info.json`, `/api/iiif/3/page-${p}/0,0,256,256/256,/0/default.jpg`, `/api/iiif/3/page-${p}/full/max/0/default.jpg`]) {
        const r = await get(path);
        expect([401, 404], path).toContain(r.status);
        expect(r.headers.get('content-type'), path).toMatch(/json/);
        expect((await r.arrayBuffer()).byteLength).toBeLessThan(1000);
      }
    }
    for (const v of [1, 2]) expect((await get(`/api/iiif/search/${v}/file-${ids.file}?q=con`)).status).toBe(404);
  });

  it('when compared with the fonds EAD3 finding aid, then every text of the placeholder is what the finding aid publishes for that file', async () => {
    const m = json(await anon.get(manifestUrl(ids.file)));
    const ead = await (await fetch(`${t.baseUrl}/api/fonds/${fondsId}/ead3.xml`)).text();
    // The finding aid lists the file without its title: otherwise this comparison would prove nothing.
    expect(ead).toContain('<unitid>HS-CN-07</unitid>');
    expect(ead).not.toContain(xmlEscape(TITLE));
    const values = [m.label.vi[0], ...m.metadata.map((x: { value: { vi: string[] } }) => x.value.vi[0]), m.requiredStatement.value.vi[0]];
    expect(values).toEqual(['HS-CN-07', 'HS-CN-07', '1998 – 2001', '42', 'Phông Sở Tư pháp', expect.stringContaining('hạn chế sử dụng'), expect.any(String)]);
    for (const v of values) expect(ead, v).toContain(xmlEscape(v));
  });

  it('when the file has a file code (mã hồ sơ), then the placeholder names it by that code, as the finding aid does, and not by its notation', async () => {
    const a = await agency(t.db, 'Sở Nội vụ', 'P15');
    const id = await recordFile(t.db, { ...a, title: 'Hồ sơ kỷ luật cán bộ', notation: 'HS-KL-03', accessLevel: 'restricted' });
    await t.db.query(`UPDATE record_files SET file_code = 'VN-KLT-P15-0003', received_at = '2020-06-01T03:00:00Z' WHERE id = $1`, [id]);
    await withBlobs(t, await page(t.db, id, 'Quyết định kỷ luật'));
    const r = await anon.get(manifestUrl(id));
    expect(r.status).toBe(200);
    const m = json(r);
    expect(m.label).toEqual({ vi: ['VN-KLT-P15-0003'] });
    expect(m.metadata[0]).toEqual({ label: { vi: ['Mã hồ sơ'] }, value: { vi: ['VN-KLT-P15-0003'] } });
    const ead = await (await fetch(`${t.baseUrl}/api/fonds/${a.fondsId}/ead3.xml`)).text();
    expect(ead).toContain('<unitid>VN-KLT-P15-0003</unitid>');
    for (const absent of ['HS-KL-03', 'Hồ sơ kỷ luật cán bộ']) {
      expect(ead).not.toContain(absent);
      expect(r.buffer.toString('utf8')).not.toContain(absent);
    }
  });

  it('when validated against the official IIIF Presentation 3 JSON Schema, then the placeholder passes', async () => {
    const validate = presentation3Validator();
    const m = json(await anon.get(manifestUrl(ids.file)));
    expect(validate(m), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    delete m.items[0].height;
    expect(validate(m)).toBe(false);
  });

  it('when a signed-in reader without a grant asks (session or bearer), then the same placeholder, and the probe says 403 with the token', async () => {
    const pub = json(await anon.get(manifestUrl(ids.file)));
    const session = await ungranted.get(manifestUrl(ids.file));
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('private, no-cache');
    expect(json(session)).toEqual(pub);
    const token = await tokenFor(ungranted);
    const withToken = await get(manifestUrl(ids.file), token);
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual(pub);
    expect((await (await get(`/api/iiif/auth/probe/file-${ids.file}`, token)).json()).status).toBe(403);
    expect((await get(`/api/iiif/3/page-${ids.pages[0]}/full/max/0/default.jpg`, token)).status).toBe(404);
  });

  it('when a granted reader\'s bearer asks, then the full manifest with thumbnails, search and text links, and the tiles answer', async () => {
    const token = await tokenFor(granted);
    const r = await get(manifestUrl(ids.file), token);
    expect(r.status).toBe(200);
    const m = await r.json();
    expect(m.label.vi[0]).toContain(TITLE);
    expect(m.items.map((c: { id: string }) => c.id)).toEqual(ids.pages.map((p) => `${t.baseUrl}/api/iiif/3/file-${ids.file}/canvas/${p}`));
    expect(m.items[0].thumbnail).toHaveLength(1);
    expect(m.service.map((s: { type?: string; '@type'?: string }) => s.type ?? s['@type'])).toEqual(['SearchService2', 'SearchService1', 'AuthProbeService2']);
    expect(m.rendering.length).toBeGreaterThan(0);
    expect((await (await get(`/api/iiif/auth/probe/file-${ids.file}`, token)).json()).status).toBe(200);
    const tile = await get(`/api/iiif/3/page-${ids.pages[1]}/0,0,256,256/256,/0/default.jpg`, token);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    // The secret document's page stays out even for the granted reader.
    expect(JSON.stringify(m)).not.toContain(SECRET_SUBJECT);
    expect((await get(`/api/iiif/3/page-${ids.secretDocPage}/info.json`, token)).status).toBe(404);
  });

  it('when a secret file or a restricted file the finding aid does not list is asked, then a 404 identical to a missing id for all but staff', async () => {
    const token = await tokenFor(granted);
    const tokenless = await tokenFor(ungranted);
    const missing = await answer(await get(manifestUrl(MISSING)));
    expect(missing.status).toBe(404);
    for (const id of [ids.secretFile, ids.notReceived]) {
      expect(await answer(await get(manifestUrl(id)))).toEqual({ ...missing, body: expect.anything() });
      expect((await answer(await get(manifestUrl(id)))).body).toEqual((await answer(await get(manifestUrl(MISSING)))).body);
      expect(await answer(await get(manifestUrl(id), tokenless))).toEqual(await answer(await get(manifestUrl(MISSING), tokenless)));
    }
    expect(await answer(await get(manifestUrl(ids.secretFile), token))).toEqual(await answer(await get(manifestUrl(MISSING), token)));
    // The grant opens a restricted file the finding aid does not list yet: the full manifest, as before.
    expect((await get(manifestUrl(ids.notReceived), token)).status).toBe(200);
    const staff = await t.as('archivist');
    const s = await staff.get(manifestUrl(ids.secretFile));
    expect(s.status).toBe(200);
    expect(json(s).label.vi[0]).toContain('Hồ sơ quốc tịch mật');
  });
});

describe('IIIF Auth 2 off: nothing changes', () => {
  it('when IIIF_AUTH_ORIGINS is not set, then the restricted file is a 404 identical to a missing id, with no probe anywhere', async () => {
    const app = await startTestApp({ IIIF_PUBLIC: 'true' });
    try {
      const a = await agency(app.db, 'Sở Tư pháp', 'P13');
      const fileId = await recordFile(app.db, { ...a, title: TITLE, notation: 'HS-CN-07', accessLevel: 'restricted' });
      await app.db.query(`UPDATE record_files SET received_at = '2020-06-01T03:00:00Z' WHERE id = $1`, [fileId]);
      await withBlobs(app, await page(app.db, fileId, 'Đơn xin nhận con nuôi'));
      const ask = async (id: number) => {
        const r = await fetch(`${app.baseUrl}${manifestUrl(id)}`, { headers: { origin: VIEWER } });
        const body = await r.json();
        delete body.requestId;
        if (body.error) delete body.error.requestId;
        return { status: r.status, body };
      };
      const closed = await ask(fileId);
      expect(closed.status).toBe(404);
      expect(closed).toEqual(await ask(MISSING));
      expect(JSON.stringify(closed)).not.toContain('AuthProbeService2');
    } finally {
      await app.close();
    }
  });
});
