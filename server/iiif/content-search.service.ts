/**
 * Search inside one file's manifest (IIIF Content Search 2.0 and 1.0). The file and each page are found through
 * visibleSql, the same rule as the manifest itself: a restricted or secret page is not a canvas for this viewer, so
 * its words are never read, let alone answered. The folded full-text index narrows the pages before any OCR words
 * are loaded, and both the pages read and the words matched are capped, so one query costs a bounded amount.
 */
import type { Queryable } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { ERRORS } from '../core/errors.js';
import { visibleSql } from '../access/visibility.js';
import { parseQuery } from '../search/query-parser.js';
import type { OcrWord } from '../search/word-match.js';
import { findHits, searchAnswerV1, searchAnswerV2, type AnswerPaging } from './content-search.js';

/** At most this many matching pages are read per query (a file rarely has more; the cut is the cost bound). */
export const SEARCH_MAX_PAGES = 500;

export interface ContentSearchQuery {
  q: string;
  exact?: boolean;
  page: number;
}

export interface ContentSearchUrls {
  /** The search service's URI, without query string. */
  service: string;
  canvas: (pageId: number) => string;
}

/** As the main search: every positive term on the page, none of the excluded ones (exact mode: on the marked text). */
async function matchingPages(db: Queryable, scope: Scope, fileId: number, tsquery: string, exact: boolean) {
  const params: unknown[] = [fileId, tsquery, SEARCH_MAX_PAGES];
  const vis = visibleSql(scope, params, 'f', 'd');
  return db.query<{ pageId: number; words: OcrWord[] | null }>(
    `SELECT p.id AS "pageId", p.ocr_words AS words
       FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
      WHERE p.record_file_id = $1 AND p.derivatives_status = 'done' AND p.ocr_status = 'done'
        AND ${exact ? 'p.search_tsv_exact' : 'p.search_tsv'} @@ to_tsquery('simple', $2) AND ${vis}
      ORDER BY p.seq LIMIT $3`,
    params,
  );
}

async function fileVisible(db: Queryable, scope: Scope, fileId: number) {
  const params: unknown[] = [fileId];
  const vis = visibleSql(scope, params, 'f', null);
  return (await db.query(`SELECT 1 FROM record_files f WHERE f.id = $1 AND ${vis}`, params)).length > 0;
}

export function createContentSearch(db: Queryable) {
  async function hits(scope: Scope, fileId: number, query: ContentSearchQuery, urls: ContentSearchUrls) {
    if (!(await fileVisible(db, scope, fileId))) throw ERRORS.notFound('hồ sơ');
    const exact = query.exact ?? false;
    const parsed = parseQuery(query.q, exact);
    const tsquery = exact ? parsed.exactMatchTsquery : parsed.tsquery;
    if (!parsed.positive.length || !tsquery) throw ERRORS.searchQueryEmpty();
    const rows = await matchingPages(db, scope, fileId, tsquery, exact);
    const list = findHits(rows.map((r) => ({ pageId: r.pageId, canvas: urls.canvas(r.pageId), words: r.words ?? [] })), parsed, exact);
    const qs = new URLSearchParams({ q: query.q });
    if (query.exact !== undefined) qs.set('exact', String(exact));
    const paging: AnswerPaging = { service: urls.service, query: qs.toString(), page: query.page };
    return { list, paging };
  }

  return {
    async v2(scope: Scope, fileId: number, query: ContentSearchQuery, urls: ContentSearchUrls) {
      const { list, paging } = await hits(scope, fileId, query, urls);
      return searchAnswerV2(list, paging);
    },
    async v1(scope: Scope, fileId: number, query: ContentSearchQuery, urls: ContentSearchUrls) {
      const { list, paging } = await hits(scope, fileId, query, urls);
      return searchAnswerV1(list, paging);
    },
  };
}
export type ContentSearch = ReturnType<typeof createContentSearch>;
