import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PyramidCache } from '../../../ocr/image/pyramid-cache.js';

let dir: string;
const objects = new Map<string, Buffer>();
let fetches: string[];

const fetch = (key: string) => {
  fetches.push(key);
  const data = objects.get(key);
  if (!data) throw Object.assign(new Error(`no such key ${key}`), { code: 'NoSuchKey' });
  // Two chunks, delivered asynchronously like a network stream.
  return Readable.from([data.subarray(0, 10), data.subarray(10)]);
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pyrcache-'));
  fetches = [];
  objects.clear();
  for (const k of ['a', 'b', 'c']) objects.set(`pyramids/${k}.tif`, Buffer.alloc(1000, k));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const files = async () => {
  const mine = (await readdir(dir)).filter((n) => n.startsWith(`p${process.pid}-`));
  expect(mine).toHaveLength(1);
  return readdir(path.join(dir, mine[0]));
};

describe('PyramidCache', () => {
  it('when many requests want the same pyramid at once, then it is fetched once and every caller reads the same bytes', async () => {
    const cache = new PyramidCache({ dir, maxBytes: 10_000, fetch });
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => cache.use('pyramids/a.tif', (file) => readFile(file))),
    );
    expect(fetches).toEqual(['pyramids/a.tif']);
    for (const r of reads) expect(r.equals(objects.get('pyramids/a.tif')!)).toBe(true);
    await cache.use('pyramids/a.tif', async () => {});
    expect(fetches).toHaveLength(1);
  });

  it('when the total passes maxBytes, then the least recently used pyramid is removed from disk', async () => {
    const cache = new PyramidCache({ dir, maxBytes: 2500, fetch });
    await cache.use('pyramids/a.tif', async () => {});
    await cache.use('pyramids/b.tif', async () => {});
    await cache.use('pyramids/a.tif', async () => {}); // a is now more recent than b
    await cache.use('pyramids/c.tif', async () => {});
    expect(cache.sizeBytes).toBe(2000);
    expect(await files()).toHaveLength(2);
    fetches = [];
    await cache.use('pyramids/a.tif', async () => {});
    await cache.use('pyramids/c.tif', async () => {});
    expect(fetches).toEqual([]);
    await cache.use('pyramids/b.tif', async () => {});
    expect(fetches).toEqual(['pyramids/b.tif']);
  });

  it('when a pyramid is in use, then it is not evicted under the caller even past maxBytes', async () => {
    const cache = new PyramidCache({ dir, maxBytes: 1500, fetch });
    await cache.use('pyramids/a.tif', async (fileA) => {
      await cache.use('pyramids/b.tif', async () => {});
      expect((await readFile(fileA)).length).toBe(1000);
    });
    expect(cache.sizeBytes).toBeLessThanOrEqual(1500);
  });

  it('when the fetch fails, then the error reaches the caller and no partial file stays behind', async () => {
    const cache = new PyramidCache({ dir, maxBytes: 10_000, fetch });
    await expect(cache.use('pyramids/missing.tif', async () => {})).rejects.toThrow(/no such key/);
    expect(await files()).toEqual([]);
  });

  it('when the server restarts, then folders of dead processes are cleared and a live process keeps its own', async () => {
    // PID 2^22+1 is above Linux's pid_max ceiling, so no such process can be running.
    const dead = path.join(dir, `p${2 ** 22 + 1}-aaaa`);
    const live = path.join(dir, `p${process.ppid}-bbbb`);
    for (const d of [dead, live]) {
      await mkdir(d, { recursive: true });
      await writeFile(path.join(d, 'old.pyr'), Buffer.alloc(5000));
    }
    const cache = new PyramidCache({ dir, maxBytes: 10_000, fetch });
    await cache.use('pyramids/a.tif', async () => {});
    const left = await readdir(dir);
    expect(left).toContain(`p${process.ppid}-bbbb`);
    expect(left).not.toContain(`p${2 ** 22 + 1}-aaaa`);
    expect(await files()).toHaveLength(1);
  });

  it('when two caches share a folder in one process, then neither removes the other\'s files', async () => {
    const first = new PyramidCache({ dir, maxBytes: 10_000, fetch });
    await first.use('pyramids/a.tif', async (fileA) => {
      const second = new PyramidCache({ dir, maxBytes: 10_000, fetch });
      await second.use('pyramids/b.tif', async () => {});
      expect((await readFile(fileA)).length).toBe(1000);
    });
  });

  it('when a key is invalidated, then the next use fetches it again', async () => {
    const cache = new PyramidCache({ dir, maxBytes: 10_000, fetch });
    await cache.use('pyramids/a.tif', async () => {});
    objects.set('pyramids/a.tif', Buffer.alloc(1000, 'z'));
    await cache.invalidate('pyramids/a.tif');
    const data = await cache.use('pyramids/a.tif', (f) => readFile(f));
    expect(data[0]).toBe('z'.charCodeAt(0));
    expect(fetches).toEqual(['pyramids/a.tif', 'pyramids/a.tif']);
  });
});
