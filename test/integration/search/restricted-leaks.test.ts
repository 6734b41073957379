/**
 * Restricted and secret files and documents never reach a user without the right, on any channel. Four kinds of
 * protected unit (restricted file, secret file, restricted document in an open file, secret document in an open file),
 * four kinds of user (researcher without grant, researcher with grants, agency account of the restricted file's agency,
 * staff); every channel is asserted on its own, so a leak names the channel that leaked.
 */
import { blobImages, withBlobs } from '../iiif/iiif-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from './search-factory.js';

let s3: S3TestServer;
let t: TestApp;
let staff: HttpClient;
const users: Record<'noGrant' | 'granted' | 'agency' | 'staff', HttpClient> = {} as never;
type Who = keyof typeof users;

/** Each protected unit: its page, its file, a code name that appears only in its text, and who may see it. */
interface Unit { name: string; pageId: number; fileId: number; secretWord: string; agencyName: string; visibleTo: Who[] }
const units: Unit[] = [];
let openPage: number;
let openFile: number;
let mixedFile: number;

beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp({ ...s3.env });
  staff = await t.as('archivist');
  const a = await agency(t.db, 'Sở Tư pháp', 'P10');
  const b = await agency(t.db, 'Sở Y tế', 'P11');
  const c = await agency(t.db, 'Bộ Chỉ huy Quân sự tỉnh', 'P12');
  openFile = await recordFile(t.db, { ...b, title: 'Hồ sơ hội nghị công khai', endYear: 2001 });
  openPage = await page(t.db, openFile, 'Biên bản hội nghị công khai năm 2001 về y tế cơ sở.');
  const rFile = await recordFile(t.db, { ...a, title: 'Hồ sơ hội nghị Sen Vàng', endYear: 2002, accessLevel: 'restricted' });
  const sFile = await recordFile(t.db, { ...c, title: 'Hồ sơ hội nghị Hoa Đào', endYear: 2003, secrecy: 'tuyet_mat' });
  mixedFile = await recordFile(t.db, { ...b, title: 'Hồ sơ tổng hợp năm 2004', endYear: 2004 });
  const rDoc = await document(t.db, mixedFile, { subject: 'Tờ trình hội nghị Cúc Trắng', typeName: 'Tờ trình', accessLevel: 'restricted' });
  const sDoc = await document(t.db, mixedFile, { subject: 'Chỉ thị hội nghị Lan Rừng', typeName: 'Chỉ thị', secrecy: 'mat' });
  const mk = async (name: string, fileId: number, word: string, agencyName: string, visibleTo: Who[], documentId?: number) => {
    const pageId = await page(t.db, fileId, `Nội dung hội nghị mật danh ${word} được ghi trong biên bản.`, { documentId });
    await withBlobs(t, pageId);
    units.push({ name, pageId, fileId, secretWord: word, agencyName, visibleTo });
  };
  await mk('restricted file', rFile, 'Sen Vàng', 'Sở Tư pháp', ['granted', 'agency', 'staff']);
  await mk('secret file', sFile, 'Hoa Đào', 'Bộ Chỉ huy Quân sự tỉnh', ['staff']);
  await mk('restricted document', mixedFile, 'Cúc Trắng', 'Sở Y tế', ['granted', 'staff'], rDoc);
  await mk('secret document', mixedFile, 'Lan Rừng', 'Sở Y tế', ['staff'], sDoc);
  await withBlobs(t, openPage);
  // The mixed file's own open page: its file exports exist for everyone, with or without the hidden documents.
  await withBlobs(t, await page(t.db, mixedFile, 'Trang bìa hồ sơ tổng hợp năm 2004.'));
  users.staff = staff;
  users.noGrant = await t.as('researcher', { username: 'docgia.khong' });
  users.granted = await t.as('researcher', { username: 'docgia.duoc' });
  users.agency = await t.as('agency', { agencyId: a.agencyId });
  const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.duoc'`);
  for (const fileId of [rFile, mixedFile]) {
    const g = await staff.post('/api/access-grants', { userId: u!.id, recordFileId: fileId, note: 'Phiếu yêu cầu đã duyệt' });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
  }
  // A secret file cannot be granted: only declassification opens it.
  const refused = await staff.post('/api/access-grants', { userId: u!.id, recordFileId: sFile });
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('GRANT_SECRET_FILE');
}, 120_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

const WHO: Who[] = ['noGrant', 'granted', 'agency', 'staff'];
const q = (s: string) => encodeURIComponent(s);

