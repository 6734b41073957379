/**
 * Local disk cache of pyramids kept in object storage, so IIIF tiles are cut from a local file (random
 * access per tile) instead of fetching a whole pyramid per request. LRU by total bytes; files in use by a
 * cut are pinned and never evicted under it. Concurrent requests for one key share one download.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PyramidCacheOptions {
  dir: string;
  maxBytes: number;
  /** Reads an object from storage (e.g. BlobStore.get). */
  fetch: (key: string) => Promise<Readable> | Readable;
}

interface Entry {
  file: string;
  bytes: number;
  pins: number;
}

export class PyramidCache {
  private readonly entries = new Map<string, Entry>(); // insertion order = least recently used first
  private readonly loading = new Map<string, Promise<Entry>>();
  private total = 0;
  private ready: Promise<void> | null = null;
  private readonly own: string;

  constructor(private readonly opts: PyramidCacheOptions) {
    this.own = path.join(opts.dir, `p${process.pid}-${randomUUID().slice(0, 8)}`);
  }

  /** Runs fn with a local path to the object's bytes; the file stays on disk until fn settles. */
  async use<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    const entry = await this.acquire(key);
    try {
      return await fn(entry.file);
    } finally {
      entry.pins--;
      await this.evict();
    }
  }

  /** Drops a key (its pyramid was re-rendered under the same key). */
  async invalidate(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
    await unlink(entry.file).catch(() => {});
  }

  get sizeBytes(): number {
    return this.total;
  }

  private async acquire(key: string): Promise<Entry> {
    await (this.ready ??= this.adoptExisting());
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      hit.pins++;
      return hit;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.download(key);
      this.loading.set(key, pending);
      pending.catch(() => this.loading.delete(key));
    }
    const entry = await pending;
    // Every waiter resumes in one run of the microtask queue, so all pin before any eviction can look.
    entry.pins++;
    this.loading.delete(key);
    return entry;
  }

  private async download(key: string): Promise<Entry> {
    const file = this.fileFor(key);
    const part = `${file}.${randomUUID()}.part`;
    try {
      await pipeline(await this.opts.fetch(key), createWriteStream(part));
      await rename(part, file);
    } catch (err) {
      await unlink(part).catch(() => {});
      throw err;
    }
    const entry: Entry = { file, bytes: (await stat(file)).size, pins: 0 };
    this.entries.set(key, entry);
    this.total += entry.bytes;
    return entry;
  }

  private async evict(): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.opts.maxBytes) return;
      if (entry.pins > 0 || this.loading.has(key)) continue;
      this.entries.delete(key);
      this.total -= entry.bytes;
      await unlink(entry.file).catch(() => {});
    }
  }

  /**
   * Each cache instance works in its own subfolder `p<pid>-<id>` (several servers may share DATA_DIR with
   * PostgreSQL; tests start several apps in one process). Folders of processes no longer running, or left
   * by an earlier process with our PID (PID 1 in every container restart), are removed: their keys are
   * hashed and cannot be adopted, and the cache must not grow past its bound across restarts.
   */
  private async adoptExisting(): Promise<void> {
    await mkdir(this.opts.dir, { recursive: true });
    const processStart = Date.now() - process.uptime() * 1000;
    for (const name of await readdir(this.opts.dir)) {
      const pid = Number(/^p(\d+)-/.exec(name)?.[1] ?? NaN);
      if (!Number.isInteger(pid)) continue;
      const folder = path.join(this.opts.dir, name);
      const stale = pid === process.pid ? (await stat(folder)).mtimeMs < processStart - 1000 : !alive(pid);
      if (stale) await rm(folder, { recursive: true, force: true });
    }
    await mkdir(this.own, { recursive: true });
  }

  private fileFor(key: string): string {
    return path.join(this.own, `${createHash('sha256').update(key).digest('hex')}.pyr`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
