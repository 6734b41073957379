/**
 * Health of object storage: the configured backend (filesystem folder or S3 bucket) is reachable and usable.
 * The probe runs `ensureReady()`, which is idempotent: it creates the objects folder or the bucket if missing.
 */
import type { BlobStore } from './blob-store.js';
import { createBlobStore, type BlobStoreConfig } from './create-blob-store.js';

export interface StorageStatus {
  status: 'ok' | 'unavailable';
  kind: 'filesystem' | 's3';
  detail?: string;
}

// One store (one S3 client and its connection pool) per config object, not one per probe.
const stores = new WeakMap<object, BlobStore>();

export async function storageStatus(config: BlobStoreConfig, store?: BlobStore): Promise<StorageStatus> {
  let blobs = store ?? stores.get(config);
  if (!blobs) {
    blobs = createBlobStore(config, { connectTimeoutMs: 2000, idleTimeoutMs: 5000 });
    stores.set(config, blobs);
  }
  try {
    await blobs.ensureReady();
    return { status: 'ok', kind: blobs.kind };
  } catch (err) {
    const where = blobs.kind === 's3' ? `${config.MINIO_ENDPOINT}:${config.MINIO_PORT}, bucket ${config.MINIO_BUCKET}` : config.objectsDir;
    return { status: 'unavailable', kind: blobs.kind, detail: `Không dùng được kho đối tượng (${where}): ${(err as Error).message}` };
  }
}
