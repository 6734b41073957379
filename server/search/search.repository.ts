/**
 * Search SQL. One "unit" list joins three sources: OCR pages (weight D), documents and files matched on their metadata
 * (weight A, so a title match outranks the same word deep in a page). Every source is narrowed by visibleSql, the one
 * access predicate, BEFORE ranking, counting or faceting, so nothing a user may not see can shape an answer.
 *
 * Speed: the folded tsvectors are stored with GIN indexes; counts and facets read at most `cap` matching rows
 * (LIMIT without ORDER stops early); ts_headline runs on the returned page of hits only.
 */
import type { Queryable } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { visibleSql } from '../access/visibility.js';

export interface SearchFilters {
  agencyId?: number;
  fondsId?: number;
  yearFrom?: number;
  yearTo?: number;
  docType?: string;
  /** Only what has scanned pages: a file or document hit needs at least one page (the reading room's default). */
  digitized?: boolean;
}

export interface SearchInput extends SearchFilters {
  tsquery: string;
  /** Exact-accent mode: the accent-keeping tsquery (for snippets) and one regex per term (for matching). */
  exactTsquery: string | null;
  exactPatterns?: { re: string; negated: boolean }[] | null;
  /** Exact mode: pages match this (with exclusions) on their indexed accent-keeping tsvector instead of `tsquery`. */
  exactMatchTsquery?: string | null;
  /**
   * Rank at most this many matching rows per source (0 = all). Ranking reads every candidate's tsvector, which for a
   * syllable on most pages ("của", "năm") means the whole table; past the window a common-word query is ranked among
   * the first rows the index yields.
   */
  rankWindow?: number;
  /**
   * The positive terms' folded syllables (prefix = last syllable of a `word*`). With a rank window, the pages ranked are
   * taken from the highest term-frequency tier (0051_search_tiers.sql) that still holds a full page of hits.
   */
  tierTerms?: { tokens: string[]; prefix: boolean }[];
  limit: number;
  offset: number;
  /** Counts and facets stop after this many matching units. */
  cap: number;
}

export type UnitKind = 'page' | 'document' | 'file';

export interface HitRow {
  kind: UnitKind;
  pageId: number | null;
  fileId: number;
  documentId: number | null;
  seq: number | null;
  fileTitle: string;
  fileNotation: string;
  agencyName: string;
  fondsCode: string | null;
  documentSubject: string | null;
  year: number | null;
  rank: number;
  /** ts_headline output with \u0001/\u0002 around matches; escaped and turned into <mark> by the service. */
  rawSnippet: string | null;
  hasThumbnail: boolean;
}

export interface FacetRow {
  facet: 'agency' | 'fonds' | 'docType' | 'year';
  key: string;
  label: string;
  count: number;
}

const SEL = 'StartSel=\u0001,StopSel=\u0002';
const PAGE_HEADLINE = `${SEL},MaxFragments=2,MaxWords=24,MinWords=8,FragmentDelimiter=" … "`;
const META_HEADLINE = `${SEL},HighlightAll=true`;

/**
 * WHERE-clause pieces shared by the three unit sources; params are appended to `params`. `tier` narrows the pages to a
 * term-frequency tier (a tsquery expression over pages.search_tiers); `pagesOnly` leaves out the metadata sources.
 */
