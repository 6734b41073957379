/**
 * Picks the object store from config: S3 (MinIO) when MINIO_ENDPOINT is set, else the filesystem under DATA_DIR/objects.
 * Nothing here is served from a public URL: callers stream objects through the app's access checks, or hand out a
 * short-lived presigned URL only after them (S3 only).
 */
import type { BlobStore } from './blob-store.js';
import { FilesystemBlobStore } from './filesystem-store.js';
import { S3BlobStore, type S3StoreOptions } from './s3-store.js';

/** The store's part of the parsed config (storage stands below the server, so it names the fields itself). */
export interface BlobStoreConfig {
  objectsDir: string;
  MINIO_ENDPOINT?: string;
  MINIO_PORT: number;
  MINIO_USE_SSL: boolean;
  MINIO_ACCESS_KEY?: string;
  MINIO_SECRET_KEY?: string;
  MINIO_BUCKET: string;
}

export function createBlobStore(config: BlobStoreConfig, s3Tuning: Partial<S3StoreOptions> = {}): BlobStore {
  if (!config.MINIO_ENDPOINT) return new FilesystemBlobStore(config.objectsDir);
  if (!config.MINIO_ACCESS_KEY || !config.MINIO_SECRET_KEY) {
    // loadConfig already refuses this; kept for callers that build a config by hand.
    throw new Error('MINIO_ACCESS_KEY and MINIO_SECRET_KEY are required with MINIO_ENDPOINT');
  }
  return new S3BlobStore({
    endPoint: config.MINIO_ENDPOINT,
    port: config.MINIO_PORT,
    useSSL: config.MINIO_USE_SSL,
    accessKey: config.MINIO_ACCESS_KEY,
    secretKey: config.MINIO_SECRET_KEY,
    bucket: config.MINIO_BUCKET,
    ...s3Tuning,
  });
}
