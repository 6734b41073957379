/**
 * Table cells as text, and their score against a printed ground truth (bench and tests): exact match after
 * NFC and whitespace folding, every cell counted, empty ones included (an empty cell read as dust is an error).
 */
import type { OcrPageResult, OcrTable } from '../engine/types.js';
import { normaliseForMetric } from '../quality.js';

/** grid[r][c] = text of the cell starting there ('' for empty or covered positions). */
export function cellGrid(page: OcrPageResult, table: OcrTable): string[][] {
  const grid = Array.from({ length: table.rows }, () => new Array<string>(table.cols).fill(''));
  for (const cell of table.cells) {
    const words = page.lines.slice(cell.l[0], cell.l[1]).flatMap((l) => page.words.slice(l.w[0], l.w[1]).map((w) => w.t));
    grid[cell.r][cell.c] = words.join(' ');
  }
  return grid;
}

export interface CellScore {
  right: number;
  total: number;
  /** Cells read wrong: [row, column, expected, got]. */
  wrong: [number, number, string, string][];
}

/** truth: rows of cells as printed (header first). Rows or columns missing from the reading count as wrong. */
export function scoreCells(read: string[][], truth: string[][]): CellScore {
  const score: CellScore = { right: 0, total: 0, wrong: [] };
  truth.forEach((row, r) => row.forEach((expected, c) => {
    score.total++;
    const got = normaliseForMetric(read[r]?.[c] ?? '');
    if (got === normaliseForMetric(expected)) score.right++;
    else score.wrong.push([r, c, expected, got]);
  }));
  return score;
}
