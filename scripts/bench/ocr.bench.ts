/**
 * npm run bench:ocr — the product's OCR pipeline (table detection + sharp clean-up + tesseract.js pool, one
 * worker per core, exactly what the page.ocr job runs: ocr/tables/recognize.ts) against the native Debian
 * `tesseract` CLI (OMP_THREAD_LIMIT=1, as many concurrent processes) on the same fixture pages, for the prose
 * set and the ruled-table set: pages/min, CER and WER per page and overall, cell accuracy on table pages
 * (product only: the CLI has no table structure), CPU s/page per stage (a sequential profile pass), and the
 * throughput ratio product/native. Rounds alternate product and native so both see the same machine load.
 * The same pipeline is also run with the optional native engine (ocr/engine/native-pool.ts: same clean-up,
 * Debian binary instead of tesseract.js) when the binary is present, so the three columns come from one run.
 * Then the document-metadata bench (scripts/bench/ocr-documents.ts) with each engine.
 * Targets: prose CER ≤ 1.5% at ≥ 1.0× native by CPU (issue 14); tables row-order CER ≤ 3%, cells ≥ 95%.
 *
 * Env: OCR_FIXTURES (default ../shared/fixtures/ocr), OCR_TABLE_FIXTURES (default ../shared/fixtures/ocr-tables;
 * 'none' skips), BENCH_ROUNDS (default 2), BENCH_WORKERS (default cores),
 * BENCH_ROTATE=1 (tesseract rotateAuto), BENCH_DPI (forces the OCR resolution; default per page: 200 crisp, 240 faded), BENCH_DESKEW (minimum degrees,
 * 'off' never), BENCH_NATIVE=0 (skip the CLI and the native engine), OCR_DOCUMENT_FIXTURES ('none' skips).
 * Besides wall-clock pages/min it reports CPU seconds per page (this process's threads plus its reaped child
 * processes, /proc/self/stat), which stays meaningful when other work shares the machine.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOcrPool, type TesseractOcrPool } from '../../ocr/engine/tesseract-pool.js';
import { nativeTesseractVersion } from '../../ocr/engine/native-pool.js';
import { recognizeWithTables } from '../../ocr/tables/recognize.js';
import { cpuSeconds, loadFixtureSet, profileStages, reportSet, type FixturePage, type Reading } from './ocr-report.js';

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
async function runAll(pages: FixturePage[], parallel: number, fn: (file: string) => Promise<Reading>): Promise<Round> {
  const readings: Reading[] = new Array(pages.length);
  let next = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < pages.length) {
      const i = next++;
      readings[i] = await fn(pages[i].file);
    }
  }));
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0, readings };
}

/** The CLI on the master as it is (its own binarisation, 300 dpi), the yardstick of issue 3. */
function nativeTesseract(file: string): Promise<Reading> {
  return new Promise((resolve, reject) => {
    execFile('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '3'],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 << 20 },
      (err, stdout) => (err ? reject(err) : resolve({ text: stdout })));
  });
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const native = process.env.BENCH_NATIVE === '0' ? null : await nativeTesseractVersion();
const targetDpi = process.env.BENCH_DPI ? Number(process.env.BENCH_DPI) : undefined;
const deskew = process.env.BENCH_DESKEW === 'off' ? false as const : process.env.BENCH_DESKEW ? Number(process.env.BENCH_DESKEW) : undefined;
const prep = { targetDpi, deskew };
// Resident memory before any OCR worker exists, so the pool's share can be told apart from Node's own.
const baseRss = process.memoryUsage().rss / 1024;
const pool = createOcrPool({ size: workers, rotateAuto: process.env.BENCH_ROTATE === '1', prep });
const nativePool = native ? createOcrPool({ size: workers, engine: 'native', prep }) : null;
const engines: { label: string; pool: TesseractOcrPool }[] = [
  { label: `product, tesseract.js pool of ${workers} (default engine)`, pool },
  ...(nativePool ? [{ label: `product, native engine (${native}, ${workers} processes)`, pool: nativePool }] : []),
];
console.log(`bench:ocr ${sets.map((s) => `${s.pages.length} pages from ${s.dir}`).join(', ')}; ${workers} workers, ${rounds} rounds; native: ${native ?? 'not run'}`);
const summary: string[] = [];
try {
  const t0 = performance.now();
  for (const e of engines) await e.pool.warmUp();
  console.log(`pool start-up (model load, ${workers} workers): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const set of sets) {
    const runs = engines.map(() => [] as Round[]);
    const cli: Round[] = [];
    const engineNames = engines.map(() => '');
    // Rounds alternate the engines so each sees the same machine load.
    for (let r = 0; r < rounds; r++) {
      for (const [k, e] of engines.entries()) {
        // Twice as many pages in flight as workers: the pool cleans up the next pages while recognising.
        runs[k].push(await runAll(set.pages, 2 * workers, async (file) => {
          const res = await recognizeWithTables(e.pool, file, 0);
          engineNames[k] = res.page.engine;
          return { text: res.page.text, page: res.page };
        }));
      }
      if (native) cli.push(await runAll(set.pages, workers, nativeTesseract));
    }
    console.log(`\n=== ${set.label} ===`);
    const results = engines.map((e, k) => {
      console.log(`engine (last page): ${engineNames[k]}`);
      return reportSet(e.label, set.pages, runs[k], workers);
    });
    const n = native ? reportSet(`native CLI ${native} on the raw master (OMP_THREAD_LIMIT=1, ${workers} processes, psm 3)`, set.pages, cli, workers) : null;
    // Stage profile: one page at a time, so the process's CPU per stage belongs to that page alone.
    for (const e of engines) console.log(`${e.label}:\n  ${await profileStages(e.pool, set.pages)}`);
    for (const [k, p] of results.entries()) {
      const line = `${set.label} | ${engines[k].label}: CER ${pct(p.cer)}, WER ${pct(p.wer)}${p.cells === null ? '' : `, cells ${pct(p.cells)}`}, `
        + `${p.cpuPerPage.toFixed(2)} CPU s/page, ${p.ppm.toFixed(1)} pages/min`
        + (n ? `; vs native CLI (CER ${pct(n.cer)}, ${n.cpuPerPage.toFixed(2)} CPU s/page): ${(n.cpuPerPage / p.cpuPerPage).toFixed(2)}× by CPU, ${(p.ppm / n.ppm).toFixed(2)}× wall` : '');
      summary.push(line);
    }
  }
  const peak = process.resourceUsage().maxRSS;
  const memory = `peak RSS of this process ${mb(peak)} (main + ${workers} tesseract.js worker threads + sharp); `
    + `before the pool ${mb(baseRss)}, so ≈ ${mb((peak - baseRss) / workers)} per OCR worker (clean-up buffers included)`;
  console.log(`\nmemory: ${memory}`);
  // Document metadata (helper ocr-docs, scripts/bench/ocr-documents.ts) with each engine, when it is there.
  const docs = await import('./ocr-documents.js').catch(() => null) as null | {
    runDocumentBench: (o: { pool: TesseractOcrPool }) => Promise<{ overall: number; cpuSecondsPerPage: number }>;
    formatDocumentBench: (r: never) => string;
  };
  if (docs && process.env.OCR_DOCUMENT_FIXTURES !== 'none') {
    for (const e of engines) {
      console.log(`\n=== administrative first pages (ocr-documents), ${e.label} ===`);
      const c0 = cpuSeconds();
      const r = await docs.runDocumentBench({ pool: e.pool });
      console.log(docs.formatDocumentBench(r as never));
      summary.push(`documents (ocr-documents) | ${e.label}: fields ${(r.overall * 100).toFixed(1)} %, `
        + `${((cpuSeconds() - c0) / ((r as unknown as { pages: unknown[] }).pages.length || 1)).toFixed(2)} CPU s/page (children included)`);
    }
  }
  console.log('\n=== side by side ===');
  for (const line of summary) console.log(line);
  console.log(`memory: ${memory}`);
  console.log(`(load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores: `
    + 'on a busy machine trust the CPU-time ratio more than the wall-clock one)');
} finally {
  await pool.close();
  await nativePool?.close();
}
