/** Deterministic test data, generated and hashed as streams so big objects never sit in memory. */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';

/** `total` bytes from a seeded generator, in `chunk`-byte pieces; `failAfter` bytes → the stream errors instead. */
export function generated(seed: string, total: number, opts: { chunk?: number; failAfter?: number } = {}): Readable {
  const chunk = opts.chunk ?? 1024 * 1024;
  let sent = 0;
  let counter = 0;
  return new Readable({
    read() {
      if (opts.failAfter !== undefined && sent >= opts.failAfter) {
        this.destroy(new Error('client went away mid-upload'));
        return;
      }
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk, total - sent);
      this.push(block(seed, counter++, n));
      sent += n;
    },
  });
}

/** sha256 of what `generated(seed, total)` yields, computed without keeping it. */
export async function generatedSha(seed: string, total: number, chunk = 1024 * 1024): Promise<string> {
  return sha256(generated(seed, total, { chunk }));
}

export async function sha256(stream: Readable): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const c of stream) h.update(c as Buffer);
  return h.digest('hex');
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function block(seed: string, counter: number, n: number): Buffer {
  // AES-CTR keystream: fast, incompressible, reproducible from (seed, counter).
  const key = crypto.createHash('sha256').update(seed).digest();
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(counter, 0);
  return crypto.createCipheriv('aes-256-ctr', key, iv).update(Buffer.alloc(n));
}
