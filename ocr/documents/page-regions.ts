/**
 * Finds the regions of an administrative first page (Nghị định 30/2020 layout) from its ink profile, before any OCR:
 * the two-column header (issuing organ + number on the left, motto + place/date on the right) and the zone under it
 * where the type and subject are centred. Tesseract's own layout analysis reads the header as interleaved lines
 * ("UBND HUYỆN VĂN LÂM CỘNG HÒA XÃ HỘI…"), so the column gap is found here and each block is OCRed on its own.
 * Works on a small greyscale copy (1/4 of the master's width) so it costs a few tens of milliseconds.
 */
import { cropGreyPng, decodeGreyThumbnail, greyHistogram, greyPercentile } from '../image/grey-page.js';
import type { Box } from './types.js';

export interface PageRegions {
  masterWidth: number;
  masterHeight: number;
  /** Left and right header blocks in master pixels; null when the page has no two-column header. */
  left: Box | null;
  right: Box | null;
  /** Zone under the header where a centred type and subject would be (may hold body text instead). */
  title: Box | null;
  /** Text area extent (left and right margins of the ink), for telling centred lines from body lines. */
  textLeft: number;
  textRight: number;
}

interface Band { y0: number; y1: number; x0: number; x1: number; cols: Uint16Array }

const SMALL_WIDTH = 620;

export async function findPageRegions(file: string | Buffer, pageIndex: number, maxPixels: number): Promise<PageRegions> {
  const { data: grey, width: w, height: h, masterWidth, masterHeight } = await decodeGreyThumbnail(file, pageIndex, maxPixels, SMALL_WIDTH);
  const f = SMALL_WIDTH / masterWidth;
  const ink = inkMask(grey, w, h);
  const slope = estimateSlope(ink, w, h);
  const bands = lineBands(ink, w, h, slope);
  const smallLeft = median(bands.map((b) => b.x0));
  const smallRight = median(bands.map((b) => b.x1));
  const header = headerBands(bands, w, smallLeft, smallRight);
  const textLeft = smallLeft / f;
  const textRight = smallRight / f;
  const toMaster = (x0: number, y0: number, x1: number, y1: number): Box => clampBox([x0 / f, y0 / f, x1 / f, y1 / f], masterWidth, masterHeight);
  if (!header) return { masterWidth, masterHeight, left: null, right: null, title: null, textLeft, textRight };
  const { top, bottom, next, gapX0, gapX1 } = header;
  // About 25 master pixels of paper round each block (6 px here): tesseract reads a tight crop worse.
  const pad = 6;
  // Blocks and title zone meet halfway between the header's last line and the line under it, so no crop cuts a line.
  const cut = next === null ? bottom + pad : Math.min(bottom + pad, Math.round((bottom + next) / 2));
  const left = toMaster(0, top - pad, gapX0, cut);
  const right = toMaster(gapX1, top - pad, w, cut);
  // The title zone: a quarter of the page under the header holds the type, a subject of up to 4 lines and the body's start.
  const title = toMaster(0, cut, w, Math.min(h, cut + h * 0.22));
  return { masterWidth, masterHeight, left, right, title, textLeft, textRight };
}

/**
 * Ink = darker than midway between the page's own paper and ink levels (its histogram percentiles), so a faded
 * page gets its own threshold; the dark scanner edges are cut off by ignoring a 3 % margin.
 */
function inkMask(grey: Buffer, w: number, h: number): Uint8Array {
  const hist = greyHistogram(grey);
  const dark = greyPercentile(hist, 0.01);
  const paper = greyPercentile(hist, 0.5);
  const threshold = dark + (paper - dark) * 0.55;
  const mask = new Uint8Array(w * h);
  const mx = Math.round(w * 0.03);
  const my = Math.round(h * 0.02);
  for (let y = my; y < h - my; y++) {
    for (let x = mx; x < w - mx; x++) if (grey[y * w + x] < threshold) mask[y * w + x] = 1;
  }
  return mask;
}

/**
 * Skew up to ±2.5° makes the two columns' lines overlap vertically, so lines are found along the page's own slope:
 * the angle whose sheared row profile is the most peaked (sum of squared row counts) is taken.
 */
export function estimateSlope(ink: Uint8Array, w: number, h: number): number {
  let best = 0;
  let bestScore = -1;
  for (let deg = -2.5; deg <= 2.5001; deg += 0.25) {
    const t = Math.tan((deg * Math.PI) / 180);
    const off = w;
    const rows = new Float64Array(h + 2 * w);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x += 2) if (ink[y * w + x]) rows[Math.round(y - x * t) + off] += 1;
    }
    let score = 0;
    for (const r of rows) score += r * r;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** Text lines as bands along the slope; rows with a handful of ink pixels (dust) do not start a band. */
export function lineBands(ink: Uint8Array, w: number, h: number, slope = 0): Band[] {
  const off = Math.ceil(Math.abs(slope) * w) + 1;
  const n = h + 2 * off;
  const rows = new Uint16Array(n);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (ink[y * w + x]) rows[Math.round(y - x * slope) + off]++;
  const spans: [number, number][] = [];
  let start = -1;
  for (let r = 0; r <= n; r++) {
    const on = r < n && rows[r] >= 4;
    if (on && start < 0) start = r;
    if (!on && start >= 0) {
      if (r - start >= 3) spans.push([start, r]);
      start = -1;
    }
  }
  // Accents above capitals can make a separate thin band: merge bands separated by one or two rows.
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const prev = merged[merged.length - 1];
    if (prev && sp[0] - prev[1] <= 2) prev[1] = sp[1];
    else merged.push([...sp]);
  }
  const bands = merged.map(([r0, r1]): Band => {
    const cols = new Uint16Array(w);
    let y0 = h;
    let y1 = 0;
    for (let x = 0; x < w; x++) {
      const ya = Math.max(0, Math.round(r0 - off + x * slope));
      const yb = Math.min(h, Math.round(r1 - off + x * slope));
      for (let y = ya; y < yb; y++) cols[x] += ink[y * w + x];
      if (cols[x] >= 2) {
        y0 = Math.min(y0, ya);
        y1 = Math.max(y1, yb);
      }
    }
    let x0 = 0;
    while (x0 < w && cols[x0] < 2) x0++;
    let x1 = w;
    while (x1 > x0 && cols[x1 - 1] < 2) x1--;
    return { y0, y1: Math.max(y0, y1), x0, x1, cols };
  });
  return bands.filter((b) => b.x1 - b.x0 > w * 0.04);
}

