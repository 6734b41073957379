/**
 * tsx scripts/bench/table-accuracy.ts — the accuracy half of bench:ocr for the ruled-table set only (issue 14):
 * each ocr-tables page read by ocr/tables/recognize.ts through the product's pool, one page at a time, with
 * row-order CER and cell accuracy per page and every wrong cell listed; then, unless
 * OCR_DOCUMENT_FIXTURES=none, the document-metadata bench on the same pool. No native CLI, no rounds: for
 * iterating on reading accuracy on a shared machine (bench:ocr stays the reference for throughput).
 * Env: OCR_TABLE_FIXTURES (default ../shared/fixtures/ocr-tables), BENCH_WORKERS (default 1),
 * BENCH_DUMP (a directory: each page's result as JSON there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOcrPool } from '../../ocr/engine/tesseract-pool.js';
import { charErrors, pooledRate, type ErrorCount } from '../../ocr/quality.js';
import { cellGrid, scoreCells } from '../../ocr/tables/cells.js';
import { recognizeWithTables } from '../../ocr/tables/recognize.js';
import { formatDocumentBench, runDocumentBench } from './ocr-documents.js';
import { loadFixtureSet } from './ocr-report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(root, process.env.OCR_TABLE_FIXTURES ?? '../shared/fixtures/ocr-tables');
const dump = process.env.BENCH_DUMP;
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

const pool = createOcrPool({ size: Number(process.env.BENCH_WORKERS ?? 1) });
try {
  await pool.warmUp();
  const chars: ErrorCount[] = [];
  let right = 0;
  let total = 0;
  let cpu = 0;
  console.log(`Ruled tables (${dir}): row-order CER, cells exact after NFC + whitespace folding`);
  for (const page of loadFixtureSet(dir)) {
    const res = await recognizeWithTables(pool, page.file, 0);
    if (dump) fs.writeFileSync(path.join(dump, `${page.name}.json`), JSON.stringify(res.page));
    const c = charErrors(res.page.text, page.truth);
    chars.push(c);
    const table = res.page.tables?.[0];
    const score = table && page.cells ? scoreCells(cellGrid(res.page, table), page.cells) : { right: 0, total: page.cells?.flat().length ?? 0, wrong: [] };
    right += score.right;
    total += score.total;
    const pageCpu = Object.values(res.cpu).reduce((s, v) => s + v, 0);
    cpu += pageCpu;
    console.log(`  ${page.name}: CER ${pct(c.errors / c.length)}  cells ${pct(score.right / score.total)} (${score.right}/${score.total})  CPU ${pageCpu.toFixed(2)} s`);
    for (const [r, col, expected, got] of score.wrong) console.log(`    r${r} c${col}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  console.log(`  overall: CER ${pct(pooledRate(chars))}  cells ${pct(right / total)} (${right}/${total})  CPU ${(cpu / chars.length).toFixed(2)} s/page`);
  if (process.env.OCR_DOCUMENT_FIXTURES !== 'none') console.log(formatDocumentBench(await runDocumentBench({ pool })));
} finally {
  await pool.close();
}
