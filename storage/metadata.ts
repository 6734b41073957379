/**
 * Object metadata shared by both stores. S3 carries it in `x-amz-meta-*` headers, and Node refuses non-ASCII header
 * values, so every value is percent-encoded (UTF-8) on the way out and decoded on the way back; the filesystem store
 * keeps the same encoded form so both backends accept and refuse exactly the same input.
 */
import type { ByteRange } from './blob-store.js';

/** The S3 limit on user metadata (keys + values), checked here so both stores refuse the same input. */
export const MAX_METADATA_BYTES = 2048;
const RESERVED = new Set(['content-type', 'cache-control', 'content-encoding', 'content-disposition', 'content-language', 'content-length', 'etag', 'last-modified']);

export function encodeMetadata(metadata: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  let bytes = 0;
  for (const [rawKey, value] of Object.entries(metadata ?? {})) {
    const key = rawKey.toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(key) || RESERVED.has(key) || key.startsWith('x-amz-')) {
      throw new TypeError(`invalid metadata key: ${JSON.stringify(rawKey)}`);
    }
    if (typeof value !== 'string') throw new TypeError(`metadata ${key}: value must be a string`);
    const encoded = encodeURIComponent(value.normalize('NFC'));
    bytes += key.length + encoded.length;
    out[key] = encoded;
  }
  if (bytes > MAX_METADATA_BYTES) throw new TypeError(`metadata larger than ${MAX_METADATA_BYTES} bytes once encoded`);
  return out;
}

export function decodeMetadata(encoded: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(encoded)) {
    if (typeof value !== 'string') continue;
    try {
      out[key.toLowerCase()] = decodeURIComponent(value);
    } catch {
      out[key.toLowerCase()] = value; // written by another tool, not percent-encoded
    }
  }
  return out;
}

/** Programming errors in a range are thrown before any I/O. */
export function checkRange(range: ByteRange | undefined): void {
  if (!range) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new TypeError(`invalid range start: ${start}`);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) throw new TypeError(`invalid range end: ${end}`);
}

/** A put whose body turns out longer or shorter than the announced size must not land. */
export class SizeMismatchError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`body is ${actual} bytes, announced ${expected}`);
    this.name = 'SizeMismatchError';
  }
}
