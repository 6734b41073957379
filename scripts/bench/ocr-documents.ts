/**
 * Document-metadata proposals on ../shared/fixtures/ocr-documents (issue 14): every first page is read by
 * ocr/documents/first-page.ts through the product's OCR pool and compared with page-NN.meta.json, field by field,
 * exact after NFC + whitespace folding (issuedDate as a date). Reports per-field and per-page accuracy and CPU
 * seconds per page (this process's threads: the pool's workers are threads of it). `runDocumentBench` is called
 * by bench:ocr; `tsx scripts/bench/ocr-documents.ts` runs it alone.
 * Env: OCR_DOCUMENT_FIXTURES (default ../shared/fixtures/ocr-documents), BENCH_WORKERS (default 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOcrPool, type TesseractOcrPool } from '../../ocr/engine/tesseract-pool.js';
import { fold } from '../../ocr/documents/fields.js';
import { readFirstPage } from '../../ocr/documents/first-page.js';
import { PROPOSAL_FIELDS, type ProposalField } from '../../ocr/documents/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DocumentBenchPage {
  page: string;
  correct: number;
  total: number;
  /** Fields read wrong: expected vs proposed. */
  wrong: { field: ProposalField; expected: string | null; got: string | null; confidence: number }[];
  isStart: boolean;
}

export interface DocumentBenchResult {
  pages: DocumentBenchPage[];
  /** Share of pages whose field was exactly right, per field. */
  perField: Record<ProposalField, number>;
  /** Share of all fields of all pages exactly right. */
  overall: number;
  cpuSecondsPerPage: number;
  wallSecondsPerPage: number;
}

export function sameField(field: ProposalField, expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  if (field === 'issuedDate') return new Date(expected).getTime() === new Date(got).getTime();
  return fold(expected) === fold(got);
}

export async function runDocumentBench(opts: { dir?: string; pool?: TesseractOcrPool } = {}): Promise<DocumentBenchResult> {
  const dir = path.resolve(root, opts.dir ?? process.env.OCR_DOCUMENT_FIXTURES ?? '../shared/fixtures/ocr-documents');
  const files = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
  const pool = opts.pool ?? createOcrPool({ size: Number(process.env.BENCH_WORKERS ?? 1) });
  try {
    if (!opts.pool) await pool.warmUp();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const pages: DocumentBenchPage[] = [];
    for (const f of files) {
      const truth = JSON.parse(fs.readFileSync(path.join(dir, f.replace('.png', '.meta.json')), 'utf8')) as Record<ProposalField, string | null>;
      const reading = await readFirstPage(path.join(dir, f), 0, (png) => pool.recognizeFile(png, 0));
      const wrong = PROPOSAL_FIELDS
        .filter((k) => !sameField(k, truth[k] ?? null, reading.fields[k].value))
        .map((k) => ({ field: k, expected: truth[k] ?? null, got: reading.fields[k].value, confidence: reading.fields[k].confidence }));
      pages.push({ page: f, correct: PROPOSAL_FIELDS.length - wrong.length, total: PROPOSAL_FIELDS.length, wrong, isStart: reading.start.isStart });
    }
    const cpu = process.cpuUsage(c0);
    const perField = Object.fromEntries(PROPOSAL_FIELDS.map((k) => [k, pages.filter((p) => !p.wrong.some((w) => w.field === k)).length / pages.length])) as Record<ProposalField, number>;
    const correct = pages.reduce((s, p) => s + p.correct, 0);
    return {
      pages, perField,
      overall: correct / (pages.length * PROPOSAL_FIELDS.length),
      cpuSecondsPerPage: (cpu.user + cpu.system) / 1e6 / pages.length,
      wallSecondsPerPage: (performance.now() - t0) / 1000 / pages.length,
    };
  } finally {
    if (!opts.pool) await pool.close();
  }
}

export function formatDocumentBench(r: DocumentBenchResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const out = ['Document metadata (ocr-documents): exact after NFC + whitespace folding, issuedDate as a date'];
  for (const p of r.pages) {
    out.push(`  ${p.page}: ${p.correct}/${p.total} fields (${pct(p.correct / p.total)})${p.isStart ? '' : ' [not detected as a document start]'}`);
    for (const w of p.wrong) out.push(`    ${w.field}: expected ${JSON.stringify(w.expected)}, got ${JSON.stringify(w.got)} (confidence ${w.confidence})`);
  }
  out.push(`  per field: ${Object.entries(r.perField).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  out.push(`  overall ${pct(r.overall)}; CPU ${r.cpuSecondsPerPage.toFixed(2)} s/page, wall ${r.wallSecondsPerPage.toFixed(2)} s/page`);
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatDocumentBench(await runDocumentBench()));
}
