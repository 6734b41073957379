/**
 * IIIF Content Search inside one manifest: which OCR words of its pages match a query, and the two answer shapes
 * viewers read — Content Search 2.0 (an AnnotationPage of `highlighting` annotations) and 1.0 (the
 * `sc:AnnotationList` with `hits` that Mirador 4 still asks for). Pure: the pages arrive already filtered by the
 * visibility rule, so a word this module never sees cannot leak.
 *
 * Matching is the main search's own (word-match.ts over query-parser's folding): "hung yen" finds "Hưng Yên", a
 * quoted phrase only words in sequence, `-word` drops a page. One annotation per OCR word, its box on the canvas,
 * which has the master's pixel size, so `#xywh=` is the word box as the OCR job stored it.
 */
import { matchWords, type OcrWord, type WordBox } from '../search/word-match.js';
import type { ParsedQuery, QueryTerm } from '../search/query-parser.js';

/** Annotations per answer page: a viewer pages on through `next`. */
export const SEARCH_PAGE_SIZE = 100;
/** Cost bound: matching stops once this many words are found (reported as `total`, with the cut flagged). */
export const SEARCH_MAX_WORDS = 2000;
/** Words of context either side of a v1 hit. */
const CONTEXT_WORDS = 5;

export interface SearchablePage {
  pageId: number;
  /** Canvas URI in the manifest. */
  canvas: string;
  words: OcrWord[];
}

/** One match: the run of consecutive OCR words a term covered (a phrase or "QĐ-UBND" spans several). */
export interface Hit {
  pageId: number;
  canvas: string;
  words: WordBox[];
  before: string;
  after: string;
}

export interface HitList {
  hits: Hit[];
  /** Number of word annotations over all hits. */
  total: number;
  capped: boolean;
}

export function findHits(pages: SearchablePage[], query: ParsedQuery, exact: boolean): HitList {
  const negated = query.terms.filter((t) => t.negated).map((t) => ({ ...t, negated: false }));
  const hits: Hit[] = [];
  let total = 0;
  for (const p of pages) {
    if (negated.some((t) => matchWords(p.words, [t], exact).length > 0)) continue;
    const runs: WordBox[][] = [];
    for (const term of query.positive) runs.push(...consecutiveRuns(matchWords(p.words, [term], exact), term));
    runs.sort((a, b) => a[0]!.index - b[0]!.index);
    for (const run of dedupe(runs)) {
      const first = run[0]!.index;
      const last = run[run.length - 1]!.index;
      hits.push({
        pageId: p.pageId, canvas: p.canvas, words: run,
        before: p.words.slice(Math.max(0, first - CONTEXT_WORDS), first).map((w) => w.t).join(' '),
        after: p.words.slice(last + 1, last + 1 + CONTEXT_WORDS).map((w) => w.t).join(' '),
      });
      total += run.length;
      if (total >= SEARCH_MAX_WORDS) return { hits, total, capped: true };
    }
  }
  return { hits, total, capped: false };
}

/** matchWords answers a set of words; a phrase match is a run of consecutive ones. Single words stay single. */
function consecutiveRuns(words: WordBox[], term: QueryTerm): WordBox[][] {
  if (term.kind !== 'phrase') return words.map((w) => [w]);
  const runs: WordBox[][] = [];
  for (const w of words) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1]!.index === w.index - 1) run.push(w);
    else runs.push([w]);
  }
  return runs;
}

/** Two terms may box the same word ("hưng" and "hưng yên"): each word is annotated once. */
function dedupe(runs: WordBox[][]): WordBox[][] {
  const seen = new Set<number>();
  const out: WordBox[][] = [];
  for (const run of runs) {
    const fresh = run.filter((w) => !seen.has(w.index));
    fresh.forEach((w) => seen.add(w.index));
    if (fresh.length) out.push(fresh);
  }
  return out;
}

const xywh = ([x0, y0, x1, y1]: WordBox['box']) => `xywh=${x0},${y0},${Math.max(1, x1 - x0)},${Math.max(1, y1 - y0)}`;

interface Annotation {
  id: string;
  hit: number;
  word: WordBox;
  canvas: string;
}

/** The flat list of word annotations, in page then reading order; answer pages are slices of it. */
function annotations(list: HitList, base: string): Annotation[] {
  return list.hits.flatMap((h, i) => h.words.map((w) => ({ id: `${base}/annotation/p${h.pageId}-w${w.index}`, hit: i, word: w, canvas: h.canvas })));
}

export interface AnswerPaging {
  /** Service URI (no query string). */
  service: string;
  /** The query string without `page`, URL-encoded (`q=…`, plus `exact=…` when given). */
  query: string;
  page: number;
}

function pageUrl(p: AnswerPaging, page: number) {
  return `${p.service}?${p.query}&page=${page}`;
}

function slice(list: HitList, p: AnswerPaging) {
  const all = annotations(list, p.service);
  const lastPage = Math.max(0, Math.ceil(all.length / SEARCH_PAGE_SIZE) - 1);
  const start = p.page * SEARCH_PAGE_SIZE;
  return { all, lastPage, start, items: all.slice(start, start + SEARCH_PAGE_SIZE) };
}

export function searchAnswerV2(list: HitList, p: AnswerPaging) {
  const { all, lastPage, start, items } = slice(list, p);
  const ref = (n: number) => ({ id: pageUrl(p, n), type: 'AnnotationPage' as const });
  return {
    '@context': 'http://iiif.io/api/search/2/context.json',
    id: pageUrl(p, p.page),
    type: 'AnnotationPage' as const,
    startIndex: start,
    partOf: { id: `${p.service}?${p.query}`, type: 'AnnotationCollection' as const, total: all.length, first: ref(0), last: ref(lastPage) },
    ...(p.page > 0 ? { prev: ref(Math.min(p.page - 1, lastPage)) } : {}),
    ...(p.page < lastPage ? { next: ref(p.page + 1) } : {}),
    items: items.map((a) => ({
      id: a.id,
      type: 'Annotation' as const,
      motivation: 'highlighting',
      body: { type: 'TextualBody', value: a.word.text, format: 'text/plain' },
      target: `${a.canvas}#${xywh(a.word.box)}`,
    })),
  };
}

export function searchAnswerV1(list: HitList, p: AnswerPaging) {
  const { all, lastPage, start, items } = slice(list, p);
  const onPage = new Set(items.map((a) => a.hit));
  return {
    '@context': ['http://iiif.io/api/presentation/2/context.json', 'http://iiif.io/api/search/1/context.json'],
    '@id': pageUrl(p, p.page),
    '@type': 'sc:AnnotationList' as const,
    within: { '@type': 'sc:Layer' as const, total: all.length, first: pageUrl(p, 0), last: pageUrl(p, lastPage) },
    ...(p.page > 0 ? { prev: pageUrl(p, Math.min(p.page - 1, lastPage)) } : {}),
    ...(p.page < lastPage ? { next: pageUrl(p, p.page + 1) } : {}),
    startIndex: start,
    resources: items.map((a) => ({
      '@id': a.id,
      '@type': 'oa:Annotation' as const,
      motivation: 'sc:painting',
      resource: { '@type': 'cnt:ContentAsText', chars: a.word.text },
      on: `${a.canvas}#${xywh(a.word.box)}`,
    })),
    hits: [...onPage].map((i) => {
      const h = list.hits[i]!;
      return {
        '@type': 'search:Hit' as const,
        annotations: items.filter((a) => a.hit === i).map((a) => a.id),
        match: h.words.map((w) => w.text).join(' '),
        before: h.before,
        after: h.after,
      };
    }),
  };
}
