/** SHA-256 and size of a stored object, streamed; null when the store no longer has it (fixity reports it missing). */
import crypto from 'node:crypto';
import type { Deps } from '../deps.js';
import { BlobNotFoundError } from '../../storage/blob-store.js';

export async function hashObject(deps: Pick<Deps, 'blobs'>, key: string): Promise<{ sha256: string; size: number } | null> {
  try {
    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const c of (await deps.blobs.get(key)) as AsyncIterable<Buffer>) {
      size += c.length;
      hash.update(c);
    }
    return { sha256: hash.digest('hex'), size };
  } catch (err) {
    if (err instanceof BlobNotFoundError || (err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
