/**
 * npm run bench:search [-- N]   (or N=… env; default 100,000 pages, up to 1,000,000)
 *
 * Builds N pages of realistic Vietnamese text from ../shared/seeds, loads them into PGlite (on-disk, in a temp dir: never
 * the service's ./data) and, when DATABASE_URL is set, into a fresh PostgreSQL database; then times 30 varied queries
 * through the SAME repository/service code the API uses (top 20, ranked, with snippets; and the full API answer with
 * capped total and facets). The same corpus and queries go into SQLite FTS5 (unicode61 remove_diacritics 2, bm25,
 * snippet()) through the native sqlite3 shell as the yardstick (search-sqlite.ts). Prints p50/p95 per backend and the
 * ratios, then the ranking study (search-ranking.ts): windowed top 20 against exact ranking, per query.
 * BACKENDS=pglite,postgres,sqlite chooses; REPS=3 timed runs per query after one warm-up; RANK_STUDY=0 skips the study;
 * PG_KEEP=1 keeps the loaded PostgreSQL database and PG_REUSE=<name> times it again without loading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openPglite, openPostgres, type Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import crypto from 'node:crypto';
import pg from 'pg';
import { dropTestDatabase } from '../../test/support/fresh-database.js';
import type { Deps } from '../../server/deps.js';
import { systemClock, vnToday } from '../../server/core/time/index.js';
import type { Actor } from '../../server/core/actor.js';
import { scopeOf } from '../../server/core/scope.js';
import { createSearchService, COUNT_CAP, RANK_WINDOW } from '../../server/search/search.service.js';
import { AGENCIES, PAGES_PER_DOC, PAGES_PER_FILE, QUERIES, corpus, docType, fileAgency, fileYear, pct, type BenchQuery, type Page } from './search-corpus.js';
import { runSqlite } from './search-sqlite.js';
import { printStudy, rankingStudy, top20, type RankingStudy } from './search-ranking.js';

const N = Math.min(1_000_000, Number(process.argv[2] ?? process.env.N ?? 100_000));
const REPS = Number(process.env.REPS ?? 3);
/** 0 ranks every match (what docs/design.md measured); the service default ranks within a window. */
const WINDOW = Number(process.env.RANK_WINDOW ?? RANK_WINDOW);
/** TIERS=0 times the plain window (the first RANK_WINDOW matches in table order), without the tier index. */
const TIERS = process.env.TIERS !== '0';
const BACKENDS = (process.env.BACKENDS ?? `pglite,${process.env.DATABASE_URL ? 'postgres,' : ''}sqlite`).split(',');
const researcher: Actor = { id: 999_999, username: 'bench', displayName: 'Bench', role: 'researcher', agencyId: null };


async function load(db: Db, server: boolean): Promise<void> {
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
  // Bulk load as a restore does it: rows first, then the indexes and constraints of pages (each built in one pass
  // instead of being maintained row by row), with enough memory for the GIN builds; on PostgreSQL two insert streams.
  const deferred = await db.query<{ name: string; def: string; index: boolean }>(
    `SELECT conname AS name, 'ALTER TABLE pages ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) AS def, false AS index
       FROM pg_constraint WHERE conrelid = 'pages'::regclass AND contype IN ('f', 'u')
     UNION ALL
     SELECT indexname, indexdef, true FROM pg_indexes
      WHERE tablename = 'pages' AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'pages'::regclass)`,
  );
  for (const d of deferred) await db.query(d.index ? `DROP INDEX ${d.name}` : `ALTER TABLE pages DROP CONSTRAINT ${d.name}`);
  const flush = (batch: Page[]) => db.query(
    `INSERT INTO pages (id, record_file_id, document_id, batch_id, master_id, master_page, seq, width, height, colour_mode, bit_depth,
       derivatives_status, ocr_status, ocr_text)
     SELECT i, f, d, f, f, (i - 1) % ${PAGES_PER_FILE}, (i - 1) % ${PAGES_PER_FILE} + 1, 2480, 3508, 'grey', 8, 'done', 'done', t
     FROM unnest($1::int[], $2::int[], $3::int[], $4::text[]) AS u(i, f, d, t)`,
    [batch.map((p) => p.id), batch.map((p) => p.fileId), batch.map((p) => p.docId), batch.map((p) => p.text)],
  );
  const streams = server ? 2 : 1;
  const inFlight = new Set<Promise<unknown>>();
  let batch: Page[] = [];
  const t0 = performance.now();
  for (const p of corpus(N)) {
    batch.push(p);
    if (batch.length < 2000) continue;
    const job = flush(batch).finally(() => inFlight.delete(job));
    inFlight.add(job);
    batch = [];
    if (inFlight.size >= streams) await Promise.race(inFlight);
  }
  if (batch.length) await flush(batch);
  await Promise.all(inFlight);
  const t1 = performance.now();
  const mem = server ? '1GB' : '256MB';
  const build = (def: string) => db.transaction(async (tx) => {
    await tx.query(`SET LOCAL maintenance_work_mem = '${mem}'`);
    await tx.query(def);
  });
  const indexes = deferred.filter((d) => d.index || d.def.includes(' UNIQUE '));
  if (server) await Promise.all(indexes.map((d) => build(d.def)));
  else for (const d of indexes) await build(d.def);
  for (const d of deferred.filter((x) => !indexes.includes(x))) await db.query(d.def);
  await db.query('ANALYZE');
  console.log(`  load: ${N.toLocaleString('en')} page rows ${((t1 - t0) / 1000).toFixed(0)} s, indexes and constraints ${((performance.now() - t1) / 1000).toFixed(0)} s`);
}

