/**
 * A real S3 server for tests: the `@20minutes/s3rver` fork (4.0.4), in-process on 127.0.0.1:<random port>,
 * storing objects in a temp dir. It verifies SigV4 signatures (a wrong secret or a tampered presigned URL is refused).
 *
 * Two gaps of s3rver are bridged here so minio-js behaves as against MinIO (docs/design.md):
 * - `GET /<bucket>?uploads` (ListMultipartUploads) answers NotImplemented; minio-js calls it before every multipart
 *   upload (objects over 64 MiB or of unknown size). We answer an empty list, which is the truth: s3rver keeps no
 *   resumable uploads between requests that minio-js could reuse.
 * - `DELETE /<bucket>/<key>?uploadId=…` (AbortMultipartUpload) is not implemented (405): we remove the upload's parts,
 *   so tests can check with `pendingUploads()` that a failed upload left nothing behind.
 * - Listing past 1000 keys encrypts its continuation token with single DES, which Node 20's OpenSSL refuses without
 *   `--openssl-legacy-provider`. 3DES with the 8-byte key repeated three times IS single DES (EDE with K1=K2=K3), and
 *   3DES is in the default provider, so `des` calls are rerouted to `des-ede3-cbc`: byte-identical tokens, no flag.
 *
 * Usage: `const s3 = await startS3Server(); const t = await startTestApp({ ...s3.env })` … `await s3.close()`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface S3TestServer {
  endpoint: string;
  port: number;
  accessKey: string;
  secretKey: string;
  bucket: string;
  /** The folder s3rver stores objects in (tests may inspect it, never write to it). */
  directory: string;
  /** Env vars for `startTestApp` / `loadConfig`: MINIO_ENDPOINT, MINIO_PORT, MINIO_USE_SSL, keys, MINIO_BUCKET. */
  env: Record<string, string>;
  /** Number of requests served (e.g. to assert that bad input never reached storage). */
  requestCount(): number;
  /**
   * Simulates an outage while keeping the port: every request's connection is reset until set back to false.
   * (Closing the server instead would free the port for some other test's server to take.)
   */
  setOffline(offline: boolean): void;
  /** Ids of multipart uploads started and neither completed nor aborted. */
  pendingUploads(bucket?: string): string[];
  close(): Promise<void>;
}

export interface S3TestServerOptions {
  bucket?: string;
  /** false: start with no bucket, so `ensureReady()` has to create it. */
  createBucket?: boolean;
}

/** Env vars that point `loadConfig` at the given test server. */
export function s3Env(s: Pick<S3TestServer, 'endpoint' | 'port' | 'accessKey' | 'secretKey' | 'bucket'>): Record<string, string> {
  return {
    MINIO_ENDPOINT: s.endpoint,
    MINIO_PORT: String(s.port),
    MINIO_USE_SSL: 'false',
    MINIO_ACCESS_KEY: s.accessKey,
    MINIO_SECRET_KEY: s.secretKey,
    MINIO_BUCKET: s.bucket,
  };
}

export async function startS3Server(opts: S3TestServerOptions = {}): Promise<S3TestServer> {
  installSingleDesShim();
  // CommonJS package without types; loaded lazily so tests that never need S3 do not pay for Koa.
  const S3rver = require('@20minutes/s3rver');
  const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account');

  const bucket = opts.bucket ?? 'kho-test';
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-s3-'));
  // A fresh key pair per server, so a test proves the app uses the configured keys and not s3rver's defaults.
  const accessKey = `KHO${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
  const secretKey = crypto.randomBytes(20).toString('base64url');
  DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);

  const s3rver = new S3rver({
    silent: true,
    directory,
    configureBuckets: opts.createBucket === false ? [] : [{ name: bucket }],
  });
  await s3rver.configureBuckets();
  const koa = s3rver.callback();
  let requests = 0;
  let offline = false;
  const server = http.createServer((req, res) => {
    if (offline) return void req.socket.destroy();
    requests++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const segments = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && url.searchParams.has('uploads') && segments.length === 1) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(emptyMultipartListing(decodeURIComponent(segments[0])));
      return;
    }
    const uploadId = url.searchParams.get('uploadId');
    if (req.method === 'DELETE' && uploadId && segments.length >= 2) {
      const dir = path.join(uploadsDir(decodeURIComponent(segments[0])), path.basename(uploadId));
      const found = fs.existsSync(dir);
      fs.rmSync(dir, { recursive: true, force: true });
      res.writeHead(found ? 204 : 404, found ? {} : { 'content-type': 'application/xml' });
      res.end(found ? undefined : '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>');
      return;
    }
    koa(req, res);
  });
  // s3rver's layout: <dir>/<bucket>/._S3rver_uploads/<uploadId>/{key,metadata,1,1.md5,…}
  const uploadsDir = (b: string) => path.join(directory, b, '._S3rver_uploads');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = '127.0.0.1';
  let closed = false;
  return {
    endpoint,
    port,
    accessKey,
    secretKey,
    bucket,
    directory,
    env: s3Env({ endpoint, port, accessKey, secretKey, bucket }),
    requestCount: () => requests,
    setOffline: (value) => {
      offline = value;
      if (value) server.closeAllConnections();
    },
    pendingUploads: (b = bucket) => (fs.existsSync(uploadsDir(b)) ? fs.readdirSync(uploadsDir(b)) : []),
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      DUMMY_ACCOUNT.revokeAccessKey(accessKey);
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

function emptyMultipartListing(bucket: string): string {
  const name = bucket.replace(/[<>&'"]/g, '');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${name}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
    '<NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>' +
    '<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>'
  );
}

let shimInstalled = false;

/** Reroutes single-DES cipher calls (only s3rver's continuation tokens use them) to the equivalent 3DES. */
function installSingleDesShim(): void {
  if (shimInstalled) return;
  shimInstalled = true;
  try {
    crypto.createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
    return; // legacy provider loaded (e.g. --openssl-legacy-provider): nothing to bridge
  } catch {
    /* unsupported: install the shim */
  }
  type Factory = (alg: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null, opts?: unknown) => unknown;
  const mutable = crypto as unknown as Record<'createCipheriv' | 'createDecipheriv', Factory>;
  for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
    const original = mutable[name].bind(crypto) as Factory;
    mutable[name] = (alg, key, iv, o) => {
      if (typeof alg === 'string' && (alg.toLowerCase() === 'des' || alg.toLowerCase() === 'des-cbc') && Buffer.isBuffer(key) && key.length === 8) {
        return original('des-ede3-cbc', Buffer.concat([key, key, key]), iv, o);
      }
      return original(alg, key, iv, o);
    };
  }
}
