/** Content Search hit finding and answer shapes, without HTTP or a database. */
import { describe, expect, it } from 'vitest';
import { findHits, searchAnswerV1, searchAnswerV2, SEARCH_MAX_WORDS, SEARCH_PAGE_SIZE, type SearchablePage } from '../../../server/iiif/content-search.js';
import { parseQuery } from '../../../server/search/query-parser.js';
import { decodeUnreserved } from '../../../server/http/middleware/iiif-cors.js';

const words = (text: string) => text.split(' ').map((t, i) => ({ t, c: 90, b: [i * 100, 10, i * 100 + 80, 50] as [number, number, number, number] }));
const pageOf = (pageId: number, text: string): SearchablePage => ({ pageId, canvas: `https://x/canvas/${pageId}`, words: words(text) });
const paging = { service: 'https://x/search', query: 'q=a', page: 0 };

describe('findHits', () => {
  it('when a phrase matches, then one hit spans its consecutive words, with a few words of context', () => {
    const list = findHits([pageOf(1, 'Ủy ban nhân dân tỉnh Hưng Yên ban hành quyết định')], parseQuery('"hung yen"'), false);
    expect(list.hits).toHaveLength(1);
    expect(list.hits[0]!.words.map((w) => w.text)).toEqual(['Hưng', 'Yên']);
    expect(list.hits[0]!.before).toBe('Ủy ban nhân dân tỉnh');
    expect(list.hits[0]!.after).toBe('ban hành quyết định');
    expect(list.total).toBe(2);
  });

  it('when two terms box the same word, then it is annotated once', () => {
    const list = findHits([pageOf(1, 'tỉnh Hưng Yên')], parseQuery('hung "hung yen"'), false);
    expect(list.total).toBe(2);
  });

  it('when a page holds an excluded term, then none of its words are hits', () => {
    const list = findHits([pageOf(1, 'kho lưu trữ Yên Bái'), pageOf(2, 'kho lưu trữ')], parseQuery('kho -"yen bai"'), false);
    expect(list.hits.map((h) => h.pageId)).toEqual([2]);
  });

  it('when matches exceed the cost bound, then matching stops there and says so', () => {
    const many = Array.from({ length: 10 }, (_, i) => pageOf(i + 1, Array.from({ length: 300 }, () => 'kho').join(' ')));
    const list = findHits(many, parseQuery('kho'), false);
    expect(list.total).toBe(SEARCH_MAX_WORDS);
    expect(list.capped).toBe(true);
  });
});

describe('answers', () => {
  const list = findHits([pageOf(7, Array.from({ length: 130 }, () => 'kho').join(' '))], parseQuery('kho'), false);

  it('when there are more annotations than one page, then v2 links next/last and v1 next/within, with xywh boxes', () => {
    const v2 = searchAnswerV2(list, paging);
    expect(v2.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(v2.items[1]!.target).toBe('https://x/canvas/7#xywh=100,10,80,40');
    expect(v2.next).toEqual({ id: 'https://x/search?q=a&page=1', type: 'AnnotationPage' });
    expect(v2.partOf.last.id).toBe('https://x/search?q=a&page=1');
    const v1 = searchAnswerV1(list, { ...paging, page: 1 });
    expect(v1.resources).toHaveLength(30);
    expect(v1.next).toBeUndefined();
    expect(v1.prev).toBe('https://x/search?q=a&page=0');
    expect(v1.within.total).toBe(130);
    expect(v1.hits.every((h) => h.annotations.length === 1)).toBe(true);
  });

  it('when the page asked for is past the last, then the answer is empty but still points back', () => {
    const v2 = searchAnswerV2(list, { ...paging, page: 5 });
    expect(v2.items).toEqual([]);
    expect(v2.prev?.id).toBe('https://x/search?q=a&page=1');
  });
});

describe('identifier normalisation', () => {
  it('when unreserved characters are percent-encoded, then they are decoded; reserved ones are not', () => {
    expect(decodeUnreserved('/api/iiif/3/page%2D5/info%2Ejson')).toBe('/api/iiif/3/page-5/info.json');
    expect(decodeUnreserved('/api/iiif/3/%70age-5%7E%5F')).toBe('/api/iiif/3/page-5~_');
    expect(decodeUnreserved('/api/iiif/3/page-5%2Finfo.json%3F%25')).toBe('/api/iiif/3/page-5%2Finfo.json%3F%25');
  });
});
