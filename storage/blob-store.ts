/**
 * The object-storage contract. Two implementations chosen by config: S3 through the `minio` client
 * (MinIO in production) and the local filesystem under DATA_DIR/objects (the embedded default).
 * Keys are relative, '/'-separated, validated by safe-key.ts before any I/O.
 */
import type { Readable } from 'node:stream';

export interface PutOptions {
  contentType?: string;
  /**
   * Keys: lowercase `[a-z0-9-]`, not a standard header name (content-type…). Values: any text, Vietnamese included;
   * the store percent-encodes them on the way out and decodes on the way back. Total ≤ 2 KiB encoded (the S3 limit).
   */
  metadata?: Record<string, string>;
  /** Known length lets S3 upload in one request below the multipart threshold; a body of another length is refused. */
  size?: number;
}

export interface BlobStat {
  key: string;
  size: number;
  lastModified: Date;
  contentType?: string;
  metadata: Record<string, string>;
}

export interface ByteRange {
  start: number;
  /** Inclusive; omitted = to the end. */
  end?: number;
}

export interface BlobStore {
  readonly kind: 'filesystem' | 's3';
  /** Writes the whole object or nothing (no partial object visible under the key). */
  put(key: string, body: Readable | Buffer, opts?: PutOptions): Promise<{ size: number }>;
  /** Throws BlobNotFoundError when absent, BlobRangeError when range.start is past the end (S3's 416). */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | null>;
  /** Idempotent: deleting an absent key succeeds. */
  delete(key: string): Promise<void>;
  /** Every key starting with `prefix` (a plain string prefix, as in S3), in UTF-8 byte order, streamed. */
  list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }>;
  /** Short-lived signed GET URL, or null when the backend has none (filesystem). Issue only after access checks. */
  presignedGet(key: string, ttlSeconds: number): Promise<string | null>;
  /** Creates the bucket/folder if needed; throws BlobUnavailableError when the backend cannot be reached. */
  ensureReady(): Promise<void>;
  ping(): Promise<boolean>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** The backend is unreachable (network, auth, disk): callers answer 503 and jobs retry. */
export class BlobUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlobUnavailableError';
  }
}

/** The requested byte range does not overlap the object (HTTP 416). */
export class BlobRangeError extends Error {
  constructor(
    readonly key: string,
    readonly range: ByteRange,
  ) {
    super(`range ${range.start}-${range.end ?? ''} not satisfiable for ${key}`);
    this.name = 'BlobRangeError';
  }
}

export { UnsafeKeyError } from './safe-key.js';
