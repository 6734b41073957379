/**
 * Ranking study: for every bench query, the product's top 20 (with its rank window) against the exact top 20 (ts_rank
 * over every match, RANK_WINDOW=0), compared as ordered lists of (kind, file, document, page). The total order
 * (rank, kind, file_id, document_id, page_id) makes the exact top 20 well defined even with ties.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../server/db/db.js';
import type { Scope } from '../../server/core/scope.js';
import { COUNT_CAP, parseOrThrow, tierTerms } from '../../server/search/search.service.js';
import { searchHits, type HitRow } from '../../server/search/search.repository.js';
import { QUERIES, type BenchQuery } from './search-corpus.js';

export interface RankingStudy {
  window: number;
  /** Shares of queries whose top 20 equals the exact one: with the tier index (the product), and with the window alone. */
  equal: number;
  sameSet: number;
  plainEqual: number;
  perQuery: { q: string; equal: boolean; sameSet: boolean; overlap: number; plainEqual: boolean; plainOverlap: number; exactMs: number }[];
}

const key = (h: HitRow) => `${h.kind}:${h.fileId}:${h.documentId ?? ''}:${h.pageId ?? ''}`;

export async function top20(db: Db, scope: Scope, bq: BenchQuery, window: number, tiers = true): Promise<HitRow[]> {
  const parsed = parseOrThrow(bq.q, bq.exact ?? false);
  return searchHits(db, scope, {
    agencyId: bq.agencyId, fondsId: bq.fondsId, yearFrom: bq.yearFrom, yearTo: bq.yearTo, docType: bq.docType,
    tsquery: parsed.tsquery, exactTsquery: parsed.exactTsquery, exactPatterns: parsed.exactPatterns,
    exactMatchTsquery: parsed.exactMatchTsquery, rankWindow: window, tierTerms: tiers ? tierTerms(parsed) : undefined, limit: 20, offset: 0, cap: COUNT_CAP,
  });
}

export async function rankingStudy(db: Db, scope: Scope, window: number, describe: (bq: BenchQuery) => string): Promise<RankingStudy> {
  const perQuery: RankingStudy['perQuery'] = [];
  for (const bq of QUERIES) {
    const windowed = (await top20(db, scope, bq, window)).map(key);
    const plain = (await top20(db, scope, bq, window, false)).map(key);
    const t0 = performance.now();
    const exact = (await top20(db, scope, bq, 0)).map(key);
    const exactMs = performance.now() - t0;
    const set = new Set(exact);
    const same = (xs: string[]) => xs.length === exact.length && xs.every((k, i) => k === exact[i]);
    perQuery.push({
      q: describe(bq),
      equal: same(windowed),
      plainEqual: same(plain),
      plainOverlap: plain.filter((k) => set.has(k)).length,
      sameSet: windowed.length === exact.length && windowed.every((k) => set.has(k)),
      overlap: windowed.filter((k) => set.has(k)).length,
      exactMs,
    });
  }
  return {
    window,
    equal: perQuery.filter((p) => p.equal).length / perQuery.length,
    sameSet: perQuery.filter((p) => p.sameSet).length / perQuery.length,
    plainEqual: perQuery.filter((p) => p.plainEqual).length / perQuery.length,
    perQuery,
  };
}

export function printStudy(name: string, s: RankingStudy): void {
  console.log(`\nranking study (${name}): top 20 with rank window ${s.window || 'off'} vs exact ts_rank over every match`);
  console.log(`  ${'query'.padEnd(44)}tiered window (product)   plain window      exact ranking took`);
  const col = (eq: boolean, n: number) => `${eq ? 'equal ' : 'DIFFER'} ${String(n).padStart(2)}/20`;
  for (const p of s.perQuery) {
    console.log(`  ${p.q.slice(0, 43).padEnd(44)}${col(p.equal, p.overlap).padEnd(26)}${col(p.plainEqual, p.plainOverlap).padEnd(18)}${p.exactMs.toFixed(0).padStart(7)} ms`);
  }
  console.log(`  top 20 equal to exact (same pages, same order): tiered window ${(s.equal * 100).toFixed(0)} % of queries (same set ${(s.sameSet * 100).toFixed(0)} %), plain window ${(s.plainEqual * 100).toFixed(0)} %`);
}