interface Timing { hits: number[]; full: number[]; perQuery: { q: string; hitsMs: number; total: number; capped: boolean }[] }

async function timeQueries(db: Db): Promise<Timing> {
  const deps = { db, config: {}, log: pino({ level: 'silent' }), clock: systemClock, rankWindow: WINDOW, rankTiers: TIERS } as unknown as Deps;
  const service = createSearchService(deps);
  const today = vnToday(systemClock);
  const t: Timing = { hits: [], full: [], perQuery: [] };
  for (const bq of QUERIES) {
    const run = async () => {
      const t0 = performance.now();
      const rows = await top20(db, scopeOf(researcher, today), bq, WINDOW, TIERS);
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

/** PG_REUSE=<database> times an already loaded database (kept by an earlier PG_KEEP=1 run) instead of loading one. */
async function openPg(): Promise<{ db: Db; cleanup: () => Promise<void>; loaded: boolean }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('postgres backend needs DATABASE_URL');
  if (process.env.PG_REUSE) {
    const u = new URL(url);
    u.pathname = `/${process.env.PG_REUSE}`;
    const db = await openPostgres(u.toString(), 4);
    return { db, cleanup: () => db.close(), loaded: true };
  }
  const name = `kho_bench_search_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 4);
  const keep = process.env.PG_KEEP === '1';
  if (keep) console.log(`  postgres database kept for PG_REUSE: ${name}`);
  return { db, cleanup: async () => { await db.close(); if (!keep) await dropTestDatabase(url, name); }, loaded: false };
}

type Result = { p50: number; p95: number; full50: number; full95: number; loadS: number; perQuery: { q: string; hitsMs: number; total?: number; capped?: boolean }[] };

async function main() {
  const [load1, load5] = os.loadavg();
  console.log(`bench:search N=${N.toLocaleString('en')} pages, ${QUERIES.length} queries × ${REPS} runs (+1 warm-up), cpus=${os.cpus().length}, load average ${load1!.toFixed(2)} / ${load5!.toFixed(2)}, rank window ${WINDOW || 'off (rank every match)'}${WINDOW && !TIERS ? ' without tiers' : ''}`);
  const results: Record<string, Result> = {};
  const studies: [string, RankingStudy][] = [];
  for (const backend of BACKENDS) {
    const t0 = performance.now();
    if (backend === 'sqlite') {
      const s = await runSqlite(N, REPS, COUNT_CAP);
      results.sqlite = s;
      console.log(`sqlite   ${s.version} loaded in ${s.loadS.toFixed(0)} s; hits p50 ${s.p50.toFixed(1)} ms p95 ${s.p95.toFixed(1)} ms; full answer p50 ${s.full50.toFixed(1)} p95 ${s.full95.toFixed(1)}`);
      continue;
    }
    let db: Db;
    let cleanup: () => Promise<void>;
    let loaded = false;
    if (backend === 'postgres') {
      ({ db, cleanup, loaded } = await openPg());
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-bench-search-'));
      db = await openPglite(path.join(dir, 'db'));
      cleanup = async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); };
    }
    try {
      if (!loaded) {
        await migrate(db);
        await load(db, backend === 'postgres');
      }
      const loadS = loaded ? 0 : (performance.now() - t0) / 1000;
      const t = await timeQueries(db);
      const r: Result = { p50: pct(t.hits, 50), p95: pct(t.hits, 95), full50: pct(t.full, 50), full95: pct(t.full, 95), loadS, perQuery: t.perQuery };
      results[backend] = r;
      console.log(`${backend.padEnd(8)} loaded in ${loadS.toFixed(0)} s; hits p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms; full answer p50 ${r.full50.toFixed(1)} p95 ${r.full95.toFixed(1)}`);
      if (WINDOW && process.env.RANK_STUDY !== '0') studies.push([backend, await rankingStudy(db, scopeOf(researcher, vnToday(systemClock)), WINDOW, describe)]);
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
  for (const [name, s] of studies) printStudy(name, s);
  console.log('\nsummary (ms)         p50      p95   full-p50 full-p95   load s');
  for (const n of names) {
    const r = results[n]!;
    console.log(`${n.padEnd(14)}${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.full50)} ${fmt(r.full95)} ${fmt(r.loadS)}`);
  }
  if (results.sqlite) {
    const q = results.sqlite;
    for (const n of names.filter((x) => x !== 'sqlite')) {
      const r = results[n]!;
      console.log(`ratio ${n}/sqlite-fts5: hits p50 ×${(r.p50 / q.p50).toFixed(2)}, p95 ×${(r.p95 / q.p95).toFixed(2)}; full answer p50 ×${(r.full50 / q.full50).toFixed(2)}, p95 ×${(r.full95 / q.full95).toFixed(2)}`);
    }
  }
  const [end1] = os.loadavg();
  console.log(`load average at the end: ${end1!.toFixed(2)}`);
}

await main();
