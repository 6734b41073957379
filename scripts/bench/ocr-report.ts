/**
 * bench:ocr's fixtures and report lines: a fixture set (page images with `.txt` ground truth, and
 * `.table.json` for ruled-table pages), per-page CER/WER and cell accuracy, throughput and the CPU split
 * per stage of the table-aware pipeline (ocr/tables/recognize.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OcrPageResult } from '../../ocr/engine/types.js';
import { charErrors, pooledRate, wordErrors, type ErrorCount } from '../../ocr/quality.js';
import { cellGrid, scoreCells } from '../../ocr/tables/cells.js';
import type { TableOcrTiming } from '../../ocr/tables/recognize.js';

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
  return { ppm: ppm(median), cpuPerPage, cer: pooledRate(chars), wer: pooledRate(words) };
}

/** Mean CPU s/page per stage of the profile pass (one page in flight). */
export function stageLine(stages: TableOcrTiming[]): string {
  const n = Math.max(1, stages.length);
  const mean = (k: keyof TableOcrTiming) => stages.reduce((s, t) => s + t[k], 0) / n;
  const total = mean('detect') + mean('erase') + mean('recognize') + mean('cells');
  return `CPU s/page by stage (one page at a time): table detection ${mean('detect').toFixed(2)}, rule erasing + encoding `
    + `${mean('erase').toFixed(2)}, clean-up + recognition ${mean('recognize').toFixed(2)}, empty-cell pass ${mean('cells').toFixed(2)}; `
    + `total ${total.toFixed(2)}`;
}
