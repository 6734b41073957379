/**
 * IIIF Image API 3 request parameters: `{region}/{size}/{rotation}/{quality}.{format}` parsed and checked
 * against one image's size, into the IiifRequest the image module cuts. Pure: no I/O, no sharp.
 * Anything a client gets wrong becomes a 400 with a Vietnamese message (spec §4, "Image Requests").
 */
import { ERRORS } from '../core/errors.js';
import type { IiifRequest } from '../../ocr/image/types.js';

export interface IiifImageSize {
  width: number;
  height: number;
}

/** Server limits, advertised in info.json and enforced here. */
export interface IiifLimits {
  maxWidth?: number;
  maxHeight?: number;
  maxArea?: number;
  /** `^` sizes (larger than the region); off by default: upscaled scans only cost bandwidth. */
  allowUpscaling?: boolean;
}

export interface IiifParams {
  region: string;
  size: string;
  rotation: string;
  /** `default.jpg`: quality and format as one path segment. */
  qualityFormat: string;
}

export const IIIF_QUALITIES = ['default', 'color', 'gray', 'bitonal'] as const;
export const IIIF_FORMATS = ['jpg', 'png', 'webp'] as const;

const INT = /^\d{1,9}$/;
const FLOAT = /^(\d{1,9}(\.\d{0,9})?|\.\d{1,9})$/;
type Region = IiifRequest['region'];

export function parseIiifRequest(params: IiifParams, image: IiifImageSize, limits: IiifLimits = {}): IiifRequest {
  const region = parseRegion(params.region, image);
  const size = parseSize(params.size, region, limits);
  const rotation = parseRotation(params.rotation);
  const { quality, format } = parseQualityFormat(params.qualityFormat);
  return { region, size, rotation, quality, format };
}

export function parseRegion(text: string, image: IiifImageSize): Region {
  const { width: W, height: H } = image;
  if (text === 'full') return { x: 0, y: 0, w: W, h: H };
  if (text === 'square') {
    const side = Math.min(W, H);
    return { x: Math.floor((W - side) / 2), y: Math.floor((H - side) / 2), w: side, h: side };
  }
  const pct = text.startsWith('pct:');
  const parts = (pct ? text.slice(4) : text).split(',');
  const invalid = () =>
    ERRORS.iiifRegionInvalid(text);
  if (parts.length !== 4 || !parts.every((p) => (pct ? FLOAT : INT).test(p))) throw invalid();
  let [x, y, w, h] = parts.map(Number);
  if (pct) {
    // Percentages past 100 are legal (spec §4.1): a region reaching beyond the edge is cropped below like a pixel one,
    // one starting at or past 100% lies wholly outside (400).
    [x, y, w, h] = [(x * W) / 100, (y * H) / 100, (w * W) / 100, (h * H) / 100].map((v) => Math.round(v));
  }
  if (w <= 0 || h <= 0) throw ERRORS.iiifRegionEmpty(text);
  if (x >= W || y >= H) {
    throw ERRORS.iiifRegionOutside(text, W, H);
  }
  // A region reaching past the edge is cropped to the image (spec §4.1).
  return { x, y, w: Math.min(w, W - x), h: Math.min(h, H - y) };
}

export function parseSize(text: string, region: Region, limits: IiifLimits = {}): IiifRequest['size'] {
  const upscale = text.startsWith('^');
  const body = upscale ? text.slice(1) : text;
  if (upscale && !limits.allowUpscaling) {
    throw ERRORS.iiifUpscalePrefix();
  }
  const invalid = () =>
    ERRORS.iiifSizeInvalid(text);
  const { w: rw, h: rh } = region;
  const maxW = limits.maxWidth ?? Infinity;
  const maxH = limits.maxHeight ?? limits.maxWidth ?? Infinity; // spec: maxHeight defaults to maxWidth
  const maxArea = limits.maxArea ?? Infinity;
  let w: number;
  let h: number;

  if (body === 'max') {
    // The region itself (or as large as allowed with ^), shrunk to fit the server's limits.
    const cap = Math.min(maxW / rw, maxH / rh, Math.sqrt(maxArea / (rw * rh)));
    const scale = upscale ? (Number.isFinite(cap) ? cap : 1) : Math.min(1, cap);
    return { w: Math.max(1, Math.floor(rw * scale)), h: Math.max(1, Math.floor(rh * scale)) };
  }
  if (body.startsWith('pct:')) {
    const n = body.slice(4);
    if (!FLOAT.test(n)) throw invalid();
    const pct = Number(n);
    if (pct <= 0) throw invalid();
    w = Math.round((rw * pct) / 100);
    h = Math.round((rh * pct) / 100);
  } else {
    const confined = body.startsWith('!');
    const m = /^(\d{1,9})?,(\d{1,9})?$/.exec(confined ? body.slice(1) : body);
    if (!m || (!m[1] && !m[2]) || (confined && (!m[1] || !m[2]))) throw invalid();
    const reqW = m[1] === undefined ? null : Number(m[1]);
    const reqH = m[2] === undefined ? null : Number(m[2]);
    if (reqW === 0 || reqH === 0) throw invalid();
    if (confined) {
      // Best fit inside the box keeping the aspect ratio, never above the region unless ^ (spec §4.2).
      let scale = Math.min(reqW! / rw, reqH! / rh);
      if (!upscale) scale = Math.min(scale, 1);
      w = Math.min(reqW!, Math.round(rw * scale));
      h = Math.min(reqH!, Math.round(rh * scale));
    } else if (reqW !== null && reqH !== null) {
      w = reqW;
      h = reqH;
    } else if (reqW !== null) {
      w = reqW;
      h = Math.round((rh * reqW) / rw);
    } else {
      h = reqH!;
      w = Math.round((rw * reqH!) / rh);
    }
  }
  w = Math.max(1, w);
  h = Math.max(1, h);
  if (!upscale && (w > rw || h > rh)) {
    throw ERRORS.iiifUpscale(w, h, rw, rh);
  }
  if (w > maxW || h > maxH || w * h > maxArea) {
    throw ERRORS.iiifSizeTooLarge(w, h);
  }
  return { w, h };
}

export function parseRotation(text: string): IiifRequest['rotation'] {
  const mirror = text.startsWith('!');
  const n = mirror ? text.slice(1) : text;
  const value = FLOAT.test(n) ? Number(n) : NaN;
  if (!(value >= 0 && value <= 360)) {
    throw ERRORS.iiifRotationInvalid(text);
  }
  const degrees = value % 360;
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) {
    throw ERRORS.iiifRotationUnsupported(text);
  }
  return { degrees, mirror };
}

export function parseQualityFormat(text: string): Pick<IiifRequest, 'quality' | 'format'> {
  const dot = text.lastIndexOf('.');
  const quality = dot < 0 ? text : text.slice(0, dot);
  const format = dot < 0 ? '' : text.slice(dot + 1);
  if (!(IIIF_QUALITIES as readonly string[]).includes(quality)) {
    throw ERRORS.iiifQualityInvalid(quality);
  }
  if (!(IIIF_FORMATS as readonly string[]).includes(format)) {
    throw ERRORS.iiifFormatUnsupported(format || text);
  }
  return { quality: quality as IiifRequest['quality'], format: format as IiifRequest['format'] };
}
