/**
 * BlobStore on S3 through the `minio` client (MinIO in production). Tested against s3rver (see README).
 *
 * Streams are uploaded here, not by minio-js's putObject: its multipart path pipes the body without forwarding the
 * body's errors (an aborted upload hangs forever), resumes any unfinished upload it finds for the same key (another
 * writer's!), and buffers 64 MiB parts. Ours: parts of `partSize` (16 MiB default; two in memory at most), each with
 * Content-MD5, aborted on any failure so no parts linger, completed only once the announced size matched.
 * Every request has a connect timeout and an idle timeout, so an unreachable or stalled server fails fast as
 * BlobUnavailableError instead of hanging a request or a job.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { Client, type ClientOptions } from 'minio';
import {
  BlobNotFoundError,
  BlobRangeError,
  BlobUnavailableError,
  type BlobStat,
  type BlobStore,
  type ByteRange,
  type PutOptions,
} from './blob-store.js';
import { assertSafeKey, assertSafePrefix } from './safe-key.js';
import { checkRange, decodeMetadata, encodeMetadata, SizeMismatchError } from './metadata.js';

export interface S3StoreOptions {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region?: string;
  /** Bytes per multipart part (≥ 5 MiB, the S3 minimum); objects up to this size go in one PUT. */
  partSize?: number;
  connectTimeoutMs?: number;
  /** No byte in either direction for this long → the request fails. */
  idleTimeoutMs?: number;
}

const MIN_PART = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
const HEADERS_NOT_METADATA = new Set(['content-type', 'cache-control', 'content-encoding', 'content-disposition', 'content-language', 'x-amz-storage-class', 'x-amz-website-redirect-location']);
const NOT_FOUND = new Set(['NoSuchKey', 'NotFound']);
const UNAVAILABLE = new Set([
  'NoSuchBucket', 'AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'RequestTimeTooSkewed', 'ExpiredToken',
  'InvalidToken', 'ServiceUnavailable', 'SlowDown', 'InternalError', 'XMinioServerNotInitialized', 'XMinioStorageFull',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET',
]);

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly bucket: string;
  readonly client: Client;
  private readonly partSize: number;

  constructor(opts: S3StoreOptions) {
    this.bucket = opts.bucket;
    this.partSize = Math.max(MIN_PART, opts.partSize ?? 16 * 1024 * 1024);
    const base = opts.useSSL ? https : http;
    const clientOpts: ClientOptions = {
      endPoint: opts.endPoint,
      port: opts.port,
      useSSL: opts.useSSL,
      accessKey: opts.accessKey,
      secretKey: opts.secretKey,
      region: opts.region ?? 'us-east-1', // set, so minio-js does not ask the server for it before every first call
      pathStyle: true,
      transport: timedTransport(base, opts.connectTimeoutMs ?? 5_000, opts.idleTimeoutMs ?? 60_000),
      transportAgent: new base.Agent({ keepAlive: true, maxSockets: 32 }),
    };
    this.client = new Client(clientOpts);
  }

  async put(key: string, body: Readable | Buffer, opts: PutOptions = {}): Promise<{ size: number }> {
    assertSafeKey(key);
    const headers: Record<string, string> = { 'Content-Type': opts.contentType ?? 'application/octet-stream' };
    for (const [k, v] of Object.entries(encodeMetadata(opts.metadata))) headers[`x-amz-meta-${k}`] = v;
    if (Buffer.isBuffer(body)) {
      if (opts.size !== undefined && opts.size !== body.length) throw new SizeMismatchError(opts.size, body.length);
      await this.call(key, () => this.client.putObject(this.bucket, key, body, body.length, { ...headers }));
      return { size: body.length };
    }
    try {
      return await this.putStream(key, body, headers, opts.size);
    } catch (err) {
      body.destroy();
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertSafeKey(key);
    checkRange(range);
    try {
      if (!range) return await this.client.getObject(this.bucket, key);
      const length = range.end === undefined ? undefined : range.end - range.start + 1;
      // minio-js sends no Range header for offset 0 without a length: that is the whole object, as asked.
      return await this.client.getPartialObject(this.bucket, key, range.start, length);
    } catch (err) {
      if (range && codeOf(err) === 'InvalidRange') throw new BlobRangeError(key, range);
      throw mapS3Error(err, key);
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    assertSafeKey(key);
    try {
      const st = await this.client.statObject(this.bucket, key);
      const raw = st.metaData as Record<string, unknown>;
      const user = Object.fromEntries(Object.entries(raw).filter(([k]) => !HEADERS_NOT_METADATA.has(k.toLowerCase()) && !k.toLowerCase().startsWith('x-amz-')));
      const contentType = Object.entries(raw).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
      return { key, size: st.size, lastModified: st.lastModified, contentType: typeof contentType === 'string' ? contentType : undefined, metadata: decodeMetadata(user) };
    } catch (err) {
      const mapped = mapS3Error(err, key);
      if (mapped instanceof BlobNotFoundError) return null;
      throw mapped;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.call(key, () => this.client.removeObject(this.bucket, key));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }> {
    assertSafePrefix(prefix);
    try {
      for await (const item of this.client.listObjectsV2(this.bucket, prefix, true)) {
        if (item.name) yield { key: item.name, size: item.size, lastModified: item.lastModified };
      }
    } catch (err) {
      throw mapS3Error(err, prefix);
    }
  }

  async presignedGet(key: string, ttlSeconds: number): Promise<string> {
    assertSafeKey(key);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 7 * 24 * 3600) throw new TypeError(`invalid TTL: ${ttlSeconds}`);
    return this.call(key, () => this.client.presignedGetObject(this.bucket, key, ttlSeconds));
  }

  async ensureReady(): Promise<void> {
    await this.call(this.bucket, async () => {
      if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket);
    }).catch((err) => {
      throw err instanceof BlobUnavailableError ? err : new BlobUnavailableError(`bucket ${this.bucket} not usable: ${(err as Error).message}`, { cause: err });
    });
  }

  async ping(): Promise<boolean> {
    try {
      return await this.client.bucketExists(this.bucket);
    } catch {
      return false;
    }
  }

  private async putStream(key: string, body: Readable, headers: Record<string, string>, size: number | undefined): Promise<{ size: number }> {
    // A known size may need bigger parts to stay within S3's 10,000-part limit.
    const partSize = size === undefined ? this.partSize : Math.max(this.partSize, Math.ceil(size / MAX_PARTS));
    const parts = readParts(body, partSize, size);
    const first = await parts.next();
    const firstBuf = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? first : await parts.next();
    if (second.done) {
      // Everything fits in one part: one plain PUT, the whole object or nothing.
      await this.call(key, () => this.client.putObject(this.bucket, key, firstBuf, firstBuf.length, { ...headers }));
      return { size: firstBuf.length };
    }
    const uploadId = await this.call(key, () => this.client.initiateNewMultipartUpload(this.bucket, key, { ...headers }));
    let pending: Promise<void> | null = null;
    try {
      const etags: { part: number; etag: string }[] = [];
      let total = 0;
      const upload = (part: number, buf: Buffer) =>
        this.call(key, () =>
          this.client.uploadPart(
            { bucketName: this.bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: { 'Content-Length': String(buf.length), 'Content-MD5': crypto.createHash('md5').update(buf).digest('base64') } },
            buf,
          ),
        ).then((r) => void etags.push({ part, etag: r.etag }));
      let partNumber = 0;
      const send = async (buf: Buffer) => {
        total += buf.length;
        partNumber++;
        if (pending) await pending; // at most one part uploading while the next one is read
        pending = upload(partNumber, buf);
        pending.catch(() => {}); // awaited below; avoids an unhandled rejection while we read on
      };
      await send(firstBuf);
      await send(second.value);
      for (let next = await parts.next(); !next.done; next = await parts.next()) await send(next.value);
      if (pending) await pending;
      etags.sort((a, b) => a.part - b.part);
      await this.call(key, () => this.client.completeMultipartUpload(this.bucket, key, uploadId, etags));
      return { size: total };
    } catch (err) {
      // Let the part in flight settle first, or it could land after the abort and linger.
      await (pending as Promise<void> | null)?.catch(() => {});
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => {});
      throw err;
    }
  }

  private async call<T>(key: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapS3Error(err, key);
    }
  }
}