/** Runs of inked columns, joined across word spaces, specks dropped. */
function segments(cols: Uint16Array, w: number): [number, number][] {
  const join = Math.round(w * 0.008);
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= w; x++) {
    const on = x < w && cols[x] >= 2;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      const last = runs[runs.length - 1];
      if (last && start - last[1] < join) last[1] = x;
      else runs.push([start, x]);
      start = -1;
    }
  }
  return runs.filter(([a, b]) => {
    let ink = 0;
    for (let x = a; x < b; x++) ink += cols[x];
    return b - a >= 4 && ink >= 12;
  });
}

/**
 * The header is the run of lines from the top whose ink lies in two columns (organ | motto) or on one side only
 * (the number, "V/v …", the place and date). The column gap is found on the first line with a wide space near the
 * middle; lines above it may join the columns with a single word space (a long organ name) and narrow the gap to
 * that space. Below it, a line that crosses the gap (the centred type, body text) ends the header.
 */
export function headerBands(
  bands: Band[], w: number, textLeft: number, textRight: number,
): { top: number; bottom: number; next: number | null; gapX0: number; gapX1: number } | null {
  const lo = w * 0.25;
  const hi = w * 0.75;
  const spaces = (segs: [number, number][]) => {
    const out: [number, number][] = [];
    for (let i = 1; i < segs.length; i++) if (segs[i - 1][1] >= lo && segs[i][0] <= hi) out.push([segs[i - 1][1], segs[i][0]]);
    return out;
  };
  const lines = bands.slice(0, 14).map((b) => ({ b, segs: segments(b.cols, w) })).filter((l) => l.segs.length);
  const wide = (segs: [number, number][]) => spaces(segs).filter(([a, c]) => c - a >= w * 0.025);
  const k = lines.slice(0, 4).findIndex((l) => wide(l.segs).length > 0);
  if (k < 0) return null;
  let gap = spaces(lines[k].segs).reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best));
  const crosses = (segs: [number, number][], g: [number, number]) => segs.some(([a, c]) => a < g[1] - 1 && c > g[0] + 1);
  const mid = (textLeft + textRight) / 2;
  // Lines below: a centred line (the type) or one across the gap (body) ends the header; a line that keeps to one
  // side but reaches a little into the gap ("V/v …" wider than the organ name) narrows it.
  let last = k;
  for (let i = k + 1; i < lines.length; i++) {
    const { segs } = lines[i];
    const x0 = segs[0][0];
    const x1 = segs[segs.length - 1][1];
    let g: [number, number];
    if (!crosses(segs, gap)) {
      const leftEnd = Math.max(gap[0], ...segs.filter(([, c]) => c <= gap[0] + 1).map(([, c]) => c));
      const rightStart = Math.min(gap[1], ...segs.filter(([a]) => a >= gap[1] - 1).map(([a]) => a));
      g = [leftEnd, rightStart];
    } else if (wide(segs).some(([a, c]) => Math.min(c, gap[1]) - Math.max(a, gap[0]) >= 2)) {
      const sp = wide(segs).find(([a, c]) => Math.min(c, gap[1]) - Math.max(a, gap[0]) >= 2)!;
      g = [Math.max(sp[0], gap[0]), Math.min(sp[1], gap[1])];
    } else if (Math.abs((x0 + x1) / 2 - mid) < w * 0.03) break;
    else if (x1 < gap[1]) g = [x1, gap[1]];
    else if (x0 > gap[0]) g = [gap[0], x0];
    else break;
    if (g[1] - g[0] < 2) break;
    gap = g;
    last = i;
  }
  // Lines above the first wide gap: kept when one of their spaces meets the gap, or when they keep to one side.
  let first = k;
  for (let i = k - 1; i >= 0; i--) {
    const { segs } = lines[i];
    if (!crosses(segs, gap)) {
      first = i;
      continue;
    }
    const meet = spaces(segs).map(([a, c]): [number, number] => [Math.max(a, gap[0]), Math.min(c, gap[1])]).filter(([a, c]) => c - a >= 2);
    if (!meet.length) break;
    gap = meet.reduce((best, sp) => (sp[1] - sp[0] > best[1] - best[0] ? sp : best));
    first = i;
  }
  if (last - first < 1) return null;
  const below = lines[last + 1]?.b.y0;
  return { top: lines[first].b.y0, bottom: lines[last].b.y1, next: below !== undefined && below > lines[last].b.y1 ? below : null, gapX0: gap[0], gapX1: gap[1] };
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function clampBox(b: [number, number, number, number], w: number, h: number): Box {
  return [
    Math.max(0, Math.round(b[0])), Math.max(0, Math.round(b[1])),
    Math.min(w, Math.round(b[2])), Math.min(h, Math.round(b[3])),
  ];
}
