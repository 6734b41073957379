/**
 * The object half of a backup set: every object of the store (filesystem or S3 bucket) as a plain file under
 * `objects/<key>`, hashed while it streams, with its content type and metadata kept in the manifest so a restore
 * puts back exactly what the app wrote. Staging keys (tmp/) are skipped: they belong to uploads in flight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { hashingTap } from '../core/hash.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { Manifest } from './manifest.js';

type ObjectItem = Manifest['objects']['items'][number];

const PARALLEL = 4;

/** Runs fn over items with at most `limit` in flight, in order of arrival. */
async function eachLimited<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  for await (const item of items) {
    if (failure) break;
    const p = fn(item).catch((err) => {
      failure ??= err;
    });
    running.add(p);
    void p.finally(() => running.delete(p));
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure;
}

export async function copyObjectsOut(blobs: BlobStore, setDir: string): Promise<ObjectItem[]> {
  const items: ObjectItem[] = [];
  await eachLimited(blobs.list(''), PARALLEL, async ({ key }) => {
    if (key.startsWith('tmp/')) return;
    const stat = await blobs.stat(key);
    // Deleted since it was listed (orphan sweep): nothing referenced it, so nothing is lost.
    if (!stat) return;
    const rel = `objects/${key}`;
    const file = path.join(setDir, rel);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tap = hashingTap();
    await pipeline(await blobs.get(key), tap.stream, fs.createWriteStream(file));
    items.push({ key, file: rel, ...tap.done(), contentType: stat.contentType, metadata: stat.metadata });
  });
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Puts every object of the set into the (empty) target store; returns the keys written, for a rollback on failure. */
export async function copyObjectsIn(blobs: BlobStore, setDir: string, items: ObjectItem[], written: string[]): Promise<void> {
  async function* all() {
    yield* items;
  }
  await eachLimited(all(), PARALLEL, async (item) => {
    const file = path.join(setDir, item.file);
    await blobs.put(item.key, fs.createReadStream(file), { contentType: item.contentType, metadata: item.metadata, size: item.size });
    written.push(item.key);
  });
}
