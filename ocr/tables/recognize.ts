/**
 * OCR of one page with table awareness: find a ruled table (rules on a small copy, ~0.2 s); without one the
 * page goes to the pool exactly as before. With one, the rules are painted out of a copy of the page, that
 * copy is recognised by the same pool (same clean-up, same model), and the words are put in row order by
 * the grid (assemble.ts). One recognition either way; boxes stay in master pixels because the copy has the
 * master's size and orientation.
 */
import type { OcrPageResult, OcrWord } from '../engine/types.js';
import { assembleTable } from './assemble.js';
import { detectGrid, otsu, type Grid, type Raster } from './grid.js';
import { DEFAULT_TARGET_DPI, type OcrInput } from '../image/ocr-prep.js';
import { cropRaster, inkBox, eraseRules, loadPage, inkLevel, paperLevel, stackRasters, stretchTo } from './raster.js';

/** The part of the OCR pool (ocr/engine/tesseract-pool.ts) this needs. */
export interface PageRecognizer {
  recognizeFile(file: OcrInput, pageIndex: number, options?: { segmentation?: 'auto' | 'block'; targetDpi?: number }): Promise<OcrPageResult>;
}

export interface TableOcrTiming {
  /** Wall seconds: loading + rule search, rule erasing + encoding, recognition (pool queue included). */
  detect: number;
  erase: number;
  recognize: number;
  /** Second pass over cells the page pass left empty (composing + recognition). */
  cells: number;
}

