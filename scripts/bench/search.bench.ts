/**
 * npm run bench:search [-- N]   (or N=… env; default 100,000 pages, up to 1,000,000)
 *
 * Builds N pages of realistic Vietnamese text from ../shared/seeds, loads them into PGlite (on-disk, in a temp dir: never
 * the service's ./data) and, when DATABASE_URL is set, into a fresh PostgreSQL database; then times 30 varied queries
 * through the SAME repository/service code the API uses (top 20, ranked, with snippets; and the full API answer with
 * capped total and facets). The same corpus and queries go into SQLite FTS5 (unicode61 remove_diacritics 2, bm25,
 * snippet()) via @sqlite.org/sqlite-wasm as the yardstick. Prints p50/p95 per backend and the ratios.
 * BACKENDS=pglite,postgres,sqlite chooses; REPS=3 timed runs per query after one warm-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openPglite, type Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { freshPostgresDatabase } from '../../test/support/fresh-database.js';
import type { Deps } from '../../server/deps.js';
import { systemClock, vnToday } from '../../server/core/time/index.js';
import type { Actor } from '../../server/core/actor.js';
import { scopeOf } from '../../server/core/scope.js';
import { createSearchService, parseOrThrow, COUNT_CAP, RANK_WINDOW } from '../../server/search/search.service.js';
import { searchHits } from '../../server/search/search.repository.js';
import { AGENCIES, PAGES_PER_DOC, PAGES_PER_FILE, QUERIES, corpus, docType, fileAgency, fileYear, pct, type BenchQuery, type Page } from './search-corpus.js';
import { runSqlite } from './search-sqlite.js';

const N = Math.min(1_000_000, Number(process.argv[2] ?? process.env.N ?? 100_000));
const REPS = Number(process.env.REPS ?? 3);
/** 0 ranks every match (what docs/design.md measured); the service default ranks within a window. */
const WINDOW = Number(process.env.RANK_WINDOW ?? RANK_WINDOW);
const BACKENDS = (process.env.BACKENDS ?? `pglite,${process.env.DATABASE_URL ? 'postgres,' : ''}sqlite`).split(',');
const researcher: Actor = { id: 999_999, username: 'bench', displayName: 'Bench', role: 'researcher', agencyId: null };


