/**
 * Ruled-table detection on raw grey pixels (pure: no sharp, no tesseract, so unit tests draw their own pages).
 * Everything is derived from the page: the ink threshold is the page's own Otsu split, the skew is the angle
 * at which dark pixels line up best, and a rule is a run of ink far longer than any glyph (a share of the
 * page size). Coordinates here are in the "grid frame": the working image rotated by -skew, so rules are
 * axis-aligned; `toImage`/`toGrid` convert points.
 */

import { estimateSkew, otsu } from './ink.js';

export { otsu };

export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A detected rule: `at` is its position across (v for horizontal, u for vertical), [from, to] along it. */
export interface Rule {
  at: number;
  thickness: number;
  from: number;
  to: number;
}

export interface GridCell {
  /** Top-left grid position and spans, 0-based. */
  r: number;
  c: number;
  rs: number;
  cs: number;
}

export interface Grid {
  /** Skew of the page in radians (rules run at this angle in the image). */
  skew: number;
  /** Horizontal rules top to bottom and vertical rules left to right (grid frame). */
  rows: Rule[];
  cols: Rule[];
  cells: GridCell[];
  /** Cell id for each (row band, column band): cellAt[r][c] indexes cells. */
  cellAt: number[][];
  /** Rotation centre used for the grid frame (working-image pixels). */
  cx: number;
  cy: number;
  /** Ink threshold (grey < threshold is ink). */
  threshold: number;
}

/**
 * Finds the ruled table of a page, or null. A table needs at least 3 horizontal and 3 vertical rules that
 * cross each other (a frame around a paragraph is not a table).
 */
export function detectGrid(img: Raster, inkThreshold?: number): Grid | null {
  const { data, width, height } = img;
  const threshold = inkThreshold ?? otsu(data);
  // Ink for the skew estimate: only thin horizontal structure (light a few pixels above and below), so a
  // darkened page edge or a stamp, which are axis-aligned blobs, cannot vote for 0°. Every 2nd pixel is enough.
  const d = Math.max(3, Math.round(width / 300));
  const thin = (x: number, y: number) => data[y * width + x] < threshold
    && data[(y - d) * width + x] >= threshold && data[(y + d) * width + x] >= threshold;
  let n = 0;
  for (let y = d; y < height - d; y += 2) for (let x = 0; x < width; x += 2) if (thin(x, y)) n++;
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  n = 0;
  for (let y = d; y < height - d; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (thin(x, y)) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const skew = estimateSkew(xs, ys, n);
  const cx = width / 2;
  const cy = height / 2;
  const mask = rotatedMask(img, threshold, skew, cx, cy);
  const gap = Math.max(2, Math.round(width / 600));
  const hRules = findRules(mask, 'h', Math.round(width * 0.2), gap);
  const vRules = findRules(mask, 'v', Math.round(height * 0.08), gap);
  const crossing = (h: Rule, v: Rule) => {
    const tol = 3 * gap + Math.max(h.thickness, v.thickness);
    return v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
  };
  let rows = hRules;
  let cols = vRules;
  for (let i = 0; i < 3; i++) {
    rows = rows.filter((h) => cols.filter((v) => crossing(h, v)).length >= 2);
    cols = cols.filter((v) => rows.filter((h) => crossing(h, v)).length >= 2);
  }
  if (rows.length < 3 || cols.length < 3) return null;
  const { cells, cellAt } = buildCells(mask, rows, cols, gap);
  return { skew, rows, cols, cells, cellAt, cx, cy, threshold };
}

interface Mask {
  bits: Uint8Array;
  width: number;
  height: number;
}

/** Ink mask of the page rotated by -skew about (cx, cy), same size as the image (rules are near the middle). */
function rotatedMask(img: Raster, threshold: number, skew: number, cx: number, cy: number): Mask {
  const { data, width, height } = img;
  const bits = new Uint8Array(width * height);
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  // Inverse mapping (grid pixel → image pixel) leaves no holes.
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const x = Math.round(cx + (u - cx) * cos - (v - cy) * sin);
      const y = Math.round(cy + (u - cx) * sin + (v - cy) * cos);
      if (x >= 0 && y >= 0 && x < width && y < height && data[y * width + x] < threshold) bits[v * width + u] = 1;
    }
  }
  return { bits, width, height };
}

/**
 * Rows (h) or columns (v) of the mask holding a rule of at least minLen, grouped into rules. Each line is
 * OR-ed with its neighbour (a rule drifting by a pixel over its length stays whole), and ink segments may
 * be chained across wider gaps (faded or broken rules) as long as the chain stays mostly ink; a text line
 * chains its words too, but is mostly paper.
 */
