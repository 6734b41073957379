/**
 * Pixels for table detection (decoded by ocr/image/grey-page.ts): a small grey copy of the page for finding rules,
 * and the full-size grey page with the rules painted over in paper colour for the OCR engine (rules touching
 * glyphs are what turned table cells into garbage like "|ll").
 */
import { decodeGreyPage, greyHistogram, greyPercentile } from '../image/grey-page.js';
import { toImage, type Grid, type Raster } from './grid.js';

/** Long side of the copy rules are searched on (the search stays ~100 ms). */
const WORK_LONG_SIDE = 1800;

export interface PageRaster {
  /** Full-size upright grey page (same frame as the OCR boxes). */
  full: Raster;
  /** Downscaled copy for detection; work pixel = full pixel × scale. */
  work: Raster;
  scale: number;
  density: number | undefined;
}

export async function loadPage(file: string | Buffer, pageIndex: number, maxPixels: number): Promise<PageRaster> {
  const { density, ...grey } = await decodeGreyPage(file, pageIndex, maxPixels);
  const k = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / WORK_LONG_SIDE));
  const work = minPool(grey, k);
  return { full: grey, work, scale: work.width / grey.width, density };
}

/**
 * Shrinks by k keeping the darkest pixel of each k×k block: a 2-px rule stays as dark as it is printed,
 * where averaging would fade it into the paper (faded pages lost half their rules that way).
 */
export function minPool(r: Raster, k: number): Raster {
  if (k === 1) return r;
  const w = Math.floor(r.width / k);
  const h = Math.floor(r.height / k);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 255;
      for (let dy = 0; dy < k; dy++) {
        const row = (y * k + dy) * r.width + x * k;
        for (let dx = 0; dx < k; dx++) if (r.data[row + dx] < m) m = r.data[row + dx];
      }
      out[y * w + x] = m;
    }
  }
  return { data: out, width: w, height: h };
}

/** Paper level of a page: the grey most of it has (its 90th percentile). */
export function paperLevel(r: Raster): number {
  return greyPercentile(greyHistogram(r.data, 7), 0.9, 255, true);
}

/**
 * Paints every detected rule of the grid (found on the work copy) over in paper colour on a copy of the
 * full page. The band is the rule's measured thickness plus a margin for blur and JPEG fringes.
 */
export function eraseRules(page: PageRaster, grid: Grid): Raster {
  const { full, scale } = page;
  const out = new Uint8Array(full.data);
  // Samples read the copy being painted: where rules cross, the vertical pass then finds the horizontal
  // rule already gone beside it, so no dark square is left at the crossing.
  const { width, height } = full;
  const sample = (x: number, y: number) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < width && yi < height ? out[yi * width + xi] : 0;
  };
  // The rule is replaced by the paper just beside it (the lighter of both sides: one may hold a glyph),
  // so no stripe lighter or darker than the cell is left for the engine's binarisation to trip over.
  const paint = (x: number, y: number, a: [number, number], b: [number, number]) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi >= 0 && yi >= 0 && xi < width && yi < height) out[yi * width + xi] = Math.max(sample(...a), sample(...b));
  };
  const step = 0.5 * scale; // half a full-size pixel, in work pixels: no holes along the rule
  const draw = (horizontal: boolean, at: number, from: number, to: number, thickness: number) => {
    const half = (thickness / 2 + 1) / scale + 2; // full pixels either side of the centre
    // Offset (master pixels) from the band's centre to just outside it, perpendicular to the rule.
    const [nx, ny] = horizontal ? [-Math.sin(grid.skew), Math.cos(grid.skew)] : [Math.cos(grid.skew), Math.sin(grid.skew)];
    const beyond = half + 3;
    for (let s = from - 2 / scale; s <= to + 2 / scale; s += step) {
      const [cu, cv] = horizontal ? [s, at] : [at, s];
      const [gx, gy] = toImage(grid, cu, cv);
      const [cx, cy] = [gx / scale, gy / scale];
      const a: [number, number] = [cx + nx * beyond, cy + ny * beyond];
      const b: [number, number] = [cx - nx * beyond, cy - ny * beyond];
      for (let d = -half; d <= half; d += 0.5) paint(cx + nx * d, cy + ny * d, a, b);
    }
  };
  const top = grid.rows[0].at;
  const bottom = grid.rows[grid.rows.length - 1].at;
  const left = grid.cols[0].at;
  const right = grid.cols[grid.cols.length - 1].at;
  // Only inside the table frame: a rule extent can run into a title underline or a signature line.
  for (const h of grid.rows) draw(true, h.at, Math.max(h.from, left), Math.min(h.to, right), h.thickness);
  for (const v of grid.cols) draw(false, v.at, Math.max(v.from, top), Math.min(v.to, bottom), v.thickness);
  return { data: out, width: full.width, height: full.height };
}

/** A box of a raster. */
export function cropRaster(r: Raster, [x0, y0, x1, y1]: [number, number, number, number]): Raster {
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(r.data.subarray((y0 + y) * r.width + x0, (y0 + y) * r.width + x0 + w), y * w);
  return { data: out, width: w, height: h };
}

/**
 * Contrast stretch of a raster to the given ink..paper range (paper and lighter → 255). The OCR clean-up
 * measures ink and paper by percentiles of the image it gets, which only works when ink is more than a
 * speck of it: a strip of mostly empty cells must arrive already on white.
 */
export function stretchTo(r: Raster, ink: number, paper: number): Raster {
  const gain = 255 / Math.max(1, paper - ink);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round((v - ink) * gain)));
  const out = new Uint8Array(r.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[r.data[i]];
  return { data: out, width: r.width, height: r.height };
}

/** Ink level of a page: its 0.5th percentile grey (as ocr-prep measures it). */
export function inkLevel(r: Raster): number {
  return greyPercentile(greyHistogram(r.data, 7), 0.005, 0);
}

/**
 * Bounding box of the ink in a raster (grey < threshold), ignoring specks: a column or row counts only
 * with at least `minRun` ink pixels. Null when there is no ink (a really empty cell).
 */
export function inkBox(r: Raster, threshold: number, minRun = 3): [number, number, number, number] | null {
  const cols = new Uint32Array(r.width);
  const rows = new Uint32Array(r.height);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.data[y * r.width + x] < threshold) {
        cols[x]++;
        rows[y]++;
      }
    }
  }
  const first = (a: Uint32Array) => a.findIndex((v) => v >= minRun);
  const last = (a: Uint32Array) => a.length - 1 - [...a].reverse().findIndex((v) => v >= minRun);
  const x0 = first(cols);
  const y0 = first(rows);
  if (x0 < 0 || y0 < 0) return null;
  return [x0, y0, last(cols) + 1, last(rows) + 1];
}

/** Rasters stacked top to bottom on paper, `gap` pixels apart and from the edges; returns their origins. */
export function stackRasters(parts: Raster[], gap: number, paper: number): { raster: Raster; origins: [number, number][] } {
  const width = Math.max(...parts.map((p) => p.width)) + 2 * gap;
  const height = parts.reduce((s, p) => s + p.height + gap, gap);
  const data = new Uint8Array(width * height).fill(paper);
  const origins: [number, number][] = [];
  let y = gap;
  for (const p of parts) {
    origins.push([gap, y]);
    for (let row = 0; row < p.height; row++) data.set(p.data.subarray(row * p.width, (row + 1) * p.width), (y + row) * width + gap);
    y += p.height + gap;
  }
  return { raster: { data, width, height }, origins };
}
