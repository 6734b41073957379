/**
 * One contract every BlobStore passes: run by filesystem-store.test.ts and s3-store.test.ts against real backends.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobRangeError, UnsafeKeyError, type BlobStore } from '../../../storage/blob-store.js';
import { SizeMismatchError } from '../../../storage/metadata.js';
import { keys } from '../../../storage/safe-key.js';
import { generated, generatedSha, readAll, sha256 } from './streams.js';

export interface ContractTarget {
  store: () => BlobStore;
  /** I/O operations the backend has seen so far, to prove a refused key never reached it (if measurable). */
  ioCount?: () => number;
  /** A streamed object at least this big goes through the backend's multi-part path (S3); 0 = not applicable. */
  multipartBytes: number;
  /**
   * s3rver (the test double) deviates from S3/MinIO in two ways checked here: it lists in folder-walk order, not byte
   * order ('a/…' before 'a-b'), and it answers `Range: bytes=0-0` with the whole object (`end || Infinity`).
   * With this flag the order is compared after sorting and the one-byte range at offset 0 is not asked.
   */
  s3rverQuirks?: boolean;
  /** Multipart uploads started but neither completed nor aborted (S3), to prove a failed put cleans up its parts. */
  pendingUploads?: () => number;
}

const UNSAFE_KEYS = [
  '', '../escape', 'a/../../escape', '/etc/passwd', 'a//b', 'a/./b', 'a/b/', 'a\\b', 'nul\0byte', 'C:/windows',
  '.hidden', 'a/.meta', 'tab\there', 'x'.repeat(600), `${'y'.repeat(201)}/z`, 'Hu\u0301ng', // NFD, not NFC
];