async function load(db: Db): Promise<void> {
  const nFiles = Math.ceil(N / PAGES_PER_FILE);
  const nDocs = Math.ceil(N / PAGES_PER_DOC);
  const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  await db.query(`INSERT INTO source_agencies (id, code, name, level) SELECT g, 'CQ' || g, 'Cơ quan số ' || g, 'province' FROM generate_series(1, ${AGENCIES}) g`);
  await db.query(`INSERT INTO fonds (id, code, name, agency_id) SELECT g, 'P' || g, 'Phông cơ quan số ' || g, g FROM generate_series(1, ${AGENCIES}) g`);
  const files = seq(nFiles);
  await db.query(
    `INSERT INTO record_files (id, agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule, access_level, secrecy)
     SELECT f, a, a, f || '/HS', 'Hồ sơ số ' || f, make_date(y, 12, 31), 'Vĩnh viễn', true, 'law2011',
       CASE WHEN f % 37 = 0 THEN 'restricted' ELSE 'unrestricted' END, CASE WHEN f % 101 = 0 THEN 'mat' END
     FROM unnest($1::int[], $2::int[], $3::int[]) AS t(f, a, y)`,
    [files, files.map(fileAgency), files.map(fileYear)],
  );
  await db.query(`INSERT INTO digitization_batches (id, fonds_id, record_file_id) SELECT id, fonds_id, id FROM record_files`);
  await db.query(
    `INSERT INTO masters (id, batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
     SELECT id, id, id, 'm/' || id, 'scan.tif', lpad(to_hex(id), 64, '0'), 1, 'tiff', ${PAGES_PER_FILE} FROM record_files`,
  );
  const docs = seq(nDocs);
  await db.query(
    `INSERT INTO documents (id, record_file_id, doc_ordinal, subject, type_name, issued_date)
     SELECT d, (d - 1) / ${PAGES_PER_FILE / PAGES_PER_DOC} + 1, (d - 1) % ${PAGES_PER_FILE / PAGES_PER_DOC} + 1, s, t, make_date(y, 1 + d % 12, 1)
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS u(d, s, t, y)`,
    [docs, docs.map((d) => `Về công tác số ${d}`), docs.map(docType), docs.map((d) => fileYear(Math.floor((d - 1) / 5) + 1))],
  );
  // Bulk load: index after the rows, as a restore would.
  await db.query('DROP INDEX pages_search_tsv_idx');
  await db.query('DROP INDEX pages_search_tsv_exact_idx');
  let batch: Page[] = [];
  const flush = async () => {
    await db.query(
      `INSERT INTO pages (id, record_file_id, document_id, batch_id, master_id, master_page, seq, width, height, colour_mode, bit_depth,
         derivatives_status, ocr_status, ocr_text)
       SELECT i, f, d, f, f, (i - 1) % ${PAGES_PER_FILE}, (i - 1) % ${PAGES_PER_FILE} + 1, 2480, 3508, 'grey', 8, 'done', 'done', t
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[]) AS u(i, f, d, t)`,
      [batch.map((p) => p.id), batch.map((p) => p.fileId), batch.map((p) => p.docId), batch.map((p) => p.text)],
    );
    batch = [];
  };
  for (const p of corpus(N)) {
    batch.push(p);
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  await db.query('CREATE INDEX pages_search_tsv_idx ON pages USING gin (search_tsv)');
  await db.query('CREATE INDEX pages_search_tsv_exact_idx ON pages USING gin (search_tsv_exact)');
  await db.query('ANALYZE');
}

interface Timing { hits: number[]; full: number[]; perQuery: { q: string; hitsMs: number; total: number; capped: boolean }[] }

async function timeQueries(db: Db): Promise<Timing> {
  const deps = { db, config: {}, log: pino({ level: 'silent' }), clock: systemClock, rankWindow: WINDOW } as unknown as Deps;
  const service = createSearchService(deps);
  const today = vnToday(systemClock);
  const t: Timing = { hits: [], full: [], perQuery: [] };
  for (const bq of QUERIES) {
    const run = async () => {
      const parsed = parseOrThrow(bq.q, bq.exact ?? false);
      const t0 = performance.now();
      const rows = await searchHits(db, scopeOf(researcher, today), { ...filters(bq), tsquery: parsed.tsquery, exactTsquery: parsed.exactTsquery, exactPatterns: parsed.exactPatterns, exactMatchTsquery: parsed.exactMatchTsquery, rankWindow: WINDOW, limit: 20, offset: 0, cap: COUNT_CAP });
      return { ms: performance.now() - t0, n: rows.length };
    };
    const full = async () => {
      const t0 = performance.now();
      const r = await service.search(scopeOf(researcher, today), { ...filters(bq), q: bq.q, exact: bq.exact, page: 1, pageSize: 20 });
      return { ms: performance.now() - t0, total: r.total, capped: r.totalCapped };
    };
    await run();
    const ms: number[] = [];
    for (let i = 0; i < REPS; i++) ms.push((await run()).ms);
    let last = { ms: 0, total: 0, capped: false };
    for (let i = 0; i < REPS; i++) t.full.push((last = await full()).ms);
    t.hits.push(...ms);
    t.perQuery.push({ q: describe(bq), hitsMs: pct(ms, 50), total: last.total, capped: last.capped });
  }
  return t;
}

function filters(bq: BenchQuery) {
  return { agencyId: bq.agencyId, fondsId: bq.fondsId, yearFrom: bq.yearFrom, yearTo: bq.yearTo, docType: bq.docType };
}
function describe(bq: BenchQuery): string {
  const f = Object.entries(bq).filter(([k]) => k !== 'q').map(([k, v]) => `${k}=${v}`).join(' ');
  return `${bq.q.normalize('NFC')}${bq.q !== bq.q.normalize('NFC') ? ' (NFD)' : ''}${f ? ` [${f}]` : ''}`;
}

const fmt = (x: number) => x.toFixed(1).padStart(8);

async function main() {
  console.log(`bench:search N=${N.toLocaleString('en')} pages, ${QUERIES.length} queries × ${REPS} runs (+1 warm-up), cpus=${os.cpus().length}, rank window ${WINDOW || 'off (rank every match)'}`);
  const results: Record<string, { p50: number; p95: number; full50?: number; full95?: number; loadS: number; perQuery: { q: string; hitsMs: number; total?: number; capped?: boolean }[] }> = {};
  for (const backend of BACKENDS) {
    const t0 = performance.now();
    if (backend === 'sqlite') {
      const s = await runSqlite(N, REPS);
      results.sqlite = { ...s, loadS: s.loadS };
      console.log(`sqlite   loaded in ${s.loadS.toFixed(0)} s; hits p50 ${s.p50.toFixed(1)} ms p95 ${s.p95.toFixed(1)} ms`);
      continue;
    }
    let db: Db;
    let cleanup: () => Promise<void>;
    if (backend === 'postgres') {
      if (!process.env.DATABASE_URL) throw new Error('postgres backend needs DATABASE_URL');
      const fresh = await freshPostgresDatabase(process.env.DATABASE_URL, 'kho_bench_search', 4);
      db = fresh.db;
      cleanup = async () => { await db.close(); await fresh.drop(); };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-bench-search-'));
      db = await openPglite(path.join(dir, 'db'));
      cleanup = async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); };
    }
    try {
      await migrate(db);
      await load(db);
      const loadS = (performance.now() - t0) / 1000;
      const t = await timeQueries(db);
      results[backend] = { p50: pct(t.hits, 50), p95: pct(t.hits, 95), full50: pct(t.full, 50), full95: pct(t.full, 95), loadS, perQuery: t.perQuery };
      console.log(`${backend.padEnd(8)} loaded in ${loadS.toFixed(0)} s; hits p50 ${results[backend]!.p50.toFixed(1)} ms p95 ${results[backend]!.p95.toFixed(1)} ms; full answer p50 ${results[backend]!.full50!.toFixed(1)} p95 ${results[backend]!.full95!.toFixed(1)}`);
    } finally {
      await cleanup();
    }
  }
  const names = Object.keys(results);
  console.log(`\nper query, median ms (top 20 ranked with snippets${names.includes('sqlite') ? '; sqlite: bm25 + snippet()' : ''}):`);
  console.log(`${'query'.padEnd(44)}${names.map((n) => n.padStart(10)).join('')}   total(capped at ${COUNT_CAP})`);
  QUERIES.forEach((_, i) => {
    const pq = results[names.find((n) => n !== 'sqlite') ?? names[0]!]!.perQuery[i]!;
    console.log(`${pq.q.slice(0, 43).padEnd(44)}${names.map((n) => fmt(results[n]!.perQuery[i]!.hitsMs).padStart(10)).join('')}   ${pq.total ?? ''}${pq.capped ? '+' : ''}`);
  });
  console.log('\nsummary (ms)         p50      p95   full-p50 full-p95   load s');
  for (const n of names) {
    const r = results[n]!;
    console.log(`${n.padEnd(14)}${fmt(r.p50)} ${fmt(r.p95)} ${r.full50 !== undefined ? fmt(r.full50) : '       -'} ${r.full95 !== undefined ? fmt(r.full95) : '       -'} ${fmt(r.loadS)}`);
  }
  if (results.sqlite) {
    for (const n of names.filter((x) => x !== 'sqlite')) {
      console.log(`ratio ${n}/sqlite: p50 ×${(results[n]!.p50 / results.sqlite.p50).toFixed(2)}, p95 ×${(results[n]!.p95 / results.sqlite.p95).toFixed(2)}`);
    }
  }
}

await main();