export interface TableOcrResult {
  page: OcrPageResult;
  grid: Grid | null;
  timing: TableOcrTiming;
  /**
   * CPU seconds of the whole process per stage (worker threads and libuv included): exact when one page
   * is in flight (the bench's stage profile), inflated by other pages' work otherwise.
   */
  cpu: TableOcrTiming;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function recognizeWithTables(
  pool: PageRecognizer, file: string | Buffer, pageIndex: number, opts: { maxPixels?: number } = {},
): Promise<TableOcrResult> {
  const t0 = performance.now();
  const c0 = cpuNow();
  const raster = await loadPage(file, pageIndex, opts.maxPixels ?? 300_000_000);
  const grid = detectGrid(raster.work, otsu(raster.full.data));
  const t1 = performance.now();
  const c1 = cpuNow();
  if (!grid) {
    // The grey page decoded for the rule search is handed on, so the clean-up does not decode the master again.
    const page = await pool.recognizeFile({ ...raster.full, density: raster.density }, pageIndex);
    return {
      page, grid,
      timing: { detect: (t1 - t0) / 1000, erase: 0, recognize: (performance.now() - t1) / 1000, cells: 0 },
      cpu: { detect: c1 - c0, erase: 0, recognize: cpuNow() - c1, cells: 0 },
    };
  }
  const erasedRaster = eraseRules(raster, grid);
  const t2 = performance.now();
  const c2 = cpuNow();
  // Table pages stay at the full OCR resolution: cell accuracy was measured there, not at the crisp-page 200 dpi.
  const raw = await pool.recognizeFile({ ...erasedRaster, density: raster.density }, 0, { targetDpi: DEFAULT_TARGET_DPI });
  const t3 = performance.now();
  const c3 = cpuNow();
  let page = assembleTable(raw, grid, raster.scale);
  // Second pass: cells left empty, and short cells with a doubtful word (a lone number read as "L3").
  const table = page.tables![0];
  const doubtful = table.cells.map((cell, id) => {
    const words = page.lines.slice(cell.l[0], cell.l[1]).flatMap((l) => page.words.slice(l.w[0], l.w[1]));
    return { cell, id, words };
  }).filter(({ words }) => !words.length || (words.length <= 3 && Math.min(...words.map((w) => w.c)) < DOUBTFUL_CONFIDENCE));
  if (doubtful.length) {
    const reread = await readCells(pool, erasedRaster, doubtful.map((d) => d.cell.b), grid.threshold, raster.density);
    const extra: OcrWord[][] = [];
    const replaced = new Set<number>();
    doubtful.forEach((d, k) => {
      const lines = reread.get(k);
      if (!lines) return;
      // A cell that had a reading keeps it unless the second one is surer of itself.
      if (d.words.length) {
        if (meanConfidence(lines.flat()) <= meanConfidence(d.words)) return;
        replaced.add(d.id);
      }
      extra.push(...lines);
    });
    if (extra.length) page = assembleTable(raw, grid, raster.scale, extra, replaced);
  }
  const t4 = performance.now();
  page.engine = `${raw.engine} table=${page.tables![0].rows}x${page.tables![0].cols}`;
  return {
    page, grid,
    timing: { detect: (t1 - t0) / 1000, erase: (t2 - t1) / 1000, recognize: (t3 - t2) / 1000, cells: (t4 - t3) / 1000 },
    cpu: { detect: c1 - c0, erase: c2 - c1, recognize: c3 - c2, cells: cpuNow() - c3 },
  };
}

/** Below this word confidence a short cell is read again in the cell strip. */
const DOUBTFUL_CONFIDENCE = 70;

const meanConfidence = (words: OcrWord[]) => words.reduce((s, w) => s + w.c, 0) / Math.max(1, words.length);

/**
 * Second pass for cells the page pass left empty (or read with doubt). Layout analysis drops a lone short token in a wide
 * empty cell (the "1", "2" of a Số TT column) as noise. The ink of those cells, stacked one under the
 * other with paper between them, is read in ONE extra recognition as a single block of text (automatic
 * segmentation dropped them again there, stacked or side by side). Words come back in
 * master pixels: strip position − cell origin in the strip + cell origin on the page.
 */
async function readCells(
  pool: PageRecognizer, page: Raster, boxes: [number, number, number, number][], threshold: number, density?: number,
): Promise<Map<number, OcrWord[][]>> {
  const inset = 4; // stay clear of the painted-over rule band
  const margin = 12;
  const crops: { b: [number, number, number, number]; raster: Raster; index: number }[] = [];
  for (const [index, [x0, y0, x1, y1]] of boxes.entries()) {
    const cell: [number, number, number, number] = [x0 + inset, y0 + inset, Math.max(x0 + inset + 1, x1 - inset), Math.max(y0 + inset + 1, y1 - inset)];
    // Only the cell's ink travels (a cell without ink is empty and skipped): whole cells set side by
    // side left gaps wide enough for the engine to split the strip into columns and drop them again.
    const ink = inkBox(cropRaster(page, cell), threshold);
    if (!ink) continue;
    const b: [number, number, number, number] = [
      Math.max(cell[0], cell[0] + ink[0] - margin), Math.max(cell[1], cell[1] + ink[1] - margin),
      Math.min(cell[2], cell[0] + ink[2] + margin), Math.min(cell[3], cell[1] + ink[3] + margin),
    ];
    crops.push({ b, raster: cropRaster(page, b), index });
  }
  const out = new Map<number, OcrWord[][]>();
  if (!crops.length) return out;
  const gap = 48;
  const paper = paperLevel(page);
  const { raster, origins } = stackRasters(crops.map((c) => c.raster), gap, paper);
  const ready = stretchTo(raster, inkLevel(page), paper);
  // The clean-up reads ink and paper levels from the image's own 0.5th/99.5th percentiles; a strip of
  // mostly empty cells has less ink than that, so it would be "stretched" paper grain (measured: nothing
  // read at all). A black bar along the right edge (2% of the columns, away from every crop) gives it
  // its ink level; the engine ignores a border blob, and words are kept only inside a crop anyway.
  const bar = Math.max(2, Math.ceil(ready.width * 0.02));
  for (let y = 0; y < ready.height; y++) ready.data.fill(0, y * ready.width + ready.width - bar, (y + 1) * ready.width);
  const strip = await pool.recognizeFile({ ...ready, density }, 0, { segmentation: 'block', targetDpi: DEFAULT_TARGET_DPI });
  for (const line of strip.lines) {
    // One strip line may, in principle, touch two crops: words are grouped per crop.
    const byCrop = new Map<number, OcrWord[]>();
    for (let wi = line.w[0]; wi < line.w[1]; wi++) {
      const w = strip.words[wi];
      const cx = (w.b[0] + w.b[2]) / 2;
      const cy = (w.b[1] + w.b[3]) / 2;
      const k = origins.findIndex(([ox, oy], i) => cx >= ox && cx < ox + crops[i].raster.width
        && cy >= oy && cy < oy + crops[i].raster.height);
      if (k < 0) continue;
      const dx = crops[k].b[0] - origins[k][0];
      const dy = crops[k].b[1] - origins[k][1];
      const index = crops[k].index;
      if (!byCrop.has(index)) byCrop.set(index, []);
      byCrop.get(index)!.push({ ...w, b: [w.b[0] + dx, w.b[1] + dy, w.b[2] + dx, w.b[3] + dy] });
    }
    for (const [index, words] of byCrop) {
      if (!out.has(index)) out.set(index, []);
      out.get(index)!.push(words);
    }
  }
  return out;
}
