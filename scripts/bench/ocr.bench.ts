/**
 * npm run bench:ocr — the product's OCR pipeline (table detection + sharp clean-up + tesseract.js pool, one
 * worker per core, exactly what the page.ocr job runs: ocr/tables/recognize.ts) against the native Debian
 * `tesseract` CLI (OMP_THREAD_LIMIT=1, as many concurrent processes) on the same fixture pages, for the prose
 * set and the ruled-table set: pages/min, CER and WER per page and overall, cell accuracy on table pages
 * (product only: the CLI has no table structure), CPU s/page per stage (a sequential profile pass), and the
 * throughput ratio product/native. Rounds alternate product and native so both see the same machine load.
 * Then the document-metadata bench (scripts/bench/ocr-documents.ts), when present, on the same pool.
 * Targets: prose CER ≤ 2% at ≥ 0.5× native (issue 3); tables row-order CER ≤ 3%, cells ≥ 95% (issue 14).
 *
 * Env: OCR_FIXTURES (default ../shared/fixtures/ocr), OCR_TABLE_FIXTURES (default ../shared/fixtures/ocr-tables;
 * 'none' skips), BENCH_ROUNDS (default 2), BENCH_WORKERS (default cores),
 * BENCH_ROTATE=1 (tesseract rotateAuto), BENCH_DPI (OCR resolution, default 240), BENCH_NATIVE=0 (skip the CLI).
 * Besides wall-clock pages/min it reports CPU seconds per page (this process's threads for the product, the
 * CLI processes' own CPU for native), which stays meaningful when other work shares the machine.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOcrPool } from '../../ocr/engine/tesseract-pool.js';
import { recognizeWithTables, type TableOcrTiming } from '../../ocr/tables/recognize.js';
import { loadFixtureSet, reportSet, stageLine, type FixturePage, type Reading } from './ocr-report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const workers = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
const sets = [
  { label: 'prose (ocr)', dir: path.resolve(root, process.env.OCR_FIXTURES ?? '../shared/fixtures/ocr') },
  ...(process.env.OCR_TABLE_FIXTURES === 'none' ? []
    : [{ label: 'ruled tables (ocr-tables)', dir: path.resolve(root, process.env.OCR_TABLE_FIXTURES ?? '../shared/fixtures/ocr-tables') }]),
].filter((set) => fs.existsSync(set.dir)).map((set) => ({ ...set, pages: loadFixtureSet(set.dir) }));

/** Wall time, CPU seconds spent on it (this process's threads, or the CLI processes), and what was read. */
interface Round { seconds: number; cpu: number; readings: Reading[] }

/** Runs fn over all pages with `parallel` in flight, keeping page order in the result. */
async function runAll(pages: FixturePage[], parallel: number, fn: (file: string) => Promise<Reading & { cpu?: number }>): Promise<Round> {
  const readings: Reading[] = new Array(pages.length);
  let next = 0;
  let childCpu = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < pages.length) {
      const i = next++;
      const r = await fn(pages[i].file);
      readings[i] = r;
      childCpu += r.cpu ?? 0;
    }
  }));
  const own = process.cpuUsage(c0);
  const cpu = childCpu || (own.user + own.system) / 1e6;
  return { seconds: (performance.now() - t0) / 1000, cpu, readings };
}

/** The CLI under bash, whose `times` reports the CPU its child used (user + system). */
function nativeTesseract(file: string): Promise<Reading & { cpu: number }> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', 'tesseract "$1" stdout -l vie --psm 3 2>/dev/null; s=$?; times >&2; exit $s', 'bench', file],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) return reject(err);
        const child = stderr.trim().split('\n').pop() ?? '';
        const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].reduce((t, m) => t + Number(m[1]) * 60 + Number(m[2]), 0);
        resolve({ text: stdout, cpu: secs });
      });
  });
}

function nativeAvailable(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('tesseract', ['--version'], (err, stdout) => resolve(err ? null : stdout.split('\n')[0]));
  });
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

const native = process.env.BENCH_NATIVE === '0' ? null : await nativeAvailable();
const targetDpi = process.env.BENCH_DPI ? Number(process.env.BENCH_DPI) : undefined;
const pool = createOcrPool({ size: workers, rotateAuto: process.env.BENCH_ROTATE === '1', prep: { targetDpi } });
console.log(`bench:ocr ${sets.map((s) => `${s.pages.length} pages from ${s.dir}`).join(', ')}; ${workers} workers, ${rounds} rounds; native: ${native ?? 'not run'}`);
try {
  const t0 = performance.now();
  await pool.warmUp();
  console.log(`pool start-up (model load, ${workers} workers): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const set of sets) {
    const product: Round[] = [];
    const cli: Round[] = [];
    let engine = '';
    for (let r = 0; r < rounds; r++) {
      // Twice as many pages in flight as workers: the pool cleans up the next pages while recognising.
      product.push(await runAll(set.pages, 2 * workers, async (file) => {
        const res = await recognizeWithTables(pool, file, 0);
        engine = res.page.engine;
        return { text: res.page.text, page: res.page };
      }));
      if (native) cli.push(await runAll(set.pages, workers, nativeTesseract));
    }
    console.log(`\n=== ${set.label} ===`);
    console.log(`engine (last page): ${engine}`);
    const p = reportSet(`product (tesseract.js pool of ${workers}, table-aware)`, set.pages, product, workers);
    if (native) {
      const n = reportSet(`native ${native} (OMP_THREAD_LIMIT=1, ${workers} processes, psm 3)`, set.pages, cli, workers);
      console.log(`throughput ratio product/native: ${(p.ppm / n.ppm).toFixed(2)}× wall clock, `
        + `${(n.cpuPerPage / p.cpuPerPage).toFixed(2)}× by CPU time; CER ${pct(p.cer)} vs ${pct(n.cer)}`);
    }
    // Stage profile: one page at a time, so the process's CPU per stage belongs to that page alone.
    const stages: TableOcrTiming[] = [];
    for (const page of set.pages) stages.push((await recognizeWithTables(pool, page.file, 0)).cpu);
    console.log(stageLine(stages));
  }
  console.log(`\nmemory: peak RSS of this process (main + ${workers} OCR worker threads) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`(load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores: `
    + 'on a busy machine trust the CPU-time ratio more than the wall-clock one)');
  // Document metadata (helper ocr-docs, scripts/bench/ocr-documents.ts) on the same pool, when it is there.
  const docs = await import('./ocr-documents.js').catch(() => null) as null | {
    runDocumentBench: (o: { pool: typeof pool }) => Promise<unknown>; formatDocumentBench: (r: never) => string;
  };
  if (docs && process.env.OCR_DOCUMENT_FIXTURES !== 'none') {
    console.log('\n=== administrative first pages (ocr-documents) ===');
    console.log(docs.formatDocumentBench(await docs.runDocumentBench({ pool }) as never));
  }
} finally {
  await pool.close();
}
