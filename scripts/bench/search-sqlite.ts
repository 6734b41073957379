/**
 * The yardstick: the same corpus and queries in SQLite FTS5 (tokenize="unicode61 remove_diacritics 2"), ranked by bm25
 * over every match, with snippet(). Native SQLite through the Debian `sqlite3` shell (SQLITE3=path to override) on a
 * file database in a temp dir: the wasm build ran out of heap at 1,000,000 pages, and a native npm binding would need
 * a compiler or a prebuild download. Query times are SQLite's own (`.timer on`, "Run Time: real"), taken inside one
 * shell process that runs every statement, so process start-up is not in them (resolution 1 ms).
 *
 * The "full answer" mirrors the API's three statements: top 20 with snippets, a count capped at COUNT_CAP + 1 and facets
 * over the first COUNT_CAP matches; their times are summed (SQLite runs them one after another, PostgreSQL on three
 * pool connections at once).
 *
 * Differences to keep in mind when reading the ratio: unicode61 does not fold đ to d (đ has no decomposition), there is
 * no exact-accent mode (those queries run folded), no access predicate (the PostgreSQL side applies visibleSql), and only
 * pages are searched (PostgreSQL also searches file and document metadata).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { parseQuery } from '../../server/search/query-parser.js';
import { QUERIES, corpus, docType, fileAgency, fileYear, pct, type BenchQuery } from './search-corpus.js';

const SQLITE3 = process.env.SQLITE3 ?? 'sqlite3';

/** The parsed query in FTS5 syntax: phrases in quotes, prefix `"…"*`, exclusions with NOT; marks stripped, đ kept. */
export function fts5Query(q: string): string {
  const strip = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
  const parsed = parseQuery(q, true); // exact tokens keep đ; marks are stripped here, as unicode61 does on the index
  const term = (tokens: string[], prefix: boolean) => `"${tokens.map(strip).join(' ')}"${prefix ? '*' : ''}`;
  const pos = parsed.terms.filter((t) => !t.negated).map((t) => term(t.tokens, t.kind === 'prefix'));
  const neg = parsed.terms.filter((t) => t.negated).map((t) => ` NOT ${term(t.tokens, t.kind === 'prefix')}`);
  return pos.join(' AND ') + neg.join('');
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function filterSql(bq: BenchQuery): string {
  const w: string[] = [];
  if (bq.agencyId) w.push(`m.agency = ${bq.agencyId}`);
  if (bq.fondsId) w.push(`m.agency = ${bq.fondsId}`); // one fonds per agency in this corpus
  if (bq.yearFrom) w.push(`m.year >= ${bq.yearFrom}`);
  if (bq.yearTo) w.push(`m.year <= ${bq.yearTo}`);
  if (bq.docType) w.push(`m.doc_type = ${lit(bq.docType)}`);
  return w.length ? ` AND ${w.join(' AND ')}` : '';
}

/** Runs a script through one sqlite3 process; resolves with its stdout. */
async function shell(dbFile: string, script: string): Promise<string> {
  const p = spawn(SQLITE3, ['-batch', dbFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  p.stdout.on('data', (b: Buffer) => out.push(b));
  p.stdin.end(script);
  const [code] = (await once(p, 'close')) as [number];
  if (code !== 0) throw new Error(`${SQLITE3} exited with ${code}`);
  return Buffer.concat(out).toString('utf8');
}

/** The corpus as CSV (id, agency, year, doc_type, body), written with back-pressure so 1.8 GB never sits in memory. */
async function writeCsv(file: string, n: number): Promise<void> {
  const ws = fs.createWriteStream(file);
  let chunk = '';
  for (const p of corpus(n)) {
    chunk += `${p.id},${fileAgency(p.fileId)},${fileYear(p.fileId)},"${docType(p.docId)}","${p.text.replace(/"/g, '""')}"\n`;
    if (chunk.length > 1 << 20) {
      if (!ws.write(chunk)) await once(ws, 'drain');
      chunk = '';
    }
  }
  ws.end(chunk);
  await once(ws, 'finish');
}

export async function runSqlite(n: number, reps: number, cap: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-bench-fts5-'));
  const dbFile = path.join(dir, 'fts.db');
  try {
    const version = (await shell(':memory:', 'SELECT sqlite_version();')).trim();
    const t0 = performance.now();
    const csv = path.join(dir, 'pages.csv');
    await writeCsv(csv, n);
    // The text is stored once (external content): snippet() reads it from `raw`, as ts_headline reads pages.ocr_text.
    await shell(dbFile, `PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;
CREATE TABLE raw (id INTEGER PRIMARY KEY, agency INTEGER, year INTEGER, doc_type TEXT, body TEXT);
.import --csv ${csv} raw
CREATE VIRTUAL TABLE pages_fts USING fts5(body, content='raw', content_rowid='id', tokenize="unicode61 remove_diacritics 2");
INSERT INTO pages_fts (rowid, body) SELECT id, body FROM raw;
INSERT INTO pages_fts (pages_fts) VALUES ('optimize');
`);
    fs.rmSync(csv);
    const loadS = (performance.now() - t0) / 1000;

    const kinds = ['hits', 'count', 'facets'] as const;
    let script = 'PRAGMA cache_size=-1000000;\n.mode list\n';
    QUERIES.forEach((bq, i) => {
      const from = `FROM pages_fts f JOIN raw m ON m.id = f.rowid WHERE pages_fts MATCH ${lit(fts5Query(bq.q))}${filterSql(bq)}`;
      const sql = {
        hits: `SELECT f.rowid, snippet(pages_fts, 0, '<mark>', '</mark>', '…', 24), bm25(pages_fts) AS r ${from} ORDER BY r LIMIT 20;`,
        count: `SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${cap + 1});`,
        facets: `WITH c AS MATERIALIZED (SELECT m.agency, m.year, m.doc_type ${from} LIMIT ${cap})
SELECT 'agency', agency, count(*) FROM c GROUP BY agency UNION ALL SELECT 'year', year, count(*) FROM c GROUP BY year
UNION ALL SELECT 'docType', doc_type, count(*) FROM c GROUP BY doc_type;`,
      };
      for (const k of kinds) {
        script += `.timer off\n.print @@ ${i} ${k}\n.timer on\n`;
        for (let r = 0; r <= reps; r++) script += `${sql[k]}\n`; // the first run warms up and is not counted
      }
    });
    const times = QUERIES.map(() => ({ hits: [] as number[], count: [] as number[], facets: [] as number[] }));
    let cur: { i: number; k: (typeof kinds)[number]; seen: number } | null = null;
    for (const line of (await shell(dbFile, script)).split('\n')) {
      const mark = /^@@ (\d+) (\w+)$/.exec(line);
      if (mark) { cur = { i: Number(mark[1]), k: mark[2] as (typeof kinds)[number], seen: 0 }; continue; }
      const t = /^Run Time: real ([\d.]+)/.exec(line);
      if (t && cur && cur.seen++ > 0) times[cur.i]![cur.k].push(Number(t[1]) * 1000);
    }
    const all: number[] = [];
    const full: number[] = [];
    const perQuery = QUERIES.map((bq, i) => {
      const t = times[i]!;
      if (t.hits.length !== reps || t.count.length !== reps || t.facets.length !== reps) throw new Error(`sqlite: missing timings for ${bq.q}`);
      all.push(...t.hits);
      for (let r = 0; r < reps; r++) full.push(t.hits[r]! + t.count[r]! + t.facets[r]!);
      return { q: bq.q, hitsMs: pct(t.hits, 50) };
    });
    return { p50: pct(all, 50), p95: pct(all, 95), full50: pct(full, 50), full95: pct(full, 95), loadS, perQuery, version };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