function unitsSql(scope: Scope, q: SearchInput, params: unknown[], tier: string | null = null, pagesOnly = false): string {
  // Pushed on first use: exact mode's pages-only SQL does not use it (and PostgreSQL refuses an untyped unused parameter).
  let tqRef: string | null = null;
  const folded = () => (tqRef ??= (params.push(q.tsquery), `to_tsquery('simple', $${params.length})`));
  const exact = (text: string): string =>
    (q.exactPatterns ?? [])
      .map((p) => {
        params.push(p.re);
        return ` AND ${p.negated ? 'NOT ' : ''}lower(${text}) ~ $${params.length}`;
      })
      .join('');
  const window = q.rankWindow ? ` LIMIT ${Math.floor(q.rankWindow)}` : '';
  const filters = (year: string, withDoc: boolean): string => {
    // Checked first: a source without documents cannot match a document type, and must push no parameters it would
    // not use (PostgreSQL refuses a parameter whose type it cannot infer).
    if (q.docType && !withDoc) return 'FALSE';
    const w: string[] = [];
    if (q.agencyId) { params.push(q.agencyId); w.push(`f.agency_id = $${params.length}`); }
    if (q.fondsId) { params.push(q.fondsId); w.push(`f.fonds_id = $${params.length}`); }
    if (q.yearFrom) { params.push(q.yearFrom); w.push(`${year} >= $${params.length}`); }
    if (q.yearTo) { params.push(q.yearTo); w.push(`${year} <= $${params.length}`); }
    if (q.docType) {
      params.push(q.docType);
      w.push(`f_unaccent(lower(d.type_name)) = f_unaccent(lower($${params.length}))`);
    }
    return w.length ? w.join(' AND ') : 'TRUE';
  };
  const docYear = `COALESCE(EXTRACT(YEAR FROM d.issued_date)::integer, f.end_year)`;
  const scanned = (file: string, doc: string | null): string =>
    q.digitized ? ` AND EXISTS (SELECT 1 FROM pages sp WHERE sp.record_file_id = ${file}${doc ? ` AND sp.document_id = ${doc}` : ''})` : '';
  // Pages: the folded tsvector, or in exact mode the indexed one that keeps the marks.
  let col = 'p.search_tsv';
  let pq = q.exactMatchTsquery ? '' : folded();
  if (q.exactMatchTsquery) {
    params.push(q.exactMatchTsquery);
    col = 'p.search_tsv_exact';
    pq = `to_tsquery('simple', $${params.length})`;
  }
  const pagesSql = `SELECT * FROM (SELECT 'page'::text AS kind, p.id AS page_id, p.record_file_id AS file_id, p.document_id, ${docYear} AS year,
        f.agency_id, f.fonds_id, d.type_name AS doc_type, ts_rank(${col}, ${pq}) AS rank
      FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
      WHERE ${col} @@ ${pq}${tier ? ` AND p.search_tiers @@ ${tier}` : ''} AND ${visibleSql(scope, params, 'f', 'd')} AND ${filters(docYear, true)}${window}) pu`;
  if (pagesOnly) return pagesSql;
  // Documents and files on their metadata (weight A).
  const tq = folded();
  const documentsSql = `SELECT * FROM (SELECT 'document', NULL::integer, d.record_file_id, d.id, ${docYear}, f.agency_id, f.fonds_id, d.type_name,
        ts_rank(d.search_tsv, ${tq})
      FROM documents d JOIN record_files f ON f.id = d.record_file_id
      WHERE d.search_tsv @@ ${tq}${exact(`concat_ws(' ', d.subject, d.type_name, d.organ_name, d.code_number, d.code_notation, d.keyword)`)}
        AND ${visibleSql(scope, params, 'f', 'd')} AND ${filters(docYear, true)}${scanned('d.record_file_id', 'd.id')}${window}) du`;
  const filesSql = `SELECT * FROM (SELECT 'file', NULL::integer, f.id, NULL::integer, f.end_year, f.agency_id, f.fonds_id, NULL::text,
        ts_rank(f.search_tsv, ${tq})
      FROM record_files f
      WHERE f.search_tsv @@ ${tq}${exact(`concat_ws(' ', f.title, f.file_notation, f.file_code)`)}
        AND ${visibleSql(scope, params, 'f', null)} AND ${filters('f.end_year', false)}${scanned('f.id', null)}${window}) fu`;
  return [pagesSql, documentsSql, filesSql].join('\nUNION ALL\n');
}

const TIERS = [2, 4, 8, 16];
const TIER_BUDGET = 1000;

/** Every positive syllable occurring at least k times: `'k~syllable'` lexemes ANDed (built from letters and digits only). */
export function tierTsquery(terms: { tokens: string[]; prefix: boolean }[], k: number): string {
  return terms
    .flatMap((t) => t.tokens.map((tok, i) => `'${k}~${tok}'${t.prefix && i === t.tokens.length - 1 ? ':*' : ''}`))
    .join(' & ');
}

