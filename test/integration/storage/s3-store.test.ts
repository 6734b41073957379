import net from 'node:net';
import { Client } from 'minio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobUnavailableError } from '../../../storage/blob-store.js';
import { S3BlobStore } from '../../../storage/s3-store.js';
import { createBlobStore } from '../../../storage/create-blob-store.js';
import { loadConfig } from '../../../server/config.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import { blobStoreContract } from './blob-store.contract.js';
import { generated, generatedSha, readAll, sha256 } from './streams.js';

const PART = 5 * 1024 * 1024; // the S3 minimum, so the multipart path runs on modest test data
let s3: S3TestServer;
let store: S3BlobStore;

const storeFor = (server: S3TestServer, overrides: Partial<ConstructorParameters<typeof S3BlobStore>[0]> = {}) =>
  new S3BlobStore({
    endPoint: server.endpoint, port: server.port, useSSL: false, accessKey: server.accessKey, secretKey: server.secretKey,
    bucket: server.bucket, partSize: PART, ...overrides,
  });

beforeAll(async () => {
  s3 = await startS3Server();
  store = storeFor(s3);
});
afterAll(() => s3?.close());

blobStoreContract('s3 (minio-js → s3rver)', { store: () => store, ioCount: () => s3.requestCount(), multipartBytes: PART, s3rverQuirks: true,
  pendingUploads: () => s3.pendingUploads().length,
});

