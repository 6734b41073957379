/**
 * Object keys: validation (run by every store before any I/O) and the key scheme shared by digitisation code.
 *
 * Key scheme (all keys relative, '/'-separated, ASCII; ids are database ids or UUIDs, never user text):
 *   masters/<fileId>/<uuid>.<ext>           the scan as uploaded, byte for byte (ext from the detected format)
 *   derivatives/<pageId>/access.jpg         access copy for reading rooms
 *   derivatives/<pageId>/thumb.webp         thumbnail
 *   derivatives/<pageId>/pyramid.tif        pyramidal tiled TIFF, tiles cut from it on request
 *   ocr/<pageId>/<engineVersion>.json       OCR result (words with boxes)
 *   exports/<uuid>.<ext>                    generated files (reports, packages) kept for download
 *   tmp/<uuid>                              staging; swept by the orphan-cleanup job
 * A master is written under a fresh UUID key first, then its row is committed; the cleanup job removes keys with no row.
 */
import { randomUUID } from 'node:crypto';

/** S3 allows 1024 bytes; we stay below so a filesystem path (with DATA_DIR and a temp suffix) also fits. */
export const MAX_KEY_BYTES = 512;
const MAX_SEGMENT_BYTES = 200;

export class UnsafeKeyError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`unsafe object key (${reason}): ${JSON.stringify(key.slice(0, 100))}`);
    this.name = 'UnsafeKeyError';
  }
}

/** Reasons a key is refused; undefined when it is safe. Prefixes for list() may end with '/'. */
export function unsafeKeyReason(key: unknown, { allowTrailingSlash = false } = {}): string | undefined {
  if (typeof key !== 'string') return 'not a string';
  if (key.length === 0) return 'empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `longer than ${MAX_KEY_BYTES} bytes`;
  if (key.includes('\0')) return 'NUL byte';
  // Control characters break S3 XML listings and log lines; nothing legitimate needs them.
  if (/[\u0001-\u001f\u007f]/.test(key)) return 'control character';
  if (key.includes('\\')) return 'backslash';
  if (key.startsWith('/')) return 'absolute';
  if (/^[a-zA-Z]:/.test(key)) return 'drive letter';
  if (key.normalize('NFC') !== key) return 'not NFC';
  const body = allowTrailingSlash && key.endsWith('/') ? key.slice(0, -1) : key;
  for (const segment of body.split('/')) {
    if (segment === '') return 'empty segment';
    if (segment === '.' || segment === '..') return 'dot segment';
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `segment longer than ${MAX_SEGMENT_BYTES} bytes`;
    // The filesystem store keeps temp and metadata files as hidden `.<name>…` beside each object.
    if (segment.startsWith('.')) return 'hidden segment';
  }
  return undefined;
}

/** Throws UnsafeKeyError unless `key` is a safe object key. */
export function assertSafeKey(key: string): string {
  const reason = unsafeKeyReason(key);
  if (reason) throw new UnsafeKeyError(String(key), reason);
  return key;
}

/** A list() prefix: '' (everything) or a safe key, optionally ending with '/'. */
export function assertSafePrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const reason = unsafeKeyReason(prefix, { allowTrailingSlash: true });
  if (reason) throw new UnsafeKeyError(String(prefix), reason);
  return prefix;
}

function id(value: number | string, what: string): string {
  const s = String(value);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(s)) throw new UnsafeKeyError(s, `bad ${what}`);
  return s;
}

function ext(value: string): string {
  const e = value.replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,8}$/.test(e)) throw new UnsafeKeyError(value, 'bad extension');
  return e;
}

export const keys = {
  /** Fresh key for a new master of a file (record); a re-upload gets a new key, never overwrites. */
  master: (fileId: number | string, extension: string, uuid: string = randomUUID()) =>
    `masters/${id(fileId, 'file id')}/${id(uuid, 'uuid')}.${ext(extension)}`,
  mastersOf: (fileId: number | string) => `masters/${id(fileId, 'file id')}/`,
  access: (pageId: number | string) => `derivatives/${id(pageId, 'page id')}/access.jpg`,
  thumbnail: (pageId: number | string) => `derivatives/${id(pageId, 'page id')}/thumb.webp`,
  pyramid: (pageId: number | string) => `derivatives/${id(pageId, 'page id')}/pyramid.tif`,
  derivativesOf: (pageId: number | string) => `derivatives/${id(pageId, 'page id')}/`,
  ocr: (pageId: number | string, engineVersion: string) => `ocr/${id(pageId, 'page id')}/${id(engineVersion.replace(/\./g, '_'), 'engine version')}.json`,
  export: (extension: string, uuid: string = randomUUID()) => `exports/${id(uuid, 'uuid')}.${ext(extension)}`,
  temp: (uuid: string = randomUUID()) => `tmp/${id(uuid, 'uuid')}`,
} as const;
