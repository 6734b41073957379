/**
 * Search use cases: parse the query, ask the repository for hits, a capped total and facets (all through visibleSql),
 * and turn ts_headline's markers into HTML that can only contain <mark>. Also the viewer overlay: which OCR words on
 * one page match the query, with their boxes.
 */
import type { Deps } from '../deps.js';
import type { Scope } from '../core/scope.js';
import { ERRORS } from '../core/errors.js';
import { foldTokens, parseQuery, type ParsedQuery } from './query-parser.js';
import { countUnits, facetCounts, searchHits, visiblePage, type FacetRow, type HitRow } from './search.repository.js';
import type { PageHitsQuery, SearchQuery } from './search.schemas.js';
import { matchWords, type WordBox } from './word-match.js';
import { isStaff } from '../core/actor.js';

/** Counts and facets stop here: beyond it a number helps nobody and costs a scan of every match. */
export const COUNT_CAP = 1000;
/**
 * Ranking reads at most this many matching rows per source (see SearchInput.rankWindow), pages taken from the highest
 * term-frequency tier that holds a page of hits (0051_search_tiers.sql); measured in bench:search's ranking study.
 */
export const RANK_WINDOW = 5000;

export interface SearchHit extends Omit<HitRow, 'rawSnippet' | 'hasThumbnail'> {
  snippet: string;
  thumbnailUrl: string | null;
  location?: string | null;
}

export interface SearchResult {
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  facets: Record<FacetRow['facet'], { key: string; label: string; count: number }[]>;
  hits: SearchHit[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes everything, then turns the \u0001…\u0002 markers (which the source text cannot contain) into <mark>. */
export function snippetHtml(raw: string | null): string {
  if (!raw) return '';
  return raw
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(/\u0001/g, '<mark>')
    .replace(/\u0002/g, '</mark>');
}

export function parseOrThrow(q: string, exact: boolean): ParsedQuery {
  const parsed = parseQuery(q, exact);
  if (!parsed.tsquery) {
    throw ERRORS.searchQueryEmpty();
  }
  return parsed;
}

/** The positive terms as the tier index spells them: folded syllables, also in exact-accent mode. */
export function tierTerms(parsed: ParsedQuery): { tokens: string[]; prefix: boolean }[] {
  return parsed.positive.map((t) => ({ tokens: foldTokens(t.tokens.join(' ')), prefix: t.kind === 'prefix' }));
}

/** Staff hits' shelf places, given by the stacks (injected: stacks reach search through the reading room). */
export type LocateFiles = (fileIds: number[]) => Promise<Map<number, string | null>>;

export function createSearchService(deps: Deps & { rankWindow?: number; rankTiers?: boolean; locateFiles?: LocateFiles }) {
  const { db } = deps;

  return {
    async search(scope: Scope, query: SearchQuery): Promise<SearchResult> {
      const parsed = parseOrThrow(query.q, query.exact ?? false);
      const input = {
        tsquery: parsed.tsquery,
        exactTsquery: parsed.exactTsquery,
        exactPatterns: parsed.exactPatterns,
        exactMatchTsquery: parsed.exactMatchTsquery,
        rankWindow: deps.rankWindow ?? RANK_WINDOW,
        tierTerms: deps.rankTiers === false ? undefined : tierTerms(parsed),
        agencyId: query.agencyId,
        fondsId: query.fondsId,
        yearFrom: query.yearFrom,
        yearTo: query.yearTo,
        docType: query.docType,
        digitized: query.digitized ?? false,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        cap: COUNT_CAP,
      };
      // On pg these run on three pool connections at once; PGlite queues them on its one connection.
      const [rows, count, facetRows] = await Promise.all([
        searchHits(db, scope, input),
        countUnits(db, scope, input),
        facetCounts(db, scope, input),
      ]);
      const facets: SearchResult['facets'] = { agency: [], fonds: [], docType: [], year: [] };
      for (const f of facetRows) facets[f.facet].push({ key: f.key, label: f.label, count: f.count });
      facets.year.sort((a, b) => Number(a.key) - Number(b.key));
      // Where the paper is, for staff fetching it: researchers never learn shelf places (nor that a file is out).
      const places = isStaff(scope.acting) && deps.locateFiles ? await deps.locateFiles([...new Set(rows.map((r) => r.fileId))]) : null;
      return {
        total: Math.min(count, COUNT_CAP),
        totalCapped: count > COUNT_CAP,
        page: query.page,
        pageSize: query.pageSize,
        facets,
        hits: rows.map(({ rawSnippet, hasThumbnail, ...h }) => ({
          ...h,
          snippet: snippetHtml(rawSnippet),
          thumbnailUrl: hasThumbnail && h.pageId ? `/api/digitization/pages/${h.pageId}/thumbnail` : null,
          ...(places ? { location: places.get(h.fileId) ?? null } : {}),
        })),
      };
    },

    /** The page's OCR words that match the query's positive terms, with boxes in master-image pixels. */
    async pageHits(scope: Scope, pageId: number, query: PageHitsQuery): Promise<{ pageId: number; width: number; height: number; words: WordBox[] }> {
      const parsed = parseOrThrow(query.q, query.exact ?? false);
      const page = await visiblePage(db, scope, pageId);
      // The same answer for "does not exist" and "not yours": existence of a secret page is itself not to be leaked.
      if (!page) throw ERRORS.notFound('trang tài liệu');
      return { pageId: page.id, width: page.width, height: page.height, words: matchWords(page.words ?? [], parsed.positive, query.exact ?? false) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
