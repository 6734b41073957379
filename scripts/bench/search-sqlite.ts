/**
 * The yardstick: the same corpus and queries in SQLite FTS5 (tokenize="unicode61 remove_diacritics 2"), ranked by bm25
 * with snippet(), through @sqlite.org/sqlite-wasm 3.41 in memory. That package has no Node entry point: its plain
 * `sqlite3.mjs` build runs in Node once `self`/`location` exist and the wasm bytes are handed over (no fetch).
 *
 * Differences to keep in mind when reading the ratio: unicode61 does not fold đ to d (đ has no decomposition), there is
 * no exact-accent mode (those queries run folded), and no access predicate (the PostgreSQL side applies visibleSql).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseQuery } from '../../server/search/query-parser.js';
import { QUERIES, corpus, docType, fileAgency, fileYear, pct, type BenchQuery } from './search-corpus.js';

interface Sqlite3 {
  version: { libVersion: string };
  oo1: { DB: new (name: string, mode: string) => SqliteDb };
}
interface SqliteDb {
  exec(sql: string | { sql: string; bind?: unknown[] }): void;
  prepare(sql: string): { bind(v: unknown[]): void; step(): boolean; reset(): void; finalize(): void; get(i: number): unknown };
  selectArrays(sql: string, bind?: unknown[]): unknown[][];
  close(): void;
}

async function openSqlite(): Promise<Sqlite3> {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@sqlite.org/sqlite-wasm/package.json')), 'sqlite-wasm', 'jswasm');
  const g = globalThis as Record<string, unknown>;
  g.self ??= globalThis;
  g.location ??= new URL(`file://${dir}/sqlite3.mjs`);
  const mod = (await import(`file://${dir}/sqlite3.mjs`)) as { default: (o: object) => Promise<Sqlite3> };
  return mod.default({ print: () => {}, printErr: () => {}, wasmBinary: fs.readFileSync(path.join(dir, 'sqlite3.wasm')) });
}

/** The parsed query in FTS5 syntax: phrases in quotes, prefix `"…"*`, exclusions with NOT; marks stripped, đ kept. */
export function fts5Query(q: string): string {
  const strip = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
  const parsed = parseQuery(q, true); // exact tokens keep đ; marks are stripped here, as unicode61 does on the index
  const term = (tokens: string[], prefix: boolean) => `"${tokens.map(strip).join(' ')}"${prefix ? '*' : ''}`;
  const pos = parsed.terms.filter((t) => !t.negated).map((t) => term(t.tokens, t.kind === 'prefix'));
  const neg = parsed.terms.filter((t) => t.negated).map((t) => ` NOT ${term(t.tokens, t.kind === 'prefix')}`);
  return pos.join(' AND ') + neg.join('');
}

function filterSql(bq: BenchQuery, bind: unknown[]): string {
  const w: string[] = [];
  if (bq.agencyId) { w.push('m.agency = ?'); bind.push(bq.agencyId); }
  if (bq.fondsId) { w.push('m.agency = ?'); bind.push(bq.fondsId); } // one fonds per agency in this corpus
  if (bq.yearFrom) { w.push('m.year >= ?'); bind.push(bq.yearFrom); }
  if (bq.yearTo) { w.push('m.year <= ?'); bind.push(bq.yearTo); }
  if (bq.docType) { w.push('m.doc_type = ?'); bind.push(bq.docType); }
  return w.length ? ` AND ${w.join(' AND ')}` : '';
}

export async function runSqlite(n: number, reps: number) {
  const t0 = performance.now();
  const sqlite3 = await openSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec(`CREATE VIRTUAL TABLE pages_fts USING fts5(body, tokenize="unicode61 remove_diacritics 2");
           CREATE TABLE meta (id INTEGER PRIMARY KEY, agency INTEGER, year INTEGER, doc_type TEXT)`);
  db.exec('BEGIN');
  const ins = db.prepare('INSERT INTO pages_fts (rowid, body) VALUES (?, ?)');
  const meta = db.prepare('INSERT INTO meta (id, agency, year, doc_type) VALUES (?, ?, ?, ?)');
  for (const p of corpus(n)) {
    ins.bind([p.id, p.text]); ins.step(); ins.reset();
    meta.bind([p.id, fileAgency(p.fileId), fileYear(p.fileId), docType(p.docId)]); meta.step(); meta.reset();
  }
  ins.finalize(); meta.finalize();
  db.exec('COMMIT');
  const loadS = (performance.now() - t0) / 1000;
  const all: number[] = [];
  const perQuery: { q: string; hitsMs: number }[] = [];
  for (const bq of QUERIES) {
    const bind: unknown[] = [fts5Query(bq.q)];
    const sql = `SELECT f.rowid, snippet(pages_fts, 0, '<mark>', '</mark>', '…', 24), bm25(pages_fts) AS r
      FROM pages_fts f JOIN meta m ON m.id = f.rowid WHERE pages_fts MATCH ?${filterSql(bq, bind)} ORDER BY r LIMIT 20`;
    db.selectArrays(sql, bind);
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      const s = performance.now();
      db.selectArrays(sql, bind);
      ms.push(performance.now() - s);
    }
    all.push(...ms);
    perQuery.push({ q: bq.q, hitsMs: pct(ms, 50) });
  }
  db.close();
  return { p50: pct(all, 50), p95: pct(all, 95), loadS, perQuery, version: sqlite3.version.libVersion };
}
