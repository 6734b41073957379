/**
 * IIIF Image API 3 image information (info.json) for one page. Declares level2 — region by pixels,
 * percent and square; size by w, h, w,h, !w,h, pct and max; rotation by 90s; default/color/gray/bitonal;
 * jpg and png — which is what iiif-params.ts parses and ocr/image/iiif.ts cuts. Mirroring and WebP are extras.
 */
import type { IiifLimits } from './iiif-params.js';

export const IIIF_IMAGE_CONTEXT = 'http://iiif.io/api/image/3/context.json';
/** One constant for info.json and the manifest's embedded service: a viewer must read the same level in both. */
export const IIIF_IMAGE_PROFILE = 'level2';

export interface InfoJsonInput {
  /** Base URI of the image service (no trailing slash, no /info.json). */
  id: string;
  width: number;
  height: number;
  /** Edge of the pyramid tiles (renderDerivatives' tileSize). */
  tileSize: number;
  colour: boolean;
  limits?: IiifLimits;
}

export interface InfoJson {
  '@context': string;
  id: string;
  type: 'ImageService3';
  protocol: 'http://iiif.io/api/image';
  profile: typeof IIIF_IMAGE_PROFILE;
  width: number;
  height: number;
  maxWidth?: number;
  maxHeight?: number;
  maxArea?: number;
  tiles: { width: number; height: number; scaleFactors: number[] }[];
  sizes: { width: number; height: number }[];
  extraFormats: string[];
  extraQualities: string[];
  extraFeatures: string[];
}

/**
 * Scale factors 1, 2, 4 … up to the first at which the whole page fits in one tile; these match the
 * levels of the pyramid, so each tile a viewer asks for is cut from one level without resampling much.
 */
export function scaleFactors(width: number, height: number, tileSize: number): number[] {
  const factors = [1];
  while (Math.ceil(Math.max(width, height) / factors[factors.length - 1]) > tileSize) factors.push(factors[factors.length - 1] * 2);
  return factors;
}

export function buildInfoJson(input: InfoJsonInput): InfoJson {
  const { width, height, tileSize, limits = {} } = input;
  const factors = scaleFactors(width, height, tileSize);
  // Whole-page renditions viewers may ask for without computing a size (thumbnails, overview): the
  // pyramid levels, smallest first, as the spec recommends, and never above the server's limits.
  const sizes = factors
    .map((f) => ({ width: Math.ceil(width / f), height: Math.ceil(height / f) }))
    .filter((s) => within(s, limits))
    .reverse();
  const info: InfoJson = {
    '@context': IIIF_IMAGE_CONTEXT,
    id: input.id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: IIIF_IMAGE_PROFILE,
    width,
    height,
    tiles: [{ width: tileSize, height: tileSize, scaleFactors: factors }],
    sizes,
    extraFormats: ['webp'],
    extraQualities: input.colour ? ['color', 'gray', 'bitonal'] : ['gray', 'bitonal'],
    extraFeatures: limits.allowUpscaling ? ['mirroring', 'sizeUpscaling'] : ['mirroring'],
  };
  if (limits.maxWidth) info.maxWidth = limits.maxWidth;
  if (limits.maxHeight) info.maxHeight = limits.maxHeight;
  if (limits.maxArea) info.maxArea = limits.maxArea;
  return info;
}

function within(s: { width: number; height: number }, l: IiifLimits): boolean {
  return (
    s.width <= (l.maxWidth ?? Infinity) && s.height <= (l.maxHeight ?? l.maxWidth ?? Infinity) && s.width * s.height <= (l.maxArea ?? Infinity)
  );
}
