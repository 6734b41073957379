import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, document, page, recordFile } from './search-factory.js';

let t: TestApp;
let reader: HttpClient;
const ids: Record<string, number> = {};

interface Hit { kind: string; pageId: number | null; fileId: number; documentId: number | null; snippet: string; rank: number; thumbnailUrl: string | null; year: number | null }

async function search(qs: Record<string, string | number | boolean>) {
  const u = new URLSearchParams(Object.entries(qs).map(([k, v]) => [k, String(v)]));
  return reader.get(`/api/search?${u}`);
}
async function pageIds(qs: Record<string, string | number | boolean>): Promise<number[]> {
  const r = await search(qs);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.hits as Hit[]).filter((h) => h.kind === 'page').map((h) => h.pageId!).sort((a, b) => a - b);
}

beforeAll(async () => {
  t = await startTestApp();
  reader = await t.as('researcher');
  const hy = await agency(t.db, 'Ủy ban nhân dân tỉnh Hưng Yên', 'P01');
  const snv = await agency(t.db, 'Sở Nội vụ', 'P02');
  ids.hy = hy.agencyId;
  ids.snv = snv.agencyId;
  ids.fondsSnv = snv.fondsId;
  ids.f1 = await recordFile(t.db, { ...hy, title: 'Hồ sơ giao nhận tài liệu năm 2011', notation: '01/GN', endYear: 2011 });
  ids.d1 = await document(t.db, ids.f1, { subject: 'Biên bản giao nhận tài liệu lưu trữ', typeName: 'Biên bản', issuedDate: '2011-05-10' });
  ids.p1 = await page(t.db, ids.f1, 'Biên bản giao nhận tài liệu giữa Sở Nội vụ và Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên ngày 10 tháng 5 năm 2011. Căn cứ Quyết định số 667/QĐ-UBND.', { documentId: ids.d1 });
  ids.p2 = await page(t.db, ids.f1, 'Danh mục hồ sơ nộp lưu gồm 120 hồ sơ, tổng số 3 mét giá tài liệu.', { documentId: ids.d1 });
  ids.f2 = await recordFile(t.db, { ...snv, title: 'Tập công văn về tổ chức bộ máy', endYear: 1998 });
  ids.d2 = await document(t.db, ids.f2, { subject: 'Về việc sắp xếp tổ chức bộ máy', typeName: 'Công văn', issuedDate: '1998-03-01' });
  ids.p3 = await page(t.db, ids.f2, 'Công văn về việc sắp xếp tổ chức bộ máy các sở, ban, ngành. Bàn giao hồ sơ cho huyện Hưng Hà.', { documentId: ids.d2 });
  ids.p4 = await page(t.db, ids.f2, 'Báo cáo tình hình bàn bạc về biên chế năm 1998. Biên chế, biên chế và biên chế được giao.');
  ids.p5 = await page(t.db, ids.f2, 'Ban chỉ đạo bán đấu giá tài sản. Có <script>alert(1)</script> trong bản quét; giá > 5 triệu & "đặc biệt".', { thumb: false });
  // A metadata-only record: a document with no page scanned yet.
  ids.d3 = await document(t.db, ids.f2, { subject: 'Quyết định thành lập Chi cục Văn thư – Lưu trữ', typeName: 'Quyết định', issuedDate: '1998-07-01' });
  // 1,005 pages sharing one rare word, to hit the count cap.
  const f3 = await recordFile(t.db, { ...snv, title: 'Sổ đăng ký', endYear: 2005 });
  const [b] = await t.db.query<{ id: number }>('INSERT INTO digitization_batches (fonds_id, record_file_id) VALUES ($1, $2) RETURNING id', [snv.fondsId, f3]);
  const [m] = await t.db.query<{ id: number }>(
    `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
     VALUES ($1, $2, 'masters/so-dang-ky', 'so.tif', repeat('a', 64), 1, 'tiff', 1005) RETURNING id`, [b!.id, f3]);
  await t.db.query(
    `INSERT INTO pages (record_file_id, batch_id, master_id, master_page, seq, width, height, colour_mode, bit_depth, ocr_status, ocr_text)
     SELECT $1, $2, $3, g - 1, g, 100, 100, 'grey', 8, 'done', 'Sổ đăng ký công văn đến số ' || g || ' ngày nhập khẩu' FROM generate_series(1, 1005) g`,
    [f3, b!.id, m!.id]);
});
afterAll(() => t?.close());

