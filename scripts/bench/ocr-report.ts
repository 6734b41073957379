/**
 * bench:ocr's fixtures and report lines: a fixture set (page images with `.txt` ground truth, and
 * `.table.json` for ruled-table pages), per-page CER/WER and cell accuracy, throughput and the CPU split
 * per stage of the table-aware pipeline (ocr/tables/recognize.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OcrPageResult } from '../../ocr/engine/types.js';
import { prepareForOcr } from '../../ocr/image/ocr-prep.js';
import { recognizeWithTables, type PageRecognizer } from '../../ocr/tables/recognize.js';
import { charErrors, pooledRate, wordErrors, type ErrorCount } from '../../ocr/quality.js';
import { cellGrid, scoreCells } from '../../ocr/tables/cells.js';

export interface FixturePage {
  name: string;
  file: string;
  truth: string;
  /** Every cell as printed, header first (ocr-tables fixtures). */
  cells: string[][] | null;
}

/** What one engine read from a page; `page` only for the product (the CLI gives text). */
export interface Reading {
  text: string;
  page?: OcrPageResult;
}

export function loadFixtureSet(dir: string): FixturePage[] {
  return fs.readdirSync(dir).filter((f) => /\.(png|tiff?|jpe?g)$/i.test(f)).sort().map((f) => {
    const base = path.join(dir, f.replace(/\.\w+$/, ''));
    const table = fs.existsSync(`${base}.table.json`)
      ? JSON.parse(fs.readFileSync(`${base}.table.json`, 'utf8')) as { header: string[]; rows: string[][] } : null;
    return { name: f, file: path.join(dir, f), truth: fs.readFileSync(`${base}.txt`, 'utf8'), cells: table ? [table.header, ...table.rows] : null };
  });
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

interface Round { seconds: number; cpu: number; readings: Reading[] }

/** Prints one engine's figures for a set; returns the summary used for ratios. */
export function reportSet(label: string, pages: FixturePage[], runs: Round[], workers: number) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const ppm = (r: Round) => (pages.length / r.seconds) * 60;
  const last = runs[runs.length - 1];
  const chars: ErrorCount[] = [];
  const words: ErrorCount[] = [];
  let cellsRight = 0;
  let cellsTotal = 0;
  console.log(`\n${label}`);
  last.readings.forEach((reading, i) => {
    const c = charErrors(reading.text, pages[i].truth);
    const w = wordErrors(reading.text, pages[i].truth);
    chars.push(c);
    words.push(w);
    let cells = '';
    if (pages[i].cells && reading.page) {
      const table = reading.page.tables?.[0];
      const score = table ? scoreCells(cellGrid(reading.page, table), pages[i].cells) : { right: 0, total: pages[i].cells.flat().length };
      cellsRight += score.right;
      cellsTotal += score.total;
      cells = `  cells ${pct(score.right / score.total)} (${score.right}/${score.total})${table ? '' : ' no table found'}`;
    }
    console.log(`  ${pages[i].name}: CER ${pct(c.errors / c.length)}  WER ${pct(w.errors / w.length)}${cells}`);
  });
  console.log(`  overall: CER ${pct(pooledRate(chars))}  WER ${pct(pooledRate(words))}${cellsTotal ? `  cells ${pct(cellsRight / cellsTotal)}` : ''}`);
  console.log(`  rounds: ${runs.map((r) => `${r.seconds.toFixed(1)} s wall (${ppm(r).toFixed(1)} pages/min), ${r.cpu.toFixed(1)} s CPU`).join('; ')}`);
  const cpuPerPage = Math.min(...runs.map((r) => r.cpu)) / pages.length;
  console.log(`  median: ${ppm(median).toFixed(1)} pages/min wall; best ${cpuPerPage.toFixed(2)} CPU s/page `
    + `(= ${(60 * workers / cpuPerPage).toFixed(1)} pages/min on ${workers} idle cores)`);
  return { ppm: ppm(median), cpuPerPage, cer: pooledRate(chars), wer: pooledRate(words), cells: cellsTotal ? cellsRight / cellsTotal : null };
}

/**
 * CPU seconds of this process's threads (tesseract.js workers, libuv/sharp) plus its reaped children (the native
 * engine's and the CLI's processes: cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s).
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    children = (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    // Not Linux: children's CPU is not visible, the figures cover this process only.
  }
  return (own.user + own.system) / 1e6 + children;
}

/**
 * Mean CPU s/page per stage, one page in flight so the process's CPU belongs to that page alone. Clean-up
 * (ocr/image/ocr-prep.ts) is timed on its own on the master and taken out of the pool's share, which leaves
 * recognition with its box/layout extraction.
 */
export async function profileStages(pool: PageRecognizer, pages: FixturePage[]): Promise<string> {
  const sum = { detect: 0, erase: 0, prep: 0, recognize: 0, cells: 0 };
  for (const page of pages) {
    const c0 = cpuSeconds();
    await prepareForOcr(page.file, 0, { maxPixels: 300_000_000 });
    const prep = cpuSeconds() - c0;
    const c1 = cpuSeconds();
    const { cpu } = await recognizeWithTables(pool, page.file, 0);
    // recognizeWithTables reads its process CPU only; the native engine's children are added to recognition.
    const children = cpuSeconds() - c1 - (cpu.detect + cpu.erase + cpu.recognize + cpu.cells);
    sum.detect += cpu.detect;
    sum.erase += cpu.erase;
    sum.prep += prep;
    sum.recognize += Math.max(0, cpu.recognize + children - prep);
    sum.cells += cpu.cells;
  }
  const n = Math.max(1, pages.length);
  const f = (v: number) => (v / n).toFixed(2);
  const total = sum.detect + sum.erase + sum.prep + sum.recognize + sum.cells;
  return `CPU s/page by stage (one page at a time): table detection ${f(sum.detect)}, rule erasing + encoding ${f(sum.erase)}, `
    + `clean-up ${f(sum.prep)}, recognition + boxes ${f(sum.recognize)}, empty-cell pass ${f(sum.cells)}; total ${f(total)}`;
}