/** Visible, filtered matching pages (within the tier when given), counted up to `upTo`. */
async function countPages(db: Queryable, scope: Scope, q: SearchInput, tier: string | null, upTo: number): Promise<number> {
  const params: unknown[] = [];
  if (tier) params.push(tier);
  const pages = unitsSql(scope, { ...q, rankWindow: upTo }, params, tier ? '$1::tsquery' : null, true);
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM (${pages}) c`, params);
  return r!.n;
}

/**
 * Which pages the rank window holds. All matches when they fit (exact ranking); otherwise the largest term-frequency
 * tier that fits, so long as it still holds a page of hits. ts_rank of a page grows with how often (and how close
 * together) the query's syllables occur on it, so the pages outside a tier — where some syllable is rarer — are the
 * ones least likely to rank; for a one-syllable query they cannot outrank any page inside it. Returns the tier's
 * tsquery, or null for the plain window.
 */
async function pickTier(db: Queryable, scope: Scope, q: SearchInput, need: number): Promise<string | null> {
  // Tiers are probed and ranked within a smaller budget than the plain window: each probe reads up to w + 1 pages.
  const w = Math.min(TIER_BUDGET, Math.floor(q.rankWindow ?? 0));
  if (!w || !q.tierTerms?.length || q.tierTerms.some((t) => t.tokens.length === 0)) return null;
  // With a filter each probe must read past the pages it rules out (at 1M pages, "lưu trữ" in one agency: 3 s): keep
  // the plain window there.
  if (q.agencyId || q.fondsId || q.yearFrom || q.yearTo || q.docType) return null;
  // From the rarest tier down, each count capped at w + 1, so at most one probe reads a full window.
  let narrower: { tier: string; n: number } | null = null;
  for (const k of [...TIERS].reverse()) {
    const tier = tierTsquery(q.tierTerms, k);
    const n = await countPages(db, scope, q, tier, w + 1);
    if (n > w) return narrower && narrower.n >= need ? narrower.tier : tier;
    narrower = { tier, n };
  }
  const all = Math.floor(q.rankWindow!);
  if ((await countPages(db, scope, q, null, all + 1)) <= all) return null; // every match fits the window: exact
  return narrower && narrower.n >= need ? narrower.tier : null;
}

export async function searchHits(db: Queryable, scope: Scope, q: SearchInput): Promise<HitRow[]> {
  const tier = await pickTier(db, scope, q, q.offset + q.limit);
  const params: unknown[] = [];
  if (tier) params.push(tier);
  const units = unitsSql(scope, q, params, tier ? '$1::tsquery' : null);
  // A file hit shows its first page the actor may see: never a page of a restricted or secret document inside it.
  const firstPageVisible = `(x.document_id IS NULL OR EXISTS (SELECT 1 FROM documents xd WHERE xd.id = x.document_id AND ${visibleSql(scope, params, 'f', 'xd')}))`;
  params.push(q.limit, q.offset, q.exactTsquery ?? q.tsquery);
  const n = params.length;
  const cfg = q.exactTsquery ? `'simple'` : `'vn_unaccent'`;
  const hq = `to_tsquery('simple', $${n})`;
  // The top rows are chosen first; only they pay for ts_headline and the joins for display.
  return db.query<HitRow>(
    `WITH top AS (
       SELECT * FROM (${units}) u ORDER BY rank DESC, kind, file_id, document_id, page_id LIMIT $${n - 2} OFFSET $${n - 1}
     )
     SELECT t.kind, COALESCE(t.page_id, fp.id) AS "pageId", t.file_id AS "fileId", t.document_id AS "documentId",
       COALESCE(p.seq, fp.seq) AS seq, f.title AS "fileTitle", f.file_notation AS "fileNotation", a.name AS "agencyName",
       fo.code AS "fondsCode", d.subject AS "documentSubject", t.year, t.rank::float8 AS rank,
       CASE t.kind
         WHEN 'page' THEN ts_headline(${cfg}, replace(replace(p.ocr_text, chr(1), ''), chr(2), ''), ${hq}, '${PAGE_HEADLINE}')
         WHEN 'document' THEN ts_headline(${cfg}, concat_ws(' — ', d.type_name, d.code_notation, d.subject, d.organ_name), ${hq}, '${META_HEADLINE}')
         ELSE ts_headline(${cfg}, f.file_notation || ' — ' || f.title, ${hq}, '${META_HEADLINE}')
       END AS "rawSnippet",
       COALESCE(p.thumb_key, fp.thumb_key) IS NOT NULL AS "hasThumbnail"
     FROM top t
     JOIN record_files f ON f.id = t.file_id
     JOIN source_agencies a ON a.id = f.agency_id
     LEFT JOIN fonds fo ON fo.id = f.fonds_id
     LEFT JOIN documents d ON d.id = t.document_id
     LEFT JOIN pages p ON p.id = t.page_id
     LEFT JOIN LATERAL (
       SELECT x.id, x.seq, x.thumb_key FROM pages x
       WHERE t.page_id IS NULL AND x.record_file_id = t.file_id AND (t.document_id IS NULL OR x.document_id = t.document_id)
         AND ${firstPageVisible}
       ORDER BY x.seq LIMIT 1
     ) fp ON TRUE
     ORDER BY t.rank DESC, t.kind, t.file_id, t.document_id, t.page_id`,
    params,
  );
}

/** Matching units, counted up to cap + 1 (so the caller knows the cap was hit). */
export async function countUnits(db: Queryable, scope: Scope, q: SearchInput): Promise<number> {
  const params: unknown[] = [];
  const units = unitsSql(scope, q, params);
  params.push(q.cap + 1);
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM (SELECT 1 FROM (${units}) u LIMIT $${params.length}) c`, params);
  return r!.n;
}