describe('search: matching', () => {
  it('when the query has no tone marks, then pages with marks are found (accent-insensitive, đ folded)', async () => {
    expect(await pageIds({ q: 'bien ban giao nhan' })).toEqual([ids.p1]);
    expect(await pageIds({ q: 'quyet dinh so 667' })).toEqual([ids.p1]);
  });

  it('when the query is typed in NFD (decomposed marks), then it finds the same pages as NFC', async () => {
    const nfd = 'Biên bản giao nhận'.normalize('NFD');
    expect(nfd).not.toBe('Biên bản giao nhận');
    expect(await pageIds({ q: nfd })).toEqual([ids.p1]);
  });

  it('when the exact-accent option is on, then only the spelling with those marks matches', async () => {
    expect(await pageIds({ q: 'bàn' })).toEqual([ids.p1, ids.p3, ids.p4, ids.p5]); // bản, Bàn, bàn, Ban/bán
    expect(await pageIds({ q: 'bàn', exact: true })).toEqual([ids.p3, ids.p4]);
    expect(await pageIds({ q: 'bán', exact: 'true' })).toEqual([ids.p5]);
    expect(await pageIds({ q: 'ban -bán', exact: true })).toEqual([ids.p3]); // "Ban chỉ đạo" is on the page with "bán"
    expect(await pageIds({ q: 'ban -bán' })).toEqual([]);
  });

  it('when the query is a "phrase", then the words must be adjacent and in order', async () => {
    expect(await pageIds({ q: 'giao tai lieu' })).toEqual([ids.p1]);
    expect(await pageIds({ q: '"giao nhan tai lieu"' })).toEqual([ids.p1]);
    expect(await pageIds({ q: '"tai lieu giao"' })).toEqual([]);
    expect(await pageIds({ q: '"bien che duoc giao"' })).toEqual([ids.p4]);
  });

  it('when a word ends in *, then it matches as a prefix', async () => {
    expect(await pageIds({ q: 'hưn*' })).toEqual([ids.p1, ids.p3]);
    expect(await pageIds({ q: 'hung' })).toEqual([ids.p1, ids.p3]);
    expect(await pageIds({ q: 'hun' })).toEqual([]);
  });

  it('when a word is preceded by -, then pages with it are excluded', async () => {
    expect(await pageIds({ q: 'hung -ha' })).toEqual([ids.p1]);
    expect(await pageIds({ q: 'hung -"hung yen"' })).toEqual([ids.p3]);
  });

  it('when a notation like QĐ-UBND is searched, then its syllables match as a phrase', async () => {
    expect(await pageIds({ q: 'QĐ-UBND' })).toEqual([ids.p1]);
    expect(await pageIds({ q: '667/qd-ubnd' })).toEqual([ids.p1]);
  });

  it('when only metadata matches (a document with no scanned page), then it is a document hit', async () => {
    const r = await search({ q: 'chi cuc van thu' });
    expect(r.body.hits).toEqual([expect.objectContaining({ kind: 'document', documentId: ids.d3, fileId: ids.f2, pageId: null, documentSubject: 'Quyết định thành lập Chi cục Văn thư – Lưu trữ' })]);
    expect(r.body.hits[0].snippet).toContain('<mark>Chi</mark> <mark>cục</mark> <mark>Văn</mark> <mark>thư</mark>');
  });

  it('when only digitised material is asked for, then a document without scanned pages drops out but one with pages stays', async () => {
    const none = await search({ q: 'chi cuc van thu', digitized: true });
    expect(none.status).toBe(200);
    expect(none.body.hits).toEqual([]);
    expect(none.body.total).toBe(0);
    const scanned = await search({ q: 'sap xep to chuc bo may', digitized: true });
    const kinds = (scanned.body.hits as Hit[]).map((h) => `${h.kind}:${h.documentId ?? h.fileId}`);
    expect(kinds).toContain(`document:${ids.d2}`);
    expect((scanned.body.hits as Hit[]).every((h) => h.pageId !== null)).toBe(true);
  });

  it('when the query has only exclusions or punctuation, or bad filters, then 400 with a Vietnamese message', async () => {
    for (const q of ['-hung', '...', '""']) {
      const r = await search({ q });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('SEARCH_QUERY_EMPTY');
    }
    expect((await search({ q: 'hung', yearFrom: 2012, yearTo: 2000 })).status).toBe(400);
    expect((await search({ q: 'hung', pageSize: 1000 })).status).toBe(400);
    expect((await search({ q: 'hung', exact: 'maybe' })).status).toBe(400);
    expect((await t.anonymous().get('/api/search?q=hung')).status).toBe(401);
  });
});

