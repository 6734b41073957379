import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobUnavailableError, UnsafeKeyError } from '../../../storage/blob-store.js';
import { FilesystemBlobStore } from '../../../storage/filesystem-store.js';
import { blobStoreContract } from './blob-store.contract.js';
import { generated, readAll } from './streams.js';

const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-fs-store-'));
const root = path.join(parent, 'objects');
const store = new FilesystemBlobStore(root);
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

blobStoreContract('filesystem', { store: () => store, multipartBytes: 0 });

function hiddenFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith('.') && !e.name.endsWith('.meta.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('filesystem store specifics', () => {
  it('when a key is unsafe, then nothing is written outside the objects folder', async () => {
    for (const bad of ['../escape', 'a/../../escape2']) await store.put(bad, Buffer.from('x')).catch(() => {});
    expect(fs.readdirSync(parent).sort()).toEqual(['objects']);
  });

  it('when an object is stored, then it is a plain file at its key, byte for byte', async () => {
    const data = crypto.randomBytes(4096);
    await store.put('plain/file.bin', data, { metadata: { ten: 'Mục lục' } });
    expect(fs.readFileSync(path.join(root, 'plain/file.bin')).equals(data)).toBe(true);
  });

  it('when many writers overwrite one key while readers read it, then every read is one whole version', async () => {
    const key = 'race/same-key.bin';
    const size = 2 * 1024 * 1024 + 3;
    const second = new FilesystemBlobStore(root); // another instance shares no lock, like another process
    await store.put(key, Buffer.alloc(size, 0));
    let writing = true;
    const seen = new Set<number>();
    const reader = (async () => {
      let reads = 0;
      while (writing || reads < 5) {
        const buf = await readAll(await store.get(key));
        expect(buf.length).toBe(size);
        const first = buf[0];
        expect(buf.every((b) => b === first), `torn read: starts with ${first}`).toBe(true);
        seen.add(first);
        reads++;
      }
    })();
    const writers = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? second : store).put(key, generatedConstant(i + 1, size, 64 * 1024 + i), { size, metadata: { writer: String(i + 1) } }),
    );
    await Promise.all(writers);
    writing = false;
    await reader;
    const final = await readAll(await store.get(key));
    expect(final.every((b) => b === final[0])).toBe(true);
    expect(final[0]).toBeGreaterThan(0);
    expect(hiddenFilesUnder(root)).toEqual([]);
    // Writers through one instance are serialised, so its data and metadata always come from the same writer.
    const one = 'race/one-instance.bin';
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.put(one, Buffer.alloc(1000, i + 1), { metadata: { writer: String(i + 1) } })));
    const bytes = await readAll(await store.get(one));
    expect((await store.stat(one))!.metadata.writer).toBe(String(bytes[0]));
  });

  it('when a stream fails mid-way, then no temp file is left behind', async () => {
    await expect(store.put('temp/check.bin', generated('t', 5_000_000, { failAfter: 2_000_000 }))).rejects.toThrow();
    expect(hiddenFilesUnder(root)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'temp/check.bin'))).toBe(false);
  });

  it('when a crashed writer left a temp file, then list skips it and sweepTemp removes it once old', async () => {
    fs.mkdirSync(path.join(root, 'crash'), { recursive: true });
    const temp = path.join(root, 'crash', '.x.bin.tmp-999-abc');
    fs.writeFileSync(temp, 'partial');
    const listed: string[] = [];
    for await (const o of store.list('crash/')) listed.push(o.key);
    expect(listed).toEqual([]);
    expect(await store.sweepTemp(60_000)).toBe(0);
    expect(await store.sweepTemp(60_000, Date.now() + 120_000)).toBe(1);
    expect(fs.existsSync(temp)).toBe(false);
  });

  it('when the objects folder cannot be created, then ensureReady throws BlobUnavailableError and ping is false', async () => {
    const blocker = path.join(parent, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const broken = new FilesystemBlobStore(path.join(blocker, 'objects'));
    await expect(broken.ensureReady()).rejects.toBeInstanceOf(BlobUnavailableError);
    expect(await broken.ping()).toBe(false);
    expect(await broken.presignedGet('a/b')).toBeNull();
    fs.rmSync(blocker);
  });

  it('when a key names a folder of other keys, then it reads as missing and cannot be written', async () => {
    await store.put('nest/dir/child', Buffer.from('x'));
    await expect(store.get('nest/dir')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.stat('nest/dir')).toBeNull();
    await expect(store.put('nest/dir', Buffer.from('y'))).rejects.toBeInstanceOf(UnsafeKeyError);
    await expect(store.put('nest/dir/child/grandchild', Buffer.from('z'))).rejects.toBeInstanceOf(UnsafeKeyError);
    expect((await readAll(await store.get('nest/dir/child'))).toString()).toBe('x');
    expect(hiddenFilesUnder(root)).toEqual([]);
  });

  it('when the last object of a folder is deleted, then the empty folders are pruned', async () => {
    await store.put('prune/a/b/c.bin', Buffer.from('x'));
    await store.delete('prune/a/b/c.bin');
    expect(fs.existsSync(path.join(root, 'prune'))).toBe(false);
    expect(fs.existsSync(root)).toBe(true);
  });
});

function generatedConstant(value: number, total: number, chunk: number): Readable {
  return Readable.from((async function* () {
    for (let sent = 0; sent < total; sent += chunk) {
      yield Buffer.alloc(Math.min(chunk, total - sent), value);
      await new Promise((r) => setImmediate(r));
    }
  })());
}
