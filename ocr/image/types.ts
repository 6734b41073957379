/**
 * Contract of the image module (ocr/image/): the only code that imports sharp. Services call these
 * verbs and never touch sharp, so their tests need no image library knowledge.
 */

export type ImageFormat = 'tiff' | 'jpeg' | 'png';
export type ColourMode = 'bilevel' | 'grey' | 'colour';

export interface ImageLimits {
  /** Max pixels per page decoded (decompression-bomb guard); sharp's limitInputPixels. */
  maxPixels: number;
  /** Max pages in one multi-page TIFF. */
  maxPages: number;
}

export interface PageInfo {
  /** Index inside the master (0 for single-image formats). */
  index: number;
  width: number;
  height: number;
  dpi: number | null;
  colourMode: ColourMode;
  bitDepth: number;
}

export interface MasterInfo {
  format: ImageFormat;
  pages: PageInfo[];
}

/** A file the module refuses; code is stable English, message is Vietnamese for the user. */
export class ImageRejectedError extends Error {
  constructor(
    readonly code:
      | 'IMAGE_EMPTY'
      | 'IMAGE_TYPE_UNSUPPORTED'
      | 'IMAGE_TRUNCATED'
      | 'IMAGE_TOO_LARGE'
      | 'IMAGE_TOO_MANY_PAGES'
      | 'IMAGE_CORRUPT',
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejectedError';
  }
}

export interface Derivatives {
  /** Access copy: JPEG, long side ≤ accessMaxPx. */
  access: Buffer;
  /** Thumbnail: WebP, long side ≤ thumbMaxPx. */
  thumbnail: Buffer;
  /** Pyramidal tiled JPEG-in-TIFF of the full-resolution page, source of IIIF tiles. */
  pyramid: Buffer;
}

/** A IIIF Image API 3 request, already parsed and validated against the image size. */
export interface IiifRequest {
  region: { x: number; y: number; w: number; h: number };
  size: { w: number; h: number };
  rotation: { degrees: 0 | 90 | 180 | 270; mirror: boolean };
  quality: 'default' | 'color' | 'gray' | 'bitonal';
  format: 'jpg' | 'png' | 'webp';
}