export function blobStoreContract(name: string, target: ContractTarget): void {
  const s = () => target.store();
  let n = 0;
  const fresh = (what: string) => `contract/${what}-${++n}-${crypto.randomUUID()}`;

  describe(`BlobStore contract: ${name}`, () => {
    it('when a Buffer is put, then get returns it byte for byte and stat reports its size', async () => {
      const key = fresh('buffer');
      const data = crypto.randomBytes(300_001);
      expect(await s().put(key, data)).toEqual({ size: data.length });
      expect((await readAll(await s().get(key))).equals(data)).toBe(true);
      expect((await s().stat(key))?.size).toBe(data.length);
    });

    it('when an empty object is put, then it exists with size 0', async () => {
      const key = fresh('empty');
      await s().put(key, Buffer.alloc(0));
      expect((await readAll(await s().get(key))).length).toBe(0);
      expect((await s().stat(key))?.size).toBe(0);
    });

    it('when a stream of unknown size is put, then get returns the same bytes', async () => {
      const key = fresh('stream');
      const total = 3 * 1024 * 1024 + 17;
      expect(await s().put(key, generated('stream', total, { chunk: 65_536 }))).toEqual({ size: total });
      expect(await sha256(await s().get(key))).toBe(await generatedSha('stream', total, 65_536));
    });

    it('when a stream is put with its size announced, then it is stored whole', async () => {
      const key = fresh('sized');
      const total = 2 * 1024 * 1024;
      await s().put(key, generated('sized', total), { size: total });
      expect(await sha256(await s().get(key))).toBe(await generatedSha('sized', total));
    });

    it('when a body differs from its announced size, then the put fails and nothing lands', async () => {
      const short = fresh('short');
      await expect(s().put(short, generated('short', 1000), { size: 2000 })).rejects.toBeInstanceOf(SizeMismatchError);
      const long = fresh('long');
      await expect(s().put(long, generated('long', 3000, { chunk: 500 }), { size: 2000 })).rejects.toBeInstanceOf(SizeMismatchError);
      await expect(s().put(long, Buffer.alloc(10), { size: 11 })).rejects.toBeInstanceOf(SizeMismatchError);
      expect(await s().stat(short)).toBeNull();
      expect(await s().stat(long)).toBeNull();
    });

    it('when metadata holds Vietnamese text, then stat returns it unchanged with the content type', async () => {
      const key = fresh('meta');
      const metadata = { title: 'Hồ sơ số 12 — Ủy ban nhân dân tỉnh Hưng Yên', 'original-name': 'Công văn 45/UBND.tif', plain: 'abc 100%' };
      await s().put(key, Buffer.from('x'), { contentType: 'image/tiff', metadata });
      const st = await s().stat(key);
      expect(st).toMatchObject({ key, size: 1, contentType: 'image/tiff', metadata });
      expect(st!.lastModified).toBeInstanceOf(Date);
      expect(Number.isNaN(st!.lastModified.getTime())).toBe(false);
    });

    it('when metadata has an invalid or reserved key, then the put is refused before any I/O', async () => {
      const key = fresh('badmeta');
      const before = target.ioCount?.();
      await expect(s().put(key, Buffer.from('x'), { metadata: { 'content-type': 'x' } })).rejects.toBeInstanceOf(TypeError);
      await expect(s().put(key, Buffer.from('x'), { metadata: { 'bad key': 'x' } })).rejects.toBeInstanceOf(TypeError);
      await expect(s().put(key, Buffer.from('x'), { metadata: { big: 'ư'.repeat(400) } })).rejects.toBeInstanceOf(TypeError);
      if (before !== undefined) expect(target.ioCount!()).toBe(before);
      expect(await s().stat(key)).toBeNull();
    });

    it('when a range is asked, then exactly those bytes come back', async () => {
      const key = fresh('range');
      const data = crypto.randomBytes(10_000);
      await s().put(key, data);
      expect((await readAll(await s().get(key, { start: 100, end: 199 }))).equals(data.subarray(100, 200))).toBe(true);
      expect((await readAll(await s().get(key, { start: 9_990 }))).equals(data.subarray(9_990))).toBe(true);
      if (!target.s3rverQuirks) expect((await readAll(await s().get(key, { start: 0, end: 0 }))).equals(data.subarray(0, 1))).toBe(true);
      expect((await readAll(await s().get(key, { start: 1, end: 1 }))).equals(data.subarray(1, 2))).toBe(true);
      expect((await readAll(await s().get(key, { start: 9_999, end: 20_000 }))).equals(data.subarray(9_999))).toBe(true);
      await expect(s().get(key, { start: 10_000 })).rejects.toBeInstanceOf(BlobRangeError);
      await expect(s().get(key, { start: 5, end: 4 })).rejects.toBeInstanceOf(TypeError);
      await expect(s().get(key, { start: -1 })).rejects.toBeInstanceOf(TypeError);
    });

    it('when a key is missing, then get throws BlobNotFoundError and stat returns null', async () => {
      const key = fresh('missing');
      await expect(s().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(s().get(key, { start: 0, end: 9 })).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await s().stat(key)).toBeNull();
      await s().put(`${key}/child`, Buffer.from('c')); // a "folder" of other keys is not an object either
      await expect(s().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await s().stat(key)).toBeNull();
    });

    it('when an object is deleted twice or was never there, then delete succeeds and the object is gone', async () => {
      const key = fresh('delete');
      await s().put(key, Buffer.from('bye'));
      await s().delete(key);
      await s().delete(key);
      await s().delete(fresh('never'));
      expect(await s().stat(key)).toBeNull();
      await expect(s().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('when an object is overwritten, then the new bytes and metadata replace the old ones', async () => {
      const key = fresh('overwrite');
      await s().put(key, Buffer.from('first version, longer'), { contentType: 'text/plain', metadata: { v: 'một' } });
      await s().put(key, Buffer.from('second'), { contentType: 'image/jpeg', metadata: { w: 'hai' } });
      expect((await readAll(await s().get(key))).toString()).toBe('second');
      expect(await s().stat(key)).toMatchObject({ size: 6, contentType: 'image/jpeg', metadata: { w: 'hai' } });
      expect((await s().stat(key))!.metadata).not.toHaveProperty('v');
    });

    it('when listing by prefix, then every key starting with it comes back, in byte order, with sizes', async () => {
      const root = fresh('list');
      const names = ['a/1', 'a/10', 'a/2', 'a-b', 'ab/c/d', 'b/x', 'a/sub/deep/z'];
      for (const [i, k] of names.entries()) await s().put(`${root}/${k}`, Buffer.alloc(i + 1));
      const list = async (p: string) => {
        const out: { key: string; size: number }[] = [];
        for await (const o of s().list(p)) out.push({ key: o.key, size: o.size });
        return out;
      };
      expect(await list(`${root}/a/`)).toEqual([
        { key: `${root}/a/1`, size: 1 }, { key: `${root}/a/10`, size: 2 }, { key: `${root}/a/2`, size: 3 }, { key: `${root}/a/sub/deep/z`, size: 7 },
      ]);
      const underA = (await list(`${root}/a`)).map((o) => o.key.slice(root.length + 1));
      if (target.s3rverQuirks) underA.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      expect(underA).toEqual(['a-b', 'a/1', 'a/10', 'a/2', 'a/sub/deep/z', 'ab/c/d']);
      expect((await list(`${root}/`)).length).toBe(names.length);
      expect(await list(`${root}/nothing/`)).toEqual([]);
      expect(await list(`${root}/a/1`)).toEqual([{ key: `${root}/a/1`, size: 1 }, { key: `${root}/a/10`, size: 2 }]);
    });

    it('when a key is unsafe, then every operation refuses it before touching the backend', async () => {
      const before = target.ioCount?.();
      for (const bad of UNSAFE_KEYS) {
        await expect(s().put(bad, Buffer.from('x')), JSON.stringify(bad)).rejects.toBeInstanceOf(UnsafeKeyError);
        await expect(s().get(bad)).rejects.toBeInstanceOf(UnsafeKeyError);
        await expect(s().stat(bad)).rejects.toBeInstanceOf(UnsafeKeyError);
        await expect(s().delete(bad)).rejects.toBeInstanceOf(UnsafeKeyError);
        await expect(s().presignedGet(bad, 60)).rejects.toBeInstanceOf(UnsafeKeyError);
      }
      await expect((async () => { for await (const _ of s().list('../')) void _; })()).rejects.toBeInstanceOf(UnsafeKeyError);
      if (before !== undefined) expect(target.ioCount!()).toBe(before);
    });

    it('when the key scheme builds keys, then they are safe and stores accept them', async () => {
      const key = keys.master(42, 'TIF');
      expect(key).toMatch(/^masters\/42\/[0-9a-f-]{36}\.tif$/);
      expect(keys.access(7)).toBe('derivatives/7/access.jpg');
      expect(() => keys.master('../1', 'tif')).toThrow(UnsafeKeyError);
      await s().put(key, Buffer.from('scan'));
      expect((await s().stat(key))?.size).toBe(4);
      await s().delete(key);
    });

    it('when an upload stream breaks mid-way, then nothing is visible under a new key and an old object survives', async () => {
      // On S3: two whole parts are uploaded before the break, so the multipart upload must be aborted.
      const big = Math.max(target.multipartBytes * 4, 2 * 1024 * 1024);
      const failAfter = target.multipartBytes * 2 + 1024 * 1024;
      const newKey = fresh('aborted-new');
      await expect(s().put(newKey, generated('abort', big, { failAfter }))).rejects.toThrow(/mid-upload/);
      expect(await s().stat(newKey)).toBeNull();
      await expect(s().get(newKey)).rejects.toBeInstanceOf(BlobNotFoundError);

      const oldKey = fresh('aborted-old');
      await s().put(oldKey, Buffer.from('the previous master'));
      await expect(s().put(oldKey, generated('abort', big, { failAfter }))).rejects.toThrow(/mid-upload/);
      expect((await readAll(await s().get(oldKey))).toString()).toBe('the previous master');
      const listed: string[] = [];
      for await (const o of s().list(newKey)) listed.push(o.key);
      expect(listed).toEqual([]);
      if (target.pendingUploads) expect(target.pendingUploads()).toBe(0);
    });

    it('when a streamed object is larger than one part, then it round-trips byte for byte', async () => {
      if (!target.multipartBytes) return;
      const key = fresh('multipart');
      const total = target.multipartBytes + 3 * 1024 * 1024 + 5;
      expect(await s().put(key, generated('multi', total))).toEqual({ size: total });
      expect((await s().stat(key))?.size).toBe(total);
      expect(await sha256(await s().get(key))).toBe(await generatedSha('multi', total));
      const tail = await readAll(await s().get(key, { start: total - 10 }));
      expect(tail.length).toBe(10);
      if (target.pendingUploads) expect(target.pendingUploads()).toBe(0);
    });

    it('when the store is readied and pinged, then it reports ready', async () => {
      await s().ensureReady();
      await s().ensureReady();
      expect(await s().ping()).toBe(true);
    });

    it('when a Readable of strings is put, then it is stored as UTF-8', async () => {
      const key = fresh('text');
      await s().put(key, Readable.from(['Xin chào ', 'Hưng Yên']), { contentType: 'text/plain; charset=utf-8' });
      expect((await readAll(await s().get(key))).toString('utf8')).toBe('Xin chào Hưng Yên');
    });
  });
}
