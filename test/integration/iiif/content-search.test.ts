/**
 * IIIF Content Search 2.0 and 1.0 inside a file's manifest, through the real app: word boxes on the canvas, the main
 * search's folding and phrases, paging, the visibility rule, and the bounds on query length and cost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile, wordsOf } from '../search/search-factory.js';
import { SEARCH_MAX_WORDS, SEARCH_PAGE_SIZE } from '../../../server/iiif/content-search.js';
import { json } from './iiif-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let reader: HttpClient;
let fileId: number;
let openPage: number;
let secondPage: number;
let restrictedPage: number;
let manyFile: number;
let hugeFile: number;
const OPEN_TEXT = 'Ủy ban nhân dân tỉnh Hưng Yên quyết định thành lập Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên';
const SECOND_TEXT = 'Báo cáo của Hưng Hà gửi tỉnh Yên Bái về kho lưu trữ';
const q = encodeURIComponent;
const v2 = (file: number, query: string, extra = '') => `/api/iiif/search/2/file-${file}?q=${q(query)}${extra}`;
const v1 = (file: number, query: string, extra = '') => `/api/iiif/search/1/file-${file}?q=${q(query)}${extra}`;
const canvas = (pageId: number) => `${t.baseUrl}/api/iiif/3/file-${fileId}/canvas/${pageId}`;
const xywh = (text: string, word: number) => {
  const [x0, y0, x1, y1] = wordsOf(text.normalize('NFC'))[word]!.b;
  return `xywh=${x0},${y0},${x1 - x0},${y1 - y0}`;
};

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  reader = await t.as('researcher');
  const a = await agency(t.db, 'Văn phòng UBND tỉnh', 'P01');
  fileId = await recordFile(t.db, { ...a, title: 'Hồ sơ thành lập Trung tâm Lưu trữ' });
  const openDoc = await document(t.db, fileId, { subject: 'Quyết định thành lập', typeName: 'Quyết định' });
  const closedDoc = await document(t.db, fileId, { subject: 'Tờ trình nhân sự', typeName: 'Tờ trình', accessLevel: 'restricted' });
  openPage = await page(t.db, fileId, OPEN_TEXT, { documentId: openDoc });
  secondPage = await page(t.db, fileId, SECOND_TEXT, { documentId: openDoc });
  restrictedPage = await page(t.db, fileId, 'Tờ trình nhân sự mật danh Sen Vàng của tỉnh Hưng Yên', { documentId: closedDoc });
  manyFile = await recordFile(t.db, { ...a, title: 'Sổ đăng ký' });
  await page(t.db, manyFile, Array.from({ length: 150 }, (_, i) => `kho ${i}`).join(' '));
  hugeFile = await recordFile(t.db, { ...a, title: 'Sổ lớn' });
  for (let i = 0; i < 3; i++) await page(t.db, hugeFile, Array.from({ length: 1000 }, () => 'kho').join(' '));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('IIIF Content Search 2.0', () => {
  it('when a reader searches without accents, then each matching OCR word is a highlighting annotation on its canvas box', async () => {
    const r = await reader.get(v2(fileId, 'hung yen'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/ld+json');
    const body = json(r);
    expect(body).toMatchObject({ '@context': 'http://iiif.io/api/search/2/context.json', type: 'AnnotationPage', startIndex: 0 });
    const targets = body.items.map((a: { target: string }) => a.target);
    // "Hưng Yên" twice on the open page (words 5–6 and 18–19); the second page has the syllables but not together.
    expect(targets).toEqual([
      `${canvas(openPage)}#${xywh(OPEN_TEXT, 5)}`, `${canvas(openPage)}#${xywh(OPEN_TEXT, 6)}`,
      `${canvas(openPage)}#${xywh(OPEN_TEXT, 18)}`, `${canvas(openPage)}#${xywh(OPEN_TEXT, 19)}`,
      `${canvas(secondPage)}#${xywh(SECOND_TEXT, 3)}`, `${canvas(secondPage)}#${xywh(SECOND_TEXT, 7)}`,
    ]);
    expect(body.items[0]).toMatchObject({ type: 'Annotation', motivation: 'highlighting', body: { type: 'TextualBody', value: 'Hưng' } });
    expect(body.partOf).toMatchObject({ type: 'AnnotationCollection', total: 6 });
    expect(body.next).toBeUndefined();
  });

  it('when the query is a quoted phrase, then only words in sequence are hits', async () => {
    const body = json(await reader.get(v2(fileId, '"hung yen"')));
    expect(body.items.map((a: { target: string }) => a.target.split('#')[0])).toEqual([canvas(openPage), canvas(openPage), canvas(openPage), canvas(openPage)]);
  });

  it('when the query has marks or none, then both find the same words; exact=true keeps the marks', async () => {
    const plain = json(await reader.get(v2(fileId, 'UY BAN'))).items.map((a: { body: { value: string } }) => a.body.value);
    expect(plain).toEqual(['Ủy', 'ban']);
    expect(json(await reader.get(v2(fileId, 'ủy ban'))).items).toHaveLength(2);
    expect(json(await reader.get(v2(fileId, 'uy ban', '&exact=true'))).items).toHaveLength(0);
    expect(json(await reader.get(v2(fileId, 'lưu trữ -"yên bái"'))).items.map((a: { target: string }) => a.target.split('#')[0])).toEqual([canvas(openPage), canvas(openPage)]);
  });

  it('when a page of the file is restricted, then its words never appear for a reader without a grant, but do for staff', async () => {
    const forReader = json(await reader.get(v2(fileId, 'tinh')));
    expect(JSON.stringify(forReader)).not.toContain(`/canvas/${restrictedPage}`);
    expect(json(await reader.get(v2(fileId, 'sen vang'))).partOf.total).toBe(0);
    const forStaff = json(await staff.get(v2(fileId, 'sen vang')));
    expect(forStaff.items.map((a: { target: string }) => a.target.split('#')[0])).toEqual([canvas(restrictedPage), canvas(restrictedPage)]);
  });

  it('when hits exceed one answer page, then next and partOf page through them all', async () => {
    const first = json(await reader.get(v2(manyFile, 'kho')));
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.partOf.total).toBe(150);
    expect(first.next.id).toBe(`${t.baseUrl}/api/iiif/search/2/file-${manyFile}?q=kho&page=1`);
    expect(first.partOf.last.id).toBe(first.next.id);
    const second = json(await reader.get(first.next.id.slice(t.baseUrl.length)));
    expect(second.items).toHaveLength(50);
    expect(second.startIndex).toBe(100);
    expect(second.next).toBeUndefined();
    expect(second.prev.id).toBe(first.partOf.first.id);
    const ids = new Set([...first.items, ...second.items].map((a: { id: string }) => a.id));
    expect(ids.size).toBe(150);
  });

  it('when a word is everywhere, then matching stops at the cost bound', async () => {
    const body = json(await reader.get(v2(hugeFile, 'kho')));
    expect(body.partOf.total).toBe(SEARCH_MAX_WORDS);
    expect(body.items).toHaveLength(SEARCH_PAGE_SIZE);
  });
});

describe('IIIF Content Search 1.0 (what Mirador 4 reads)', () => {
  it('when a reader searches, then resources carry the boxes and hits group a phrase with its context', async () => {
    const r = await reader.get(v1(fileId, '"hung yen"'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.body['@type']).toBe('sc:AnnotationList');
    expect(r.body.within).toMatchObject({ '@type': 'sc:Layer', total: 4 });
    expect(r.body.resources[0]).toMatchObject({ '@type': 'oa:Annotation', motivation: 'sc:painting', resource: { chars: 'Hưng' }, on: `${canvas(openPage)}#${xywh(OPEN_TEXT, 5)}` });
    expect(r.body.hits).toHaveLength(2);
    expect(r.body.hits[0]).toMatchObject({ '@type': 'search:Hit', match: 'Hưng Yên', before: 'Ủy ban nhân dân tỉnh', after: 'quyết định thành lập Trung' });
    expect(r.body.hits[0].annotations).toEqual(r.body.resources.slice(0, 2).map((a: { '@id': string }) => a['@id']));
    const paged = await reader.get(v1(manyFile, 'kho', '&motivation=painting'));
    expect(paged.body.next).toBe(`${t.baseUrl}/api/iiif/search/1/file-${manyFile}?q=kho&page=1`);
    expect(paged.body.resources).toHaveLength(SEARCH_PAGE_SIZE);
  });
});

describe('bad search input', () => {
  it.each([
    ['an over-long query', v2(1, 'a'.repeat(201)).replace('file-1', 'file-FILE')],
    ['too many words', v2(1, Array.from({ length: 13 }, (_, i) => `tu${i}`).join(' ')).replace('file-1', 'file-FILE')],
    ['no query', '/api/iiif/search/2/file-FILE'],
    ['a page that is not a number', v2(1, 'kho', '&page=abc').replace('file-1', 'file-FILE')],
    ['a page past the bound', v2(1, 'kho', '&page=999').replace('file-1', 'file-FILE')],
    ['only an exclusion', v1(1, '-kho').replace('file-1', 'file-FILE')],
    ['only punctuation', v1(1, '...').replace('file-1', 'file-FILE')],
  ])('when the request has %s, then it is a 400 with a Vietnamese message', async (_what, url) => {
    const r = await reader.get(url.replace('FILE', String(fileId)));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toMatch(/^(VALIDATION_FAILED|SEARCH_QUERY_EMPTY)$/);
    expect(r.body.error.message).toMatch(/[^\x00-\x7f]/);
  });

  it('when the file does not exist or nobody signed in, then 404 and 401', async () => {
    expect((await reader.get(v2(999999, 'kho'))).status).toBe(404);
    expect((await t.anonymous().get(v2(fileId, 'kho'))).status).toBe(401);
  });
});