describe.each(WHO)('for %s', (who) => {
  const sees = (u: Unit) => u.visibleTo.includes(who);

  it('search results: a protected page is a hit only for those allowed', async () => {
    const r = await users[who].get(`/api/search?q=${q('mat danh')}&pageSize=100`);
    expect(r.status).toBe(200);
    const pages = r.body.hits.map((h: { pageId: number }) => h.pageId);
    for (const u of units) expect(pages.includes(u.pageId), `${u.name}`).toBe(sees(u));
  });

  it('totals: the count includes only visible units', async () => {
    const r = await users[who].get(`/api/search?q=${q('mat danh')}`);
    expect(r.body.total).toBe(units.filter(sees).length);
    expect(r.body.totalCapped).toBe(false);
  });

  it('facets: agencies, fonds, years and document types of hidden units do not appear', async () => {
    const r = await users[who].get(`/api/search?q=${q('hoi nghi')}`);
    const labels = JSON.stringify(r.body.facets);
    expect(labels.includes('Bộ Chỉ huy Quân sự tỉnh'), 'agency of the secret file').toBe(who === 'staff');
    expect(labels.includes('P12'), 'fonds of the secret file').toBe(who === 'staff');
    expect(r.body.facets.year.some((y: { key: string }) => y.key === '2003'), 'year of the secret file').toBe(who === 'staff');
    expect(labels.includes('Chỉ thị'), 'type of the secret document').toBe(who === 'staff');
    expect(labels.includes('Tờ trình'), 'type of the restricted document').toBe(who === 'staff' || who === 'granted');
    const sum = r.body.facets.agency.reduce((n: number, f: { count: number }) => n + f.count, 0);
    expect(sum).toBe(r.body.total);
  });

  it('snippets and metadata hits: a hidden unit\'s words never appear in any answer', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/search?q=${q(u.secretWord)}&pageSize=100`);
      const text = JSON.stringify(r.body);
      expect(text.includes(u.secretWord), `${u.name}: ${u.secretWord}`).toBe(sees(u));
      if (!sees(u)) expect(r.body.total, u.name).toBe(0);
    }
  });

  it('hit boxes for the viewer: 404 for a hidden page', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/search/pages/${u.pageId}/hits?q=${q('mat danh')}`);
      expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
      if (sees(u)) expect(r.body.words.length).toBe(2);
    }
  });

  it('thumbnails: 404 for a hidden page, the image for an allowed one', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/digitization/pages/${u.pageId}/thumbnail`);
      expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
      if (sees(u)) expect(r.buffer.equals(blobImages().thumb)).toBe(true);
    }
  });

  it('access images: 404 for a hidden page', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/digitization/pages/${u.pageId}/image`);
      expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
    }
  });

  it('presigned URLs: only for an allowed page, and the URL really serves it', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/digitization/pages/${u.pageId}/image-url`);
      expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
      if (sees(u)) {
        const img = await fetch(r.body.url);
        expect(Buffer.from(await img.arrayBuffer()).equals(blobImages().access)).toBe(true);
      } else {
        expect(JSON.stringify(r.body)).not.toContain('X-Amz-Signature');
      }
    }
  });

  it('page details and page lists: hidden pages are absent', async () => {
    for (const u of units) {
      expect((await users[who].get(`/api/digitization/pages/${u.pageId}`)).status, u.name).toBe(sees(u) ? 200 : 404);
      const list = await users[who].get(`/api/digitization/files/${u.fileId}/pages`);
      const ids: number[] = list.status === 200 ? list.body.items.map((i: { id: number }) => i.id) : [];
      expect(ids.includes(u.pageId), u.name).toBe(sees(u));
      // A hidden file answers 404 as a whole; an open file with a hidden document lists its other pages.
      if (u.fileId !== mixedFile) expect(list.status, u.name).toBe(sees(u) ? 200 : 404);
    }
  });

  it('IIIF manifests: a hidden file has none, and a hidden document\'s pages are not canvases of its open file', async () => {
    for (const u of units) {
      const r = await users[who].get(`/api/iiif/3/file-${u.fileId}/manifest.json`);
      const text = r.status === 200 ? JSON.stringify(r.body) : '';
      expect(text.includes(`/pages/${u.pageId}/`), u.name).toBe(sees(u));
      if (u.fileId !== mixedFile) expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
    }
    expect((await users[who].get(`/api/iiif/3/file-${openFile}/manifest.json`)).status).toBe(200);
  });

  it('IIIF info.json and tiles: 404 for a hidden page, an image for an allowed one', async () => {
    for (const u of units) {
      const info = await users[who].get(`/api/iiif/3/page-${u.pageId}/info.json`);
      expect(info.status, `${u.name} info`).toBe(sees(u) ? 200 : 404);
      const tile = await users[who].get(`/api/iiif/3/page-${u.pageId}/0,0,256,256/128,/0/default.jpg`);
      expect(tile.status, `${u.name} tile`).toBe(sees(u) ? 200 : 404);
      if (sees(u)) expect(tile.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('IIIF search inside a manifest (2.0 and 1.0): a hidden page\'s words are never a hit, a hidden file is 404', async () => {
    for (const u of units) {
      for (const version of [2, 1]) {
        const r = await users[who].get(`/api/iiif/search/${version}/file-${u.fileId}?q=${q(u.secretWord)}`);
        const text = r.buffer.toString();
        expect(text.includes(`/canvas/${u.pageId}#`), `${u.name} v${version}`).toBe(sees(u));
        // The answer echoes the query in its URLs: look for the word where the page's text would be.
        const words = r.status === 200
          ? (version === 2 ? JSON.parse(text).items.map((a: { body: { value: string } }) => a.body.value) : r.body.resources.map((a: { resource: { chars: string } }) => a.resource.chars))
          : [];
        expect(words.includes(u.secretWord.split(' ')[0]!), `${u.name} v${version} word`).toBe(sees(u));
        if (u.fileId !== mixedFile) expect(r.status, `${u.name} v${version}`).toBe(sees(u) ? 200 : 404);
        else expect(r.status, `${u.name} v${version}`).toBe(200);
      }
    }
  });

  it('text, ALTO, hOCR and PDF exports of a page: 404 for a hidden page', async () => {
    for (const u of units) {
      for (const format of ['txt', 'alto', 'hocr', 'pdf']) {
        const r = await users[who].get(`/api/digitization/pages/${u.pageId}/export/${format}`);
        expect(r.status, `${u.name} ${format}`).toBe(sees(u) ? 200 : 404);
        if (format === 'txt' && sees(u)) expect(r.buffer.toString()).toContain(u.secretWord);
      }
    }
  });

  it('text, hOCR and PDF exports of a file: a hidden file is 404, a hidden document\'s text is left out of its open file', async () => {
    for (const format of ['txt', 'hocr', 'pdf']) {
      for (const u of units.filter((x) => x.fileId !== mixedFile)) {
        expect((await users[who].get(`/api/digitization/files/${u.fileId}/export/${format}`)).status, `${u.name} ${format}`).toBe(sees(u) ? 200 : 404);
      }
    }
    for (const format of ['txt', 'hocr']) {
      const r = await users[who].get(`/api/digitization/files/${mixedFile}/export/${format}`);
      expect(r.status).toBe(200);
      const text = r.buffer.toString();
      // hOCR puts each word in its own element: look for one syllable of the code name (unique to that page).
      for (const u of units.filter((x) => x.fileId === mixedFile)) {
        expect(text.includes(format === 'txt' ? u.secretWord : u.secretWord.split(' ')[1]!), `${u.name} ${format}`).toBe(sees(u));
      }
      expect(text).toContain(format === 'txt' ? 'Trang bìa hồ sơ' : 'bìa');
    }
  });

  it('metadata exports and document lists: hidden documents and files are left out', async () => {
    const docs = await users[who].get(`/api/digitization/files/${mixedFile}/documents`);
    expect(docs.status).toBe(200);
    const list = JSON.stringify(docs.body);
    expect(list.includes('Cúc Trắng'), 'restricted document').toBe(who === 'staff' || who === 'granted');
    expect(list.includes('Lan Rừng'), 'secret document').toBe(who === 'staff');
    const exp = await users[who].get(`/api/digitization/files/${mixedFile}/metadata/export/json`);
    expect(exp.status).toBe(200);
    const body = exp.buffer.toString();
    expect(body.includes('Lan Rừng'), 'secret document in export').toBe(who === 'staff');
    expect(body.includes('Cúc Trắng'), 'restricted document in export').toBe(who === 'staff' || who === 'granted');
    for (const u of units.filter((x) => x.fileId !== mixedFile)) {
      const r = await users[who].get(`/api/digitization/files/${u.fileId}/metadata/export/json`);
      expect(r.status, u.name).toBe(sees(u) ? 200 : 404);
      expect((await users[who].get(`/api/digitization/files/${u.fileId}/metadata`)).status, `${u.name} metadata`).toBe(sees(u) ? 200 : 404);
    }
  });
});

describe('grant lifecycle', () => {
  it('when a grant is revoked or has expired, then the restricted file disappears from search again', async () => {
    const restricted = units.find((u) => u.name === 'restricted file')!;
    const grants = await staff.get(`/api/access-grants?recordFileId=${restricted.fileId}`);
    expect(grants.body).toHaveLength(1);
    const visible = async () => (await users.granted.get(`/api/search?q=${q('sen vang')}`)).body.total > 0;
    expect(await visible()).toBe(true);
    await t.db.query(`UPDATE access_grants SET expires_on = '2026-11-21' WHERE id = $1`, [grants.body[0].id]);
    expect(await visible()).toBe(false);
    await t.db.query(`UPDATE access_grants SET expires_on = '2026-11-22' WHERE id = $1`, [grants.body[0].id]);
    expect(await visible()).toBe(true);
    expect((await staff.delete(`/api/access-grants/${grants.body[0].id}`)).status).toBe(204);
    expect(await visible()).toBe(false);
    const ev = await staff.get(`/api/events?entityType=access_grant&entityId=${grants.body[0].id}`);
    expect(ev.body.map((e: { action: string }) => e.action).sort()).toEqual(['access_grant.created', 'access_grant.revoked']);
  });
});
