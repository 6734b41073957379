/**
 * npm run bench:storage — BlobStore throughput on this machine: the filesystem store and the S3 store against the
 * in-process s3rver test double (not MinIO: s3rver's own speed dominates, read the S3 figures as a floor).
 * Prints MB/s for a big streamed object (put, get), objects/s for small ones, and peak memory during the big S3 put
 * (the multipart path keeps at most two 16 MiB parts in memory).
 * BENCH_MB (default 256) sets the big object size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilesystemBlobStore } from '../../storage/filesystem-store.js';
import { createBlobStore } from '../../storage/create-blob-store.js';
import { loadConfig } from '../../server/config.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { startS3Server } from '../../test/support/s3-server.js';
import { generated, sha256 } from '../../test/integration/storage/streams.js';

const MB = 1024 * 1024;
const BIG = Number(process.env.BENCH_MB ?? 256) * MB;
const SMALL = 200;
const SMALL_BYTES = 40 * 1024; // about a WebP thumbnail

async function bench(name: string, store: BlobStore) {
  await store.ensureReady();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let t = performance.now();
  await store.put('bench/big.bin', generated('bench', BIG));
  const putS = (performance.now() - t) / 1000;
  clearInterval(sampler);
  t = performance.now();
  const digest = await sha256(await store.get('bench/big.bin'));
  const getS = (performance.now() - t) / 1000;
  const thumb = Buffer.alloc(SMALL_BYTES, 7);
  t = performance.now();
  for (let i = 0; i < SMALL; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => store.put(`bench/small/${i + j}.webp`, thumb, { contentType: 'image/webp' })));
  }
  const smallPutS = (performance.now() - t) / 1000;
  t = performance.now();
  for (let i = 0; i < SMALL; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => store.get(`bench/small/${i + j}.webp`).then(sha256)));
  }
  const smallGetS = (performance.now() - t) / 1000;
  console.log(
    `${name.padEnd(22)} big ${BIG / MB} MiB: put ${(BIG / MB / putS).toFixed(0)} MB/s, get ${(BIG / MB / getS).toFixed(0)} MB/s` +
      ` (rss +${((peak - base) / MB).toFixed(0)} MiB during put, sha ${digest.slice(0, 8)});` +
      ` ${SMALL} × ${SMALL_BYTES / 1024} KiB: put ${(SMALL / smallPutS).toFixed(0)}/s, get ${(SMALL / smallGetS).toFixed(0)}/s`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-bench-storage-'));
const s3 = await startS3Server();
try {
  await bench('filesystem', new FilesystemBlobStore(path.join(dir, 'objects')));
  await bench('s3 (minio → s3rver)', createBlobStore(loadConfig({ DATA_DIR: dir, ...s3.env })));
} finally {
  await s3.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
