/**
 * IIIF_PUBLIC=true: an outside viewer without login gets the IIIF channels of open files, and nothing else — not a
 * restricted file, not a secret one, not a restricted document's page inside an open file, and no other API route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from '../search/search-factory.js';
import { json, withBlobs } from './iiif-fixtures.js';

let t: TestApp;
let anon: HttpClient;
let openFile: number;
let openPage: number;
let closedDocPage: number;
const hidden: { name: string; fileId: number; pageId: number }[] = [];

beforeAll(async () => {
  t = await startTestApp({ IIIF_PUBLIC: 'true' });
  anon = t.anonymous();
  const a = await agency(t.db, 'Sở Giáo dục', 'P03');
  openFile = await recordFile(t.db, { ...a, title: 'Hồ sơ khai giảng năm học 2001' });
  openPage = await page(t.db, openFile, 'Diễn văn khai giảng năm học mới tại trường');
  const closedDoc = await document(t.db, openFile, { subject: 'Danh sách học sinh', accessLevel: 'restricted' });
  closedDocPage = await page(t.db, openFile, 'Danh sách học sinh khai giảng mật danh Ngọc Lan', { documentId: closedDoc });
  const restricted = await recordFile(t.db, { ...a, title: 'Hồ sơ kỷ luật', accessLevel: 'restricted' });
  const secret = await recordFile(t.db, { ...a, title: 'Hồ sơ đề thi', secrecy: 'mat' });
  hidden.push({ name: 'restricted file', fileId: restricted, pageId: await page(t.db, restricted, 'Biên bản kỷ luật khai giảng') });
  hidden.push({ name: 'secret file', fileId: secret, pageId: await page(t.db, secret, 'Đề thi khai giảng') });
  for (const id of [openPage, closedDocPage, ...hidden.map((h) => h.pageId)]) await withBlobs(t, id);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('IIIF without login (IIIF_PUBLIC=true)', () => {
  it('when an outside viewer opens an open file, then manifest, info.json, tiles and search answer, cacheable publicly', async () => {
    const man = await anon.get(`/api/iiif/3/file-${openFile}/manifest.json`);
    expect(man.status).toBe(200);
    expect(man.headers.get('cache-control')).toBe('public, max-age=60');
    expect(man.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const canvases = json(man).items.map((c: { id: string }) => c.id);
    expect(canvases).toEqual([`${t.baseUrl}/api/iiif/3/file-${openFile}/canvas/${openPage}`]);
    expect((await anon.get(`/api/iiif/3/page-${openPage}/info.json`)).status).toBe(200);
    // The canvas thumbnail comes from the image service too, so a viewer's thumbnail strip works without login.
    const thumb = await anon.get(json(man).items[0].thumbnail[0].id.slice(t.baseUrl.length));
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const tile = await anon.get(`/api/iiif/3/page-${openPage}/full/200,/0/default.jpg`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    const hits = json(await anon.get(`/api/iiif/search/2/file-${openFile}?q=khai+giang`));
    expect(hits.items.map((a: { target: string }) => a.target.split('#')[0])).toEqual(canvases.concat(canvases));
  });

  it('when the open file holds a restricted document, then its page is neither canvas, image nor hit', async () => {
    const man = JSON.stringify(json(await anon.get(`/api/iiif/3/file-${openFile}/manifest.json`)));
    expect(man).not.toContain(`/canvas/${closedDocPage}`);
    expect(man).not.toContain(`/page-${closedDocPage}`);
    expect(man).not.toContain('Danh sách học sinh');
    expect((await anon.get(`/api/iiif/3/page-${closedDocPage}/info.json`)).status).toBe(404);
    expect((await anon.get(`/api/iiif/3/page-${closedDocPage}/full/200,/0/default.jpg`)).status).toBe(404);
    const v1 = await anon.get(`/api/iiif/search/1/file-${openFile}?q=ngoc+lan`);
    expect(v1.body.within.total).toBe(0);
    expect(v1.body.resources).toEqual([]);
  });

  it('when the file is restricted or secret, then every IIIF channel is 404', async () => {
    for (const h of hidden) {
      for (const url of [`/api/iiif/3/file-${h.fileId}/manifest.json`, `/api/iiif/3/page-${h.pageId}/info.json`,
        `/api/iiif/3/page-${h.pageId}/full/200,/0/default.jpg`, `/api/iiif/search/2/file-${h.fileId}?q=khai`, `/api/iiif/search/1/file-${h.fileId}?q=khai`]) {
        expect((await anon.get(url)).status, `${h.name} ${url}`).toBe(404);
      }
    }
  });

  it('when an outside viewer tries any other channel, then login is still required', async () => {
    for (const url of [`/api/digitization/pages/${openPage}/thumbnail`, `/api/digitization/pages/${openPage}/export/alto`, `/api/search?q=khai`]) {
      expect((await anon.get(url)).status, url).toBe(401);
    }
  });

  it('when a signed-in reader asks, then the answer is private and a granted page still needs the grant', async () => {
    const reader = await t.as('researcher');
    const r = await reader.get(`/api/iiif/3/file-${openFile}/manifest.json`);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    expect((await reader.get(`/api/iiif/3/page-${closedDocPage}/info.json`)).status).toBe(404);
    const staff = await t.as('archivist');
    expect((await staff.get(`/api/iiif/3/page-${closedDocPage}/info.json`)).status).toBe(200);
  });
});