describe('s3 store specifics', () => {
  it('when config names a MinIO endpoint, then createBlobStore builds the S3 store that reaches it', async () => {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', ...s3.env });
    const blobs = createBlobStore(config);
    expect(blobs.kind).toBe('s3');
    await blobs.put('config/probe.txt', Buffer.from('ok'));
    expect((await readAll(await store.get('config/probe.txt'))).toString()).toBe('ok');
    expect(createBlobStore(loadConfig({ DATA_DIR: '/tmp/unused' })).kind).toBe('filesystem');
  });

  it('when a 70 MiB stream is put with the default part size, then it round-trips through multipart', async () => {
    const big = createBlobStore(loadConfig({ DATA_DIR: '/tmp/unused', ...s3.env }));
    const total = 70 * 1024 * 1024 + 1;
    await big.put('big/seventy.bin', generated('seventy', total), { contentType: 'image/tiff', metadata: { ten: 'Bản đồ địa chính' } });
    expect(await big.stat('big/seventy.bin')).toMatchObject({ size: total, contentType: 'image/tiff', metadata: { ten: 'Bản đồ địa chính' } });
    expect(await sha256(await big.get('big/seventy.bin'))).toBe(await generatedSha('seventy', total));
    await big.delete('big/seventy.bin');
  });

  it('when minio-js itself uploads over 64 MiB, then the test server answers its multipart listing', async () => {
    // Other suites use minio-js directly against this server: its own multipart path must work too.
    const client = new Client({ endPoint: s3.endpoint, port: s3.port, useSSL: false, accessKey: s3.accessKey, secretKey: s3.secretKey });
    const total = 65 * 1024 * 1024;
    await client.putObject(s3.bucket, 'big/minio-js.bin', generated('minio', total));
    expect(await sha256(await client.getObject(s3.bucket, 'big/minio-js.bin'))).toBe(await generatedSha('minio', total));
    await client.removeObject(s3.bucket, 'big/minio-js.bin');
  });

  it('when a presigned URL is issued, then it serves the object, and a tampered or expired one is refused', async () => {
    await store.put('signed/page.jpg', Buffer.from('jpeg bytes'), { contentType: 'image/jpeg' });
    const url = await store.presignedGet('signed/page.jpg', 60);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toBe('jpeg bytes');

    await store.put('signed/other.jpg', Buffer.from('someone else'));
    const otherKey = await fetch(url.replace('signed/page.jpg', 'signed/other.jpg'));
    expect(otherKey.status).toBe(403);
    const sig = new URL(url);
    const s = sig.searchParams.get('X-Amz-Signature')!;
    sig.searchParams.set('X-Amz-Signature', (s[0] === 'a' ? 'b' : 'a') + s.slice(1));
    expect((await fetch(sig)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(longer)).status).toBe(403);

    const short = await store.presignedGet('signed/page.jpg', 1);
    await new Promise((r) => setTimeout(r, 2_200));
    expect((await fetch(short)).status).toBe(403);
    await expect(store.presignedGet('signed/page.jpg', 0)).rejects.toBeInstanceOf(TypeError);
  });

  it('when the secret is wrong, then every call fails as BlobUnavailableError and ping is false', async () => {
    await store.put('auth/x.txt', Buffer.from('x'));
    const wrong = storeFor(s3, { secretKey: 'not-the-secret' });
    await expect(wrong.get('auth/x.txt')).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(wrong.stat('auth/x.txt')).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(wrong.put('auth/y.txt', Buffer.from('y'))).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(wrong.ensureReady()).rejects.toBeInstanceOf(BlobUnavailableError);
    expect(await wrong.ping()).toBe(false);
    expect(await store.stat('auth/y.txt')).toBeNull();
    // A presigned URL signed with the wrong secret is refused by the server.
    expect((await fetch(await wrong.presignedGet('auth/x.txt', 60))).status).toBe(403);
  });

  it('when nothing listens on the endpoint, then calls fail as BlobUnavailableError', async () => {
    const port = await closedPort();
    const down = storeFor(s3, { port });
    await expect(down.get('a/b')).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(down.stat('a/b')).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(down.put('a/b', Buffer.from('x'))).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(down.put('a/c', generated('down', 7 * 1024 * 1024))).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(down.delete('a/b')).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect((async () => { for await (const _ of down.list('a/')) void _; })()).rejects.toBeInstanceOf(BlobUnavailableError);
    await expect(down.ensureReady()).rejects.toBeInstanceOf(BlobUnavailableError);
    expect(await down.ping()).toBe(false);
  });

  it('when the server accepts connections but never answers, then calls fail on the idle timeout instead of hanging', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((sock) => void sockets.add(sock));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const stalled = storeFor(s3, { port: (silent.address() as net.AddressInfo).port, idleTimeoutMs: 300 });
      await expect(stalled.stat('a/b')).rejects.toBeInstanceOf(BlobUnavailableError);
      await expect(stalled.get('a/b')).rejects.toBeInstanceOf(BlobUnavailableError);
      await expect(stalled.put('a/b', Buffer.from('x'))).rejects.toBeInstanceOf(BlobUnavailableError);
    } finally {
      for (const sock of sockets) sock.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('when the bucket does not exist yet, then ensureReady creates it and puts work', async () => {
    const empty = await startS3Server({ bucket: 'kho-moi', createBucket: false });
    try {
      const fresh = storeFor(empty);
      expect(await fresh.ping()).toBe(false);
      await expect(fresh.put('a/b', Buffer.from('x'))).rejects.toBeInstanceOf(BlobUnavailableError);
      await fresh.ensureReady();
      expect(await fresh.ping()).toBe(true);
      await fresh.put('a/b', Buffer.from('x'));
      expect((await fresh.stat('a/b'))?.size).toBe(1);
    } finally {
      await empty.close();
    }
  });

  it('when more than 1000 keys share a prefix, then list pages through all of them', async () => {
    const n = 1_005;
    const keys = Array.from({ length: n }, (_, i) => `many/${String(i).padStart(5, '0')}`);
    for (let i = 0; i < n; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, Buffer.from(k))));
    const seen: string[] = [];
    for await (const o of store.list('many/')) seen.push(o.key);
    expect(seen).toEqual(keys);
  });

  it('when a deleted key is read, then BlobNotFoundError (NoSuchKey is mapped, not leaked)', async () => {
    await store.put('gone/x', Buffer.from('x'));
    await store.delete('gone/x');
    const err = await store.get('gone/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobNotFoundError);
    expect((err as BlobNotFoundError).key).toBe('gone/x');
  });
});

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}
