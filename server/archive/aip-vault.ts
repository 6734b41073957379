/**
 * The write-once area for AIPs. Never overwrites, and says exactly how each package is protected:
 * - filesystem store: ARCHIVE_AIP_DIR (default DATA_DIR/aip), one folder per package; the ZIP is streamed to a
 *   staging file, hard-linked into place (link() fails when the name exists, so no overwrite even in a race), then
 *   made 0444 and its folder 0555 → lock 'read-only-fs'. Mode bits do not stop root or the folder's owner from
 *   chmod-ing back; that is an operating-system safeguard, not a WORM device.
 * - S3 store: bucket ARCHIVE_AIP_BUCKET (or MINIO_BUCKET), key aip/<package>.zip. When the bucket reports Object Lock
 *   enabled, a retention (ARCHIVE_AIP_LOCK_MODE until now + ARCHIVE_AIP_RETENTION_DAYS) is set and read back → lock
 *   'object-lock'; otherwise (e.g. the in-process s3rver test server, which has no Object Lock API) → lock 'none', and
 *   the package is recorded as NOT locked. An existing key is refused before writing (not atomic on S3 without lock).
 *   The ZIP is staged in DATA_DIR/archive-staging (streamed) before the upload, so a failed package uploads nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import { hashingTap } from '../core/hash.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { S3BlobStore } from '../../storage/s3-store.js';

export type LockMode = 'object-lock' | 'read-only-fs' | 'none';

export interface StoredAip {
  key: string;
  size: number;
  sha256: string;
  lockMode: LockMode;
  lockedUntil: Date | null;
  lockDetail: string;
}

export class AipExistsError extends Error {}

type VaultConfig = Pick<Config, 'DATA_DIR' | 'ARCHIVE_AIP_DIR' | 'ARCHIVE_AIP_BUCKET' | 'ARCHIVE_AIP_RETENTION_DAYS' | 'ARCHIVE_AIP_LOCK_MODE'>;

const SAFE_ID = /^[A-Za-z0-9_.-]{1,120}$/;

/** What PutObjectRetention is asked (minio-js retention options): the mode, the date, the exact version. */
export function retentionRequest(mode: 'GOVERNANCE' | 'COMPLIANCE', until: Date, versionId: string | null) {
  return { mode, retainUntilDate: until.toISOString(), ...(versionId ? { versionId } : {}) };
}