/** Facet counts over the first `cap` matching units (all of them when the total is under the cap). */
export async function facetCounts(db: Queryable, scope: Scope, q: SearchInput): Promise<FacetRow[]> {
  const params: unknown[] = [];
  const units = unitsSql(scope, q, params);
  params.push(q.cap);
  return db.query<FacetRow>(
    `WITH c AS (SELECT agency_id, fonds_id, doc_type, year FROM (${units}) u LIMIT $${params.length}),
     g AS (
       SELECT agency_id, fonds_id, doc_type, year, count(*)::integer AS n,
         GROUPING(agency_id) AS ga, GROUPING(fonds_id) AS gf, GROUPING(doc_type) AS gd
       FROM c GROUP BY GROUPING SETS ((agency_id), (fonds_id), (doc_type), (year))
     )
     SELECT 'agency' AS facet, g.agency_id::text AS key, a.name AS label, g.n AS count
       FROM g JOIN source_agencies a ON a.id = g.agency_id WHERE g.ga = 0
     UNION ALL
     SELECT 'fonds', g.fonds_id::text, fo.code || ' — ' || fo.name, g.n FROM g JOIN fonds fo ON fo.id = g.fonds_id WHERE g.gf = 0
     UNION ALL
     SELECT 'docType', g.doc_type, g.doc_type, g.n FROM g WHERE g.gd = 0 AND g.doc_type IS NOT NULL
     UNION ALL
     SELECT 'year', g.year::text, g.year::text, g.n FROM g WHERE g.ga = 1 AND g.gf = 1 AND g.gd = 1 AND g.year IS NOT NULL
     ORDER BY 1, 4 DESC, 2`,
    params,
  );
}

export interface PageForHits {
  id: number;
  words: { t: string; c?: number; b: [number, number, number, number] }[] | null;
  width: number;
  height: number;
}

/** The page with its OCR words, or null when it does not exist or the actor may not see it. */
export async function visiblePage(db: Queryable, scope: Scope, pageId: number): Promise<PageForHits | null> {
  const params: unknown[] = [pageId];
  const rows = await db.query<PageForHits>(
    `SELECT p.id, p.ocr_words AS words, p.width, p.height
     FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
     WHERE p.id = $1 AND ${visibleSql(scope, params, 'f', 'd')}`,
    params,
  );
  return rows[0] ?? null;
}
