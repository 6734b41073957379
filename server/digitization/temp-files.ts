/** Local copies of stored objects for code that needs a path (sharp, tesseract), streamed. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '../../storage/blob-store.js';

/** Runs fn with a local temp copy of the object, removed afterwards whatever happens. */
export async function withLocalCopy<T>(blobs: BlobStore, key: string, tmpDir: string, fn: (file: string) => Promise<T>): Promise<T> {
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `obj-${crypto.randomUUID()}${path.extname(key)}`);
  try {
    await pipeline(await blobs.get(key), fs.createWriteStream(file));
    return await fn(file);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