export function createAipVault(config: VaultConfig, blobs: BlobStore, now: () => Date) {
  const dir = path.resolve(config.ARCHIVE_AIP_DIR ?? path.join(config.DATA_DIR, 'aip'));
  const s3 = blobs.kind === 's3' ? (blobs as S3BlobStore) : null;
  const bucket = s3 ? config.ARCHIVE_AIP_BUCKET ?? s3.bucket : '';

  const fileOf = (packageId: string) => path.join(dir, packageId, `${packageId}.zip`);

  async function writeFs(packageId: string, body: AsyncIterable<Buffer>): Promise<StoredAip> {
    const target = fileOf(packageId);
    if (fs.existsSync(target)) throw new AipExistsError(packageId);
    const staging = path.join(dir, '.staging');
    await fs.promises.mkdir(staging, { recursive: true });
    const temp = path.join(staging, `${packageId}.${crypto.randomUUID()}.part`);
    const h = hashingTap();
    try {
      await pipeline(Readable.from(body), h.stream, fs.createWriteStream(temp, { mode: 0o600 }));
      const fd = await fs.promises.open(temp, 'r');
      await fd.sync();
      await fd.close();
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.promises.link(temp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AipExistsError(packageId);
        throw err;
      }
      await fs.promises.chmod(target, 0o444);
      await fs.promises.chmod(path.dirname(target), 0o555);
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
    const { sha256, size } = h.done();
    return { key: `${packageId}/${packageId}.zip`, size, sha256, lockMode: 'read-only-fs', lockedUntil: null, lockDetail: `tệp 0444 trong thư mục 0555 (${dir})` };
  }

  async function lockState(): Promise<{ enabled: boolean; detail: string }> {
    try {
      const c = (await s3!.client.getObjectLockConfig(bucket)) as unknown as { objectLockEnabled?: string };
      return c.objectLockEnabled === 'Enabled' ? { enabled: true, detail: 'Object Lock bật' } : { enabled: false, detail: 'bucket không bật Object Lock' };
    } catch (err) {
      return { enabled: false, detail: `kho S3 không hỗ trợ Object Lock (${(err as Error).message.slice(0, 200)})` };
    }
  }

  /**
   * The retention as the store reports it on HeadObject (x-amz-object-lock-mode / -retain-until-date), which S3 and
   * MinIO both send; GetObjectRetention is not used because moto, the one Object Lock server runnable here, lacks it.
   */
  async function readRetention(key: string, versionId: string | null): Promise<{ mode?: string; retainUntilDate?: string } | null> {
    const res = await s3!.client.makeRequestAsync({ method: 'HEAD', bucketName: bucket, objectName: key, query: versionId ? `versionId=${encodeURIComponent(versionId)}` : '' });
    res.resume();
    const mode = res.headers['x-amz-object-lock-mode'];
    const until = res.headers['x-amz-object-lock-retain-until-date'];
    return typeof until === 'string' ? { mode: typeof mode === 'string' ? mode : undefined, retainUntilDate: until } : null;
  }

  async function writeS3(packageId: string, body: AsyncIterable<Buffer>): Promise<StoredAip> {
    const key = `aip/${packageId}.zip`;
    if (config.ARCHIVE_AIP_BUCKET && !(await s3!.client.bucketExists(bucket))) await s3!.client.makeBucket(bucket, 'us-east-1', { ObjectLocking: true });
    const exists = await s3!.client.statObject(bucket, key).then(() => true, () => false);
    if (exists) throw new AipExistsError(packageId);
    // Staged on local disk first (streamed, hashed): a package that fails mid-way (e.g. a damaged master) never
    // starts an upload, and the upload then has a known size.
    const staging = path.join(config.DATA_DIR, 'archive-staging');
    await fs.promises.mkdir(staging, { recursive: true });
    const temp = path.join(staging, `${packageId}.${crypto.randomUUID()}.part`);
    const h = hashingTap();
    let versionId: string | null = null;
    try {
      await pipeline(Readable.from(body), h.stream, fs.createWriteStream(temp, { mode: 0o600 }));
      const size = h.size();
      versionId = (await s3!.client.putObject(bucket, key, fs.createReadStream(temp), size, { 'Content-Type': 'application/zip' })).versionId ?? null;
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
    const { sha256, size } = h.done();
    const state = await lockState();
    if (!state.enabled) return { key, size, sha256, lockMode: 'none', lockedUntil: null, lockDetail: `KHÔNG khóa: ${state.detail}` };
    const until = new Date(now().getTime() + config.ARCHIVE_AIP_RETENTION_DAYS * 86_400_000);
    // On the version just written: a later version under the same key could not shorten this one's retention.
    await s3!.client.putObjectRetention(bucket, key, retentionRequest(config.ARCHIVE_AIP_LOCK_MODE, until, versionId) as never);
    const back = await readRetention(key, versionId);
    if (!back?.retainUntilDate) return { key, size, sha256, lockMode: 'none', lockedUntil: null, lockDetail: 'KHÔNG khóa: đặt retention nhưng đọc lại không thấy' };
    return { key, size, sha256, lockMode: 'object-lock', lockedUntil: new Date(back.retainUntilDate), lockDetail: `Object Lock ${back.mode} đến ${back.retainUntilDate}` };
  }

  return {
    kind: s3 ? ('s3' as const) : ('filesystem' as const),
    /** Streams the package into the write-once area; AipExistsError when that package is already there. */
    async write(packageId: string, body: AsyncIterable<Buffer>): Promise<StoredAip> {
      if (!SAFE_ID.test(packageId)) throw new Error(`unsafe package id ${packageId}`);
      return s3 ? writeS3(packageId, body) : writeFs(packageId, body);
    },
    async read(key: string): Promise<Readable> {
      if (s3) return s3.client.getObject(bucket, key);
      const [id, name] = key.split('/');
      if (!id || !SAFE_ID.test(id) || name !== `${id}.zip`) throw new Error(`bad AIP key ${key}`);
      return fs.createReadStream(fileOf(id));
    },
    /** SHA-256 and size as stored now; null when the package is gone. */
    async rehash(key: string): Promise<{ sha256: string; size: number } | null> {
      let body: Readable;
      try {
        body = await this.read(key);
        const h = crypto.createHash('sha256');
        let size = 0;
        for await (const c of body as AsyncIterable<Buffer>) {
          h.update(c);
          size += c.length;
        }
        return { sha256: h.digest('hex'), size };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'NoSuchKey' || code === 'NotFound') return null;
        throw err;
      }
    },
    /** The file path of a filesystem package (tests check its modes). */
    pathOf: (key: string) => (s3 ? null : path.join(dir, key)),
  };
}

export type AipVault = ReturnType<typeof createAipVault>;
