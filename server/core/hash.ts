/** SHA-256 of a file on disk, streamed (uploads and scans can be hundreds of MB), as lowercase hex. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** A pass-through stream that hashes and counts what flows through it (copies that are checksummed on the way). */
export function hashingTap() {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, size: () => size, done: () => ({ size, sha256: hash.digest('hex') }) };
}