function findRules(mask: Mask, dir: 'h' | 'v', minLen: number, gap: number): Rule[] {
  const { bits, width, height } = mask;
  const lines = dir === 'h' ? height : width;
  const along = dir === 'h' ? width : height;
  const at = (i: number, j: number) => (dir === 'h' ? bits[i * width + j] : bits[j * width + i]);
  const wideGap = gap * 6;
  const found: { i: number; from: number; to: number }[] = [];
  for (let i = 0; i < lines - 1; i++) {
    let best: [number, number] = [0, -1];
    let chainFrom = -1;
    let ink = 0;
    let segFrom = -1;
    let last = -1e9;
    const close = () => {
      if (last < 0) return;
      if (last - segFrom > best[1] - best[0]) best = [segFrom, last];
      if (chainFrom >= 0 && ink >= 0.75 * (last - chainFrom + 1) && last - chainFrom > best[1] - best[0]) best = [chainFrom, last];
    };
    for (let j = 0; j < along; j++) {
      if (!at(i, j) && !at(i + 1, j)) continue;
      if (j - last > gap + 1) {
        close();
        segFrom = j;
        if (j - last > wideGap + 1) {
          chainFrom = j;
          ink = 0;
        }
      }
      ink++;
      last = j;
    }
    close();
    if (best[1] - best[0] >= minLen) found.push({ i, from: best[0], to: best[1] });
  }
  const rules: Rule[] = [];
  let group: typeof found = [];
  const flush = () => {
    if (!group.length) return;
    const mid = group.reduce((s, g) => s + g.i, 0) / group.length;
    rules.push({
      at: mid, thickness: group.length,
      from: Math.min(...group.map((g) => g.from)), to: Math.max(...group.map((g) => g.to)),
    });
    group = [];
  };
  for (const f of found) {
    if (group.length && f.i - group[group.length - 1].i > 1) flush();
    group.push(f);
  }
  flush();
  return rules;
}

/** Share of a rule segment that is inked: does this rule separate the two bands on either side here? */
function coverage(mask: Mask, dir: 'h' | 'v', rule: Rule, from: number, to: number, gap: number): number {
  const { bits, width, height } = mask;
  const half = Math.ceil(rule.thickness / 2) + gap;
  let hit = 0;
  let total = 0;
  for (let j = Math.round(from); j <= Math.round(to); j++) {
    total++;
    for (let d = -half; d <= half; d++) {
      const k = Math.round(rule.at) + d;
      const [x, y] = dir === 'h' ? [j, k] : [k, j];
      if (x >= 0 && y >= 0 && x < width && y < height && bits[y * width + x]) {
        hit++;
        break;
      }
    }
  }
  return total ? hit / total : 0;
}

/** Cells of the grid: bands between consecutive rules, merged where the rule between them is missing (spans). */
function buildCells(mask: Mask, rows: Rule[], cols: Rule[], gap: number) {
  const R = rows.length - 1;
  const C = cols.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  for (let r = 0; r < R; r++) {
    // Only the middle of the band counts: the ends touch the crossing rules.
    const inset = (rows[r + 1].at - rows[r].at) * 0.2;
    for (let c = 1; c < C; c++) {
      if (coverage(mask, 'v', cols[c], rows[r].at + inset, rows[r + 1].at - inset, gap) < 0.6) join(r * C + c - 1, r * C + c);
    }
  }
  for (let c = 0; c < C; c++) {
    const inset = (cols[c + 1].at - cols[c].at) * 0.2;
    for (let r = 1; r < R; r++) {
      if (coverage(mask, 'h', rows[r], cols[c].at + inset, cols[c + 1].at - inset, gap) < 0.6) join((r - 1) * C + c, r * C + c);
    }
  }
  const cells: GridCell[] = [];
  const idOf = new Map<number, number>();
  const cellAt: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(-1));
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      let id = idOf.get(root);
      if (id === undefined) {
        id = cells.length;
        idOf.set(root, id);
        cells.push({ r, c, rs: 1, cs: 1 });
      }
      const cell = cells[id];
      cell.rs = Math.max(cell.rs, r - cell.r + 1);
      cell.cs = Math.max(cell.cs, c - cell.c + 1);
      cellAt[r][c] = id;
    }
  }
  return { cells, cellAt };
}

/** Grid-frame point → working-image point. */
export function toImage(g: Pick<Grid, 'skew' | 'cx' | 'cy'>, u: number, v: number): [number, number] {
  const cos = Math.cos(g.skew);
  const sin = Math.sin(g.skew);
  return [g.cx + (u - g.cx) * cos - (v - g.cy) * sin, g.cy + (u - g.cx) * sin + (v - g.cy) * cos];
}

/** Working-image point → grid-frame point. */
export function toGrid(g: Pick<Grid, 'skew' | 'cx' | 'cy'>, x: number, y: number): [number, number] {
  const cos = Math.cos(g.skew);
  const sin = Math.sin(g.skew);
  return [g.cx + (x - g.cx) * cos + (y - g.cy) * sin, g.cy - (x - g.cx) * sin + (y - g.cy) * cos];
}

/** Row band / column band holding a grid-frame coordinate, or -1 outside the table. */
export function bandOf(rules: Rule[], at: number): number {
  if (at < rules[0].at || at > rules[rules.length - 1].at) return -1;
  for (let i = 0; i < rules.length - 1; i++) if (at <= rules[i + 1].at) return i;
  return -1;
}