describe('search: filters, ranking, snippets, paging, counts', () => {
  it('when filtering by agency, fonds, year range or document type, then only matching units remain', async () => {
    expect(await pageIds({ q: 'hung', agencyId: ids.snv })).toEqual([ids.p3]);
    expect(await pageIds({ q: 'hung', fondsId: ids.fondsSnv })).toEqual([ids.p3]);
    expect(await pageIds({ q: 'hung', yearFrom: 2000 })).toEqual([ids.p1]);
    expect(await pageIds({ q: 'hung', yearFrom: 1990, yearTo: 1999 })).toEqual([ids.p3]);
    expect(await pageIds({ q: 'bàn', docType: 'cong van' })).toEqual([ids.p3]);
    const byType = await search({ q: 'to chuc', docType: 'Công văn' });
    expect(byType.body.hits.every((h: Hit) => h.kind !== 'file')).toBe(true);
    const all = await search({ q: 'to chuc', docType: 'Công văn', agencyId: ids.snv, fondsId: ids.fondsSnv, yearFrom: 1990, yearTo: 2000 });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.hits.map((h: Hit) => h.kind).sort()).toEqual(['document', 'page']);
  });

  it('when ranking, then metadata matches come first and a page saying the word more often ranks higher', async () => {
    const r = await search({ q: 'bien che' });
    const pagesHits = (r.body.hits as Hit[]).filter((h) => h.kind === 'page');
    expect(pagesHits[0]!.pageId).toBe(ids.p4);
    const g = await search({ q: 'giao nhan tai lieu' });
    expect(g.body.hits.map((h: Hit) => h.kind).slice(0, 2).sort()).toEqual(['document', 'file']);
    expect(g.body.hits[0].rank).toBeGreaterThan(g.body.hits[2].rank);
  });

  it('when searching "hung yen", then the snippet marks "Hưng Yên" with its tone marks and escapes HTML', async () => {
    const r = await search({ q: 'hung yen' });
    const h = (r.body.hits as Hit[]).find((x) => x.pageId === ids.p1 && x.kind === 'page')!;
    expect(h.snippet).toContain('<mark>Hưng</mark> <mark>Yên</mark>');
    expect(h.thumbnailUrl).toBe(`/api/digitization/pages/${ids.p1}/thumbnail`);
    const x = (await search({ q: 'ban chi dao' })).body.hits.find((y: Hit) => y.pageId === ids.p5);
    // ts_headline drops markup it parses as a tag; what is left is escaped, and only <mark> is real markup.
    expect(x.snippet).not.toContain('<script');
    expect(x.snippet).toContain('&gt; 5 triệu &amp; &quot;đặc biệt');
    expect(x.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(x.thumbnailUrl).toBeNull();
  });

  it('when paging, then pages are disjoint, ordered, and the total does not change', async () => {
    const a = await search({ q: 'nhap khau', pageSize: 5, page: 1 });
    const b = await search({ q: 'nhap khau', pageSize: 5, page: 2 });
    expect(a.body.hits).toHaveLength(5);
    expect(b.body.hits).toHaveLength(5);
    const idsA = a.body.hits.map((h: Hit) => h.pageId);
    expect(b.body.hits.some((h: Hit) => idsA.includes(h.pageId))).toBe(false);
    expect(a.body.total).toBe(b.body.total);
  });

  it('when more units match than the cap, then total stops at the cap with totalCapped, facets too', async () => {
    const r = await search({ q: 'nhap khau' });
    expect(r.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(r.body.facets.agency).toEqual([{ key: String(ids.snv), label: 'Sở Nội vụ', count: 1000 }]);
    const small = await search({ q: 'hung' });
    expect(small.body).toMatchObject({ total: 2, totalCapped: false });
    expect(small.body.facets.year).toEqual([{ key: '1998', label: '1998', count: 1 }, { key: '2011', label: '2011', count: 1 }]);
    expect(small.body.facets.docType.map((f: { key: string }) => f.key).sort()).toEqual(['Biên bản', 'Công văn']);
  });
});

describe('search: word boxes for the viewer', () => {
  it('when asking for a page\'s hits, then the matching words and their boxes come back (accent-insensitive, phrases, notations)', async () => {
    const r = await reader.get(`/api/search/pages/${ids.p1}/hits?q=${encodeURIComponent('hung yen')}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.words.map((w: { text: string }) => w.text)).toEqual(['Hưng', 'Yên']);
    expect(r.body.words[0].box).toHaveLength(4);
    const ph = await reader.get(`/api/search/pages/${ids.p1}/hits?q=${encodeURIComponent('"tai lieu giua"')}`);
    expect(ph.body.words.map((w: { text: string }) => w.text)).toEqual(['tài', 'liệu', 'giữa']);
    const qd = await reader.get(`/api/search/pages/${ids.p1}/hits?q=${encodeURIComponent('qd-ubnd')}`);
    expect(qd.body.words.map((w: { text: string }) => w.text)).toEqual(['667/QĐ-UBND.']);
    const ex = await reader.get(`/api/search/pages/${ids.p3}/hits?q=${encodeURIComponent('bàn')}&exact=true`);
    expect(ex.body.words.map((w: { text: string }) => w.text)).toEqual(['Bàn']);
  });

  it('when the page does not exist, then 404', async () => {
    expect((await reader.get('/api/search/pages/999999/hits?q=hung')).status).toBe(404);
  });
});
