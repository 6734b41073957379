/**
 * renderDerivatives: from one page of a master, the pyramidal TIFF (deep zoom source), the access JPEG
 * and the WebP thumbnail. The master is decoded once, into the pyramid; access copy and thumbnail are
 * then cut from a pyramid level just above their size, which costs milliseconds instead of a second
 * full decode of a 100-megapixel page.
 */
import { sharp } from './sharp.js';
import { checkPage } from './probe.js';
import { pickLevel, PYRAMID_INPUT, readPyramidLevels, type PyramidLevel } from './pyramid.js';
import type { Derivatives } from './types.js';

export interface DerivativeOptions {
  /** Decode guard, same as probeMaster's limits.maxPixels (default 300 megapixels, MAX_SCAN_PIXELS' default). */
  maxPixels?: number;
  /** Long side of the access JPEG (default 2400). */
  accessMaxPx?: number;
  accessQuality?: number;
  /** Long side of the WebP thumbnail (default 320). */
  thumbMaxPx?: number;
  thumbQuality?: number;
  /** Pyramid tile edge (default 512). */
  tileSize?: 256 | 512;
  /** JPEG quality inside the pyramid; ≥ 90 turns chroma subsampling off and quadruples the size (default 85). */
  pyramidQuality?: number;
}

export const DERIVATIVE_DEFAULTS = {
  maxPixels: 300_000_000,
  accessMaxPx: 2400,
  accessQuality: 80,
  thumbMaxPx: 320,
  thumbQuality: 75,
  tileSize: 512,
  pyramidQuality: 85,
} as const;

/**
 * Throws ImageRejectedError when the page no longer decodes (a master damaged in storage after its
 * probe): retrying cannot help. Other errors (disk full, out of memory) are worth a retry.
 */
export async function renderDerivatives(path: string, pageIndex: number, opts: DerivativeOptions = {}): Promise<Derivatives> {
  const o = { ...DERIVATIVE_DEFAULTS, ...opts };
  try {
    return await render(path, pageIndex, o);
  } catch (err) {
    throw (await checkPage(path, pageIndex, o.maxPixels)) ?? err;
  }
}

async function render(path: string, pageIndex: number, o: Required<DerivativeOptions>): Promise<Derivatives> {
  const input = { page: pageIndex, limitInputPixels: o.maxPixels, failOn: 'error' as const, sequentialRead: true };
  const meta = await sharp(path, input).metadata();
  const grey = (meta.channels ?? 3) - (meta.hasAlpha ? 1 : 0) === 1;

  // 16-bit, CMYK, palette and embedded-profile pages all end as 8-bit sRGB; grey and bilevel pages stay
  // one-channel grey (a third the size), which sharp would otherwise widen to sRGB on output.
  // Orientation applied as probeMaster reports the page (as displayed).
  let master = sharp(path, input).autoOrient();
  if (meta.hasAlpha) master = master.flatten({ background: '#ffffff' });
  const pyramid = await master
    .toColourspace(grey ? 'b-w' : 'srgb')
    .tiff({
      compression: 'jpeg',
      quality: o.pyramidQuality,
      tile: true,
      tileWidth: o.tileSize,
      tileHeight: o.tileSize,
      pyramid: true,
    })
    .toBuffer();

  const levels = await readPyramidLevels(pyramid);
  const space = grey ? 'b-w' : 'srgb';
  const access = await fromLevel(pyramid, levels, o.accessMaxPx).toColourspace(space).jpeg({ quality: o.accessQuality }).toBuffer();
  const thumbnail = await fromLevel(pyramid, levels, o.thumbMaxPx).toColourspace(space).webp({ quality: o.thumbQuality }).toBuffer();
  return { access, thumbnail, pyramid };
}

/** A pipeline resizing the page to fit a box of maxPx, read from the smallest sufficient level. */
function fromLevel(pyramid: Buffer, levels: PyramidLevel[], maxPx: number) {
  const full = levels[0];
  const scale = Math.min(1, maxPx / Math.max(full.width, full.height));
  const level = pickLevel(levels, scale, scale);
  return sharp(pyramid, { ...PYRAMID_INPUT, page: level.page }).resize({
    width: Math.max(1, Math.round(full.width * scale)),
    height: Math.max(1, Math.round(full.height * scale)),
    fit: 'fill',
  });
}
