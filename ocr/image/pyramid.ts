/** Reading the levels of a pyramidal TIFF written by renderDerivatives (one TIFF page per level, level 0 = full size). */
import { stat } from 'node:fs/promises';
import { sharp } from './sharp.js';

/**
 * Input options for reading our own pyramids: trusted files, so no pixel guard — sharp's default
 * (268 Mpx) would otherwise refuse level 0 of a page the ingest accepted under MAX_SCAN_PIXELS.
 */
export const PYRAMID_INPUT = { limitInputPixels: false } as const;

export interface PyramidLevel {
  page: number;
  width: number;
  height: number;
}

/** Levels of a pyramid held in memory or on disk, largest first. */
export async function readPyramidLevels(input: Buffer | string): Promise<PyramidLevel[]> {
  const first = await sharp(input, PYRAMID_INPUT).metadata();
  const count = first.pages ?? 1;
  const levels: PyramidLevel[] = [{ page: 0, width: first.width, height: first.height }];
  for (let page = 1; page < count; page++) {
    const m = await sharp(input, { ...PYRAMID_INPUT, page }).metadata();
    levels.push({ page, width: m.width, height: m.height });
  }
  return levels;
}

/**
 * The smallest level that still has at least the wanted resolution: scale = wanted output pixels per
 * full-resolution pixel (≤ 1 when shrinking). Cutting from it reads the fewest tiles.
 */
export function pickLevel(levels: PyramidLevel[], scaleX: number, scaleY: number): PyramidLevel {
  const full = levels[0];
  let best = full;
  for (const level of levels) {
    // Levels round their size down; a deficit under one pixel is not a loss of resolution.
    const fits = level.width + 1 > full.width * scaleX && level.height + 1 > full.height * scaleY;
    if (fits && level.width < best.width) best = level;
  }
  return best;
}

// Pyramids are immutable once written (new derivatives get a new file or key), so levels are cached by
// path + mtime + size; the bound keeps a long-running server from growing without limit.
const cache = new Map<string, PyramidLevel[]>();
const CACHE_MAX = 2000;

export async function pyramidLevelsOfFile(path: string): Promise<PyramidLevel[]> {
  const st = await stat(path);
  const key = `${path}\0${st.mtimeMs}\0${st.size}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const levels = await readPyramidLevels(path);
  cache.set(key, levels);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return levels;
}