/** Reads a stream into buffers of exactly `partSize` bytes (the last one shorter); enforces an announced size. */
async function* readParts(body: Readable, partSize: number, size: number | undefined): AsyncGenerator<Buffer> {
  let chunks: Buffer[] = [];
  let held = 0;
  let total = 0;
  for await (const raw of body as AsyncIterable<Buffer | string>) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    total += chunk.length;
    if (size !== undefined && total > size) throw new SizeMismatchError(size, total);
    while (held + chunk.length >= partSize) {
      const take = partSize - held;
      chunks.push(chunk.subarray(0, take));
      yield Buffer.concat(chunks);
      chunks = [];
      held = 0;
      chunk = chunk.subarray(take);
    }
    if (chunk.length) {
      chunks.push(chunk);
      held += chunk.length;
    }
  }
  if (size !== undefined && total !== size) throw new SizeMismatchError(size, total);
  if (held > 0 || total === 0) yield Buffer.concat(chunks);
}

/** http(s).request with a connect timeout and an idle timeout; minio-js has neither. */
function timedTransport(base: typeof http | typeof https, connectMs: number, idleMs: number): Pick<typeof http, 'request'> {
  const request = ((options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
    const req = base.request(options, callback);
    const fail = (what: string) => req.destroy(Object.assign(new Error(`S3 ${what} timeout`), { code: 'ETIMEDOUT' }));
    req.setTimeout(idleMs, () => fail('idle'));
    req.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => fail('connect'), connectMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    return req;
  }) as typeof http.request;
  return { request };
}

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

function mapS3Error(err: unknown, key: string): Error {
  if (err instanceof BlobNotFoundError || err instanceof BlobUnavailableError || err instanceof BlobRangeError) return err;
  if (err instanceof SizeMismatchError || err instanceof TypeError) return err;
  const code = codeOf(err);
  if (code && NOT_FOUND.has(code)) return new BlobNotFoundError(key);
  const message = (err as Error)?.message ?? String(err);
  // minio-js turns retried 5xx answers into a plain Error with this text.
  if ((code && UNAVAILABLE.has(code)) || /Request failed after \d+ retries|Retryable HTTP status/.test(message)) {
    return new BlobUnavailableError(`S3 unavailable (${code ?? 'HTTP 5xx'}) for ${key}: ${message}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(message);
}
