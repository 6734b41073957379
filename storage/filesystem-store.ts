/**
 * BlobStore on the local filesystem (the embedded default, under DATA_DIR/objects). Objects are plain files at
 * `<root>/<key>`, byte for byte, so an administrator can read the archive without the app; metadata sits beside each
 * in a hidden `.<name>.meta.json` (keys may not have segments starting with '.', so names never collide).
 *
 * Atomicity: a put streams into a hidden temp file in the target folder, fsyncs it, then renames it over the key and
 * fsyncs the folder, so a reader sees the old object or the new one, never a torn one, even across a crash. Within one
 * process the metadata+data renames of one key are serialised, so concurrent writers cannot pair one writer's data
 * with another's metadata. Crashed writers leave only hidden temp files, which list() skips and sweepTemp() removes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  BlobNotFoundError,
  BlobRangeError,
  BlobUnavailableError,
  type BlobStat,
  type BlobStore,
  type ByteRange,
  type PutOptions,
} from './blob-store.js';
import { assertSafeKey, assertSafePrefix, UnsafeKeyError } from './safe-key.js';
import { checkRange, decodeMetadata, encodeMetadata, SizeMismatchError } from './metadata.js';

interface MetaFile {
  contentType?: string;
  metadata: Record<string, string>;
}

const TEMP_MARK = '.tmp-';

export class FilesystemBlobStore implements BlobStore {
  readonly kind = 'filesystem' as const;
  readonly root: string;
  private readonly commits = new Map<string, Promise<unknown>>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Readable | Buffer, opts: PutOptions = {}): Promise<{ size: number }> {
    const file = this.pathOf(assertSafeKey(key));
    const meta: MetaFile = { contentType: opts.contentType, metadata: encodeMetadata(opts.metadata) };
    const dir = path.dirname(file);
    const suffix = `${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
    const tempData = path.join(dir, `.${path.basename(file)}${suffix}`);
    const tempMeta = path.join(dir, `.${path.basename(file)}.meta${suffix}`);
    let size = 0;
    try {
      const handle = await this.openTemp(dir, tempData);
      try {
        const source = Buffer.isBuffer(body) ? [body] : body;
        for await (const chunk of source as AsyncIterable<Buffer | string>) {
          const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          size += buf.length;
          if (opts.size !== undefined && size > opts.size) throw new SizeMismatchError(opts.size, size);
          await handle.write(buf);
        }
        if (opts.size !== undefined && size !== opts.size) throw new SizeMismatchError(opts.size, size);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await writeSynced(tempMeta, JSON.stringify(meta));
      await this.serialised(file, async () => {
        await fs.promises.rename(tempMeta, metaPathOf(file));
        await fs.promises.rename(tempData, file);
      });
      await syncDir(dir);
      return { size };
    } catch (err) {
      if (!Buffer.isBuffer(body)) body.destroy();
      await Promise.all([tempData, tempMeta].map((p) => fs.promises.rm(p, { force: true }).catch(() => {})));
      // S3 lets 'a' and 'a/b' coexist; a filesystem cannot (the key scheme never asks it to).
      if (isCode(err, 'EISDIR') || isCode(err, 'ENOTDIR') || isCode(err, 'EEXIST')) throw new UnsafeKeyError(key, 'file/folder collision with another key');
      throw mapFsError(err, key);
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(assertSafeKey(key));
    checkRange(range);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (err) {
      throw mapFsError(err, key);
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new BlobNotFoundError(key); // a folder of other keys, not an object
      const size = st.size;
      if (range && range.start >= size && !(size === 0 && range.start === 0)) throw new BlobRangeError(key, range);
      // The open handle pins the version being read: a concurrent overwrite renames a new file in, this one stays whole.
      return handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
    } catch (err) {
      await handle.close();
      throw mapFsError(err, key);
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    const file = this.pathOf(assertSafeKey(key));
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile()) return null;
      const meta = await readMeta(file);
      return { key, size: st.size, lastModified: st.mtime, contentType: meta.contentType, metadata: decodeMetadata(meta.metadata) };
    } catch (err) {
      if (isCode(err, 'ENOENT') || isCode(err, 'ENOTDIR')) return null;
      throw mapFsError(err, key);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(assertSafeKey(key));
    try {
      await this.serialised(file, async () => {
        await fs.promises.rm(file, { force: true });
        await fs.promises.rm(metaPathOf(file), { force: true });
      });
    } catch (err) {
      if (isCode(err, 'ENOTDIR')) return;
      throw mapFsError(err, key);
    }
    await this.pruneEmptyDirs(path.dirname(file));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }> {
    assertSafePrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    const base = slash < 0 ? '' : prefix.slice(0, slash + 1);
    yield* this.walk(base, prefix);
  }

  /** No URL can bypass the app here: the caller streams the object through its own access checks. */
  async presignedGet(key: string): Promise<string | null> {
    assertSafeKey(key);
    return null;
  }

  async ensureReady(): Promise<void> {
    try {
      await fs.promises.mkdir(this.root, { recursive: true });
      await fs.promises.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
    } catch (err) {
      throw new BlobUnavailableError(`objects folder not usable: ${this.root}: ${(err as Error).message}`, { cause: err });
    }
  }

  async ping(): Promise<boolean> {
    try {
      await fs.promises.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes temp files older than `olderThanMs` left by crashed writers; returns how many. */
  async sweepTemp(olderThanMs = 24 * 3600_000, now = Date.now()): Promise<number> {
    let removed = 0;
    const visit = async (dir: string): Promise<void> => {
      const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await visit(full);
        else if (e.name.startsWith('.') && e.name.includes(TEMP_MARK)) {
          const st = await fs.promises.stat(full).catch(() => null);
          if (st && now - st.mtimeMs > olderThanMs && (await fs.promises.rm(full, { force: true }).then(() => true, () => false))) removed++;
        }
      }
    };
    await visit(this.root);
    return removed;
  }

  private pathOf(key: string): string {
    const file = path.resolve(this.root, key);
    // Defence in depth behind assertSafeKey: the resolved path must stay under the root.
    if (!file.startsWith(this.root + path.sep)) throw new BlobUnavailableError(`key escapes the objects folder: ${key}`);
    return file;
  }

  private async openTemp(dir: string, temp: string): Promise<fs.promises.FileHandle> {
    for (let attempt = 0; ; attempt++) {
      await fs.promises.mkdir(dir, { recursive: true });
      try {
        return await fs.promises.open(temp, 'wx');
      } catch (err) {
        // A concurrent delete may prune the folder between mkdir and open: make it again, once.
        if (!isCode(err, 'ENOENT') || attempt > 0) throw err;
      }
    }
  }

  private async serialised<T>(file: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.commits.get(file) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => {});
    this.commits.set(file, tail);
    try {
      return await run;
    } finally {
      if (this.commits.get(file) === tail) this.commits.delete(file);
    }
  }

  private async pruneEmptyDirs(dir: string): Promise<void> {
    while (dir.startsWith(this.root + path.sep)) {
      try {
        await fs.promises.rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      dir = path.dirname(dir);
    }
  }

  /** Depth-first in UTF-8 byte order of the keys (a folder `a` sorts as `a/`), which is S3's listing order. */
  private async *walk(relDir: string, prefix: string): AsyncGenerator<{ key: string; size: number; lastModified: Date }> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(this.root, relDir), { withFileTypes: true });
    } catch (err) {
      if (isCode(err, 'ENOENT') || isCode(err, 'ENOTDIR')) return;
      throw mapFsError(err, relDir);
    }
    const named = entries
      .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isFile()))
      .map((e) => ({ e, sortKey: Buffer.from(relDir + e.name + (e.isDirectory() ? '/' : '')) }))
      .sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
    for (const { e, sortKey } of named) {
      const key = sortKey.toString();
      if (e.isDirectory()) {
        // Descend only where keys can still match the prefix (either one is a prefix of the other).
        if (key.startsWith(prefix) || prefix.startsWith(key)) yield* this.walk(key, prefix);
      } else if (key.startsWith(prefix)) {
        const st = await fs.promises.stat(path.join(this.root, key)).catch(() => null);
        if (st) yield { key, size: st.size, lastModified: st.mtime };
      }
    }
  }
}

function metaPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.meta.json`);
}

async function readMeta(file: string): Promise<MetaFile> {
  try {
    const parsed = JSON.parse(await fs.promises.readFile(metaPathOf(file), 'utf8')) as Partial<MetaFile>;
    return { contentType: parsed.contentType, metadata: parsed.metadata ?? {} };
  } catch {
    return { metadata: {} }; // a file placed by hand has no metadata
  }
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    /* some filesystems refuse fsync on a folder; the rename is still atomic */
  } finally {
    await handle.close();
  }
}

function isCode(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === code;
}

function mapFsError(err: unknown, key: string): Error {
  if (err instanceof BlobNotFoundError || err instanceof BlobRangeError || err instanceof BlobUnavailableError) return err;
  if (err instanceof SizeMismatchError || err instanceof TypeError) return err;
  if (isCode(err, 'ENOENT') || isCode(err, 'ENOTDIR') || isCode(err, 'EISDIR')) return new BlobNotFoundError(key);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && ['EACCES', 'EPERM', 'EIO', 'ENOSPC', 'EROFS', 'EDQUOT', 'EMFILE', 'ENFILE'].includes(code)) {
    return new BlobUnavailableError(`filesystem error ${code} on ${key}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
