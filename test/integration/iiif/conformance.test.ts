/**
 * IIIF conformance points a real viewer or the official validators check, each on its own: CORS without
 * credentials, info.json media types, percent-encoded identifiers, one image profile in manifest and info.json,
 * `pct:` regions past 100, `behavior` per what the file holds, Ranges per document, ALTO per canvas, and the
 * manifest against the official Presentation 3 JSON Schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from '../search/search-factory.js';
import { json, presentation3Validator, withBlobs } from './iiif-fixtures.js';


let t: TestApp;
let reader: HttpClient;
let bookFile: number;
let bookPage: number;
let mixedFile: number;
let mixedPages: number[];
let docs: number[];
const manifestUrl = (id: number) => `/api/iiif/3/file-${id}/manifest.json`;

beforeAll(async () => {
  t = await startTestApp();
  reader = await t.as('researcher');
  const a = await agency(t.db, 'Sở Nội vụ', 'P02');
  bookFile = await recordFile(t.db, { ...a, title: 'Sổ công văn đi năm 1998' });
  const bound = await document(t.db, bookFile, { subject: 'Sổ đăng ký công văn đi', typeName: 'Sổ' });
  bookPage = await page(t.db, bookFile, 'Sổ đăng ký công văn đi trang một', { documentId: bound });
  await page(t.db, bookFile, 'Sổ đăng ký công văn đi trang hai', { documentId: bound });
  mixedFile = await recordFile(t.db, { ...a, title: 'Hồ sơ tuyển dụng công chức năm 1999' });
  docs = [
    await document(t.db, mixedFile, { subject: 'Kế hoạch tuyển dụng', typeName: 'Kế hoạch', codeNotation: 'KH-SNV' }),
    await document(t.db, mixedFile, { subject: 'Danh sách trúng tuyển', typeName: 'Quyết định' }),
    await document(t.db, mixedFile, { subject: 'Hồ sơ cá nhân', typeName: 'Tờ trình', accessLevel: 'restricted' }),
  ];
  mixedPages = [
    await page(t.db, mixedFile, 'Kế hoạch tuyển dụng trang một', { documentId: docs[0] }),
    await page(t.db, mixedFile, 'Kế hoạch tuyển dụng trang hai', { documentId: docs[0] }),
    await page(t.db, mixedFile, 'Quyết định danh sách trúng tuyển', { documentId: docs[1] }),
    await page(t.db, mixedFile, 'Tờ trình hồ sơ cá nhân', { documentId: docs[2] }),
  ];
  for (const id of [bookPage, ...mixedPages]) await withBlobs(t, id);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('CORS on the IIIF endpoints', () => {
  const ORIGIN = 'https://viewer.example.org';
  it('when a signed-in reader\'s request names another origin, then manifest, info.json, tiles and search carry Allow-Origin * and never credentials', async () => {
    const urls = [manifestUrl(bookFile), `/api/iiif/3/page-${bookPage}/info.json`, `/api/iiif/3/page-${bookPage}/0,0,256,256/128,/0/default.jpg`,
      `/api/iiif/search/2/file-${bookFile}?q=so`, `/api/iiif/search/1/file-${bookFile}?q=so`];
    for (const url of urls) {
      const r = await reader.request('GET', url, undefined, { headers: { origin: ORIGIN } });
      expect(r.status, url).toBe(200);
      expect(r.headers.get('access-control-allow-origin'), url).toBe('*');
      expect(r.headers.get('access-control-allow-credentials'), url).toBeNull();
      // Made for a signed-in reader: not embeddable by another origin (helmet's same-origin stays).
      expect(r.headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
    }
  });

  it('when a browser preflights, then OPTIONS is 204 with the methods and headers, still without credentials', async () => {
    const r = await t.anonymous().request('OPTIONS', `/api/iiif/3/page-${bookPage}/info.json`, undefined, {
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toContain('GET');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('when nobody is signed in and IIIF_PUBLIC is off (the default), then every IIIF channel is 401, still readable cross-origin', async () => {
    for (const url of [manifestUrl(bookFile), `/api/iiif/3/page-${bookPage}/info.json`, `/api/iiif/3/page-${bookPage}/full/100,/0/default.jpg`, `/api/iiif/search/1/file-${bookFile}?q=so`]) {
      const r = await t.anonymous().request('GET', url, undefined, { headers: { origin: ORIGIN } });
      expect(r.status, url).toBe(401);
      expect(r.headers.get('access-control-allow-origin'), url).toBe('*');
      expect(r.headers.get('cross-origin-resource-policy'), url).toBe('cross-origin');
    }
  });

  it('when the route is not IIIF, then no CORS header is added (the rest of the API stays same-origin)', async () => {
    const r = await reader.request('GET', `/api/digitization/pages/${bookPage}`, undefined, { headers: { origin: ORIGIN } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await t.anonymous().request('OPTIONS', '/api/search?q=x', undefined, { headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Image API details', () => {
  it('when info.json is asked for plainly, then it is application/json; when JSON-LD is asked for, then ld+json with the profile', async () => {
    const plain = await reader.get(`/api/iiif/3/page-${bookPage}/info.json`);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    const ld = await reader.request('GET', `/api/iiif/3/page-${bookPage}/info.json`, undefined, { headers: { accept: 'application/ld+json' } });
    expect(ld.headers.get('content-type')).toBe('application/ld+json; profile="http://iiif.io/api/image/3/context.json"; charset=utf-8');
    expect(json(ld)).toEqual(plain.body);
  });

  it('when the identifier is percent-encoded (page%2D5), then it resolves to the same service as page-5', async () => {
    const plain = await reader.get(`/api/iiif/3/page-${bookPage}/info.json`);
    const encoded = await reader.get(`/api/iiif/3/page%2D${bookPage}/info.json`);
    expect(encoded.status).toBe(200);
    expect(encoded.body).toEqual(plain.body);
    const tile = await reader.get(`/api/iiif/3/page%2d${bookPage}/full/100,/0/default%2Ejpg`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect((await reader.get(`/api/iiif/3/file%2D${bookFile}/manifest.json`)).status).toBe(200);
    // A reserved character stays encoded: %2F is not a path separator, so "5/info.json" is a (bad) identifier.
    const slash = await reader.get(`/api/iiif/3/page-${bookPage}%2Finfo.json`);
    expect(slash.status).toBe(400);
    expect(slash.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when the manifest embeds the image service, then its profile is the one info.json declares', async () => {
    const info = (await reader.get(`/api/iiif/3/page-${bookPage}/info.json`)).body;
    const man = json(await reader.get(manifestUrl(bookFile)));
    const services = man.items.map((c: any) => c.items[0].items[0].body.service[0]);
    expect(services.map((s: { profile: string }) => s.profile)).toEqual(services.map(() => info.profile));
    expect(info.profile).toBe('level2');
  });

  it.each([
    ['pct:50,50,80,80', 320, 450],
    ['pct:0,0,150,150', 640, 900],
    ['pct:90,0,100,10', 64, 90],
  ])('when the region %s reaches past the image, then it is cropped to the image', async (region, w, h) => {
    const r = await reader.get(`/api/iiif/3/page-${bookPage}/${region}/max/0/default.png`);
    expect(r.status).toBe(200);
    const meta = await sharp(r.buffer).metadata();
    expect([meta.width, meta.height]).toEqual([w, h]);
  });

  it.each(['pct:100,0,10,10', 'pct:0,120,10,10'])('when the region %s lies wholly outside, then 400 IIIF_REGION_INVALID', async (region) => {
    const r = await reader.get(`/api/iiif/3/page-${bookPage}/${region}/max/0/default.jpg`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('IIIF_REGION_INVALID');
  });
});

describe('the manifest', () => {
  it('when a file is one bound document, then it is paged; when it holds several documents, then individuals', async () => {
    expect(json(await reader.get(manifestUrl(bookFile))).behavior).toEqual(['paged']);
    expect(json(await reader.get(manifestUrl(mixedFile))).behavior).toEqual(['individuals']);
  });

  it('when a file holds documents, then each visible one is a Range over its canvases, and a restricted one is not', async () => {
    const man = json(await reader.get(manifestUrl(mixedFile)));
    const canvas = (p: number) => ({ id: `${t.baseUrl}/api/iiif/3/file-${mixedFile}/canvas/${p}`, type: 'Canvas' });
    expect(man.structures).toEqual([
      { id: `${t.baseUrl}/api/iiif/3/file-${mixedFile}/range/document-${docs[0]}`, type: 'Range', label: { vi: ['1. Kế hoạch số KH-SNV: Kế hoạch tuyển dụng'] }, items: [canvas(mixedPages[0]!), canvas(mixedPages[1]!)] },
      { id: `${t.baseUrl}/api/iiif/3/file-${mixedFile}/range/document-${docs[1]}`, type: 'Range', label: { vi: ['2. Quyết định: Danh sách trúng tuyển'] }, items: [canvas(mixedPages[2]!)] },
    ]);
    expect(JSON.stringify(man)).not.toContain('Hồ sơ cá nhân');
    const staffMan = json(await (await t.as('archivist')).get(manifestUrl(mixedFile)));
    expect(staffMan.structures.map((r: { label: { vi: string[] } }) => r.label.vi[0])).toContain('3. Tờ trình: Hồ sơ cá nhân');
  });

  it('when a canvas has OCR, then its seeAlso is the ALTO of that page, and the link serves ALTO XML', async () => {
    const man = json(await reader.get(manifestUrl(bookFile)));
    const first = man.items[0];
    expect(first.seeAlso).toEqual([expect.objectContaining({ id: `${t.baseUrl}/api/digitization/pages/${bookPage}/export/alto`, type: 'Dataset', format: 'application/xml' })]);
    const alto = await reader.get(first.seeAlso[0].id.slice(t.baseUrl.length));
    expect(alto.status).toBe(200);
    expect(alto.buffer.toString()).toMatch(/<alto[\s>]/);
    expect(alto.buffer.toString()).toContain('CONTENT="trang"');
  });

  it('when the manifest declares search, then SearchService2 and the 1.0 service point at this file', async () => {
    const man = json(await reader.get(manifestUrl(bookFile)));
    expect(man.service).toEqual([
      { id: `${t.baseUrl}/api/iiif/search/2/file-${bookFile}`, type: 'SearchService2' },
      { '@id': `${t.baseUrl}/api/iiif/search/1/file-${bookFile}`, '@type': 'SearchService1', profile: 'http://iiif.io/api/search/1/search' },
    ]);
  });

  it('when validated against the official IIIF Presentation 3 JSON Schema, then every manifest passes, and a broken one fails', async () => {
    const validate = presentation3Validator();
    for (const id of [bookFile, mixedFile]) {
      const man = json(await reader.get(manifestUrl(id)));
      expect(validate(man), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    }
    const broken = json(await reader.get(manifestUrl(mixedFile)));
    broken.structures[0].items[0].type = 'Page';
    delete broken.items[0].width;
    expect(validate(broken)).toBe(false);
  });
});
