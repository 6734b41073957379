/**
 * The object-storage contract. Two implementations chosen by config: S3 through the `minio` client
 * (MinIO in production) and the local filesystem under DATA_DIR/objects (the embedded default).
 * Keys are relative, '/'-separated, validated by safe-key.ts before any I/O.
 */
import type { Readable } from 'node:stream';

export interface PutOptions {
  contentType?: string;
  /** ASCII-safe values only; Vietnamese text is percent-encoded by the store. */
  metadata?: Record<string, string>;
  /** Known length lets S3 upload in one request below the multipart threshold. */
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
  /** Throws BlobNotFoundError when absent. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | null>;
  /** Idempotent: deleting an absent key succeeds. */
  delete(key: string): Promise<void>;
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
