/**
 * Rebuilds an empty place (data dir, or database and bucket) from a backup set. Everything is checked before the
 * first byte is written: the manifest's own checksum, every file's SHA-256 and size, a schema this code knows, and a
 * target that is empty. Objects go in first and the database last (atomically: one PGlite directory, or one
 * pg_restore transaction), and a failure removes what was written, so a refused or failed restore leaves the place
 * as empty as it found it. The server migrates the restored schema forward when it next starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Queryable } from '../db/db.js';
import { openPostgres } from '../db/db.js';
import { acquireDirLock } from '../db/dir-lock.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { createBlobStore } from '../../storage/create-blob-store.js';
import { restorePglite, restorePostgres } from './database-dump.js';
import { copyObjectsIn } from './objects-copy.js';
import { aipAreaEmpty, aipDirOf, copyAipIn, removeAipArea, unsafeAipPaths } from './aip-copy.js';
import { insideSet, readManifest, sha256File, type Manifest } from './manifest.js';
import { knownMigrations } from './versions.js';

export class RestoreRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

const refuse = (code: string, message: string) => new RestoreRefusedError(code, message);

export interface RestoreSummary {
  databaseKind: 'pglite' | 'postgres';
  objects: number;
  /** Files of the filesystem AIP area put back (0 when the set has none). */
  aipFiles: number;
  schemaVersion: string;
  /** Migrations this code will apply at the next start (the set came from an older release). */
  pendingMigrations: string[];
  totalMs: number;
}

/** Every check that needs only the set: returns its manifest, or throws RestoreRefusedError naming the problem. */
export async function verifySet(dir: string): Promise<Manifest> {
  const r = readManifest(dir);
  if ('problem' in r) throw refuse(r.problem.code, r.problem.message);
  const m = r.manifest;
  const byPath = new Map<string, Manifest['files'][number]>();
  for (const f of m.files) {
    const full = insideSet(dir, f.path);
    if (!full) throw refuse('BACKUP_PATH_UNSAFE', `Tệp "${f.path}" trong manifest nằm ngoài thư mục sao lưu.`);
    if (!fs.existsSync(full)) throw refuse('BACKUP_FILE_MISSING', `Thiếu tệp ${f.path} trong bộ sao lưu.`);
    const got = await sha256File(full);
    if (got.size !== f.size || got.sha256 !== f.sha256) {
      throw refuse('BACKUP_CHECKSUM_MISMATCH', `Tệp ${f.path} không khớp tổng kiểm tra SHA-256 (hoặc kích thước) ghi trong manifest: bộ sao lưu đã bị sửa hoặc hỏng.`);
    }
    byPath.set(f.path, f);
  }
  if (!byPath.has(m.database.file)) throw refuse('BACKUP_FILE_MISSING', `Manifest không liệt kê tệp cơ sở dữ liệu ${m.database.file}.`);
  for (const o of m.objects.items) {
    const f = byPath.get(o.file);
    if (!f || f.sha256 !== o.sha256 || f.size !== o.size) throw refuse('BACKUP_CHECKSUM_MISMATCH', `Đối tượng ${o.key} không khớp danh sách tệp của manifest.`);
  }
  for (const a of m.aip?.items ?? []) {
    const f = byPath.get(a.file);
    if (!f || f.sha256 !== a.sha256 || f.size !== a.size) throw refuse('BACKUP_CHECKSUM_MISMATCH', `Tệp AIP ${a.path} không khớp danh sách tệp của manifest.`);
  }
  if (m.aip && unsafeAipPaths(m.aip).length) throw refuse('BACKUP_PATH_UNSAFE', `Đường dẫn AIP "${unsafeAipPaths(m.aip)[0]}" trong manifest nằm ngoài vùng lưu trữ AIP.`);
  const known = new Set(knownMigrations());
  const unknown = m.schema.migrations.filter((x) => !known.has(x));
  if (unknown.length || !m.schema.version) {
    throw refuse(
      'SCHEMA_UNKNOWN',
      `Bộ sao lưu mang lược đồ CSDL "${m.schema.version || '(trống)'}" mà phiên bản này không biết (${unknown.join(', ') || 'không có lược đồ'}); ` +
        `có thể nó được tạo bởi phiên bản mới hơn (${m.appVersion}). Hãy phục hồi bằng phiên bản đó hoặc mới hơn.`,
    );
  }
  return m;
}

async function assertStoreEmpty(blobs: BlobStore): Promise<void> {
  await blobs.ensureReady();
  for await (const o of blobs.list('')) {
    throw refuse('TARGET_NOT_EMPTY', `Kho đối tượng đích không trống (có ${o.key}). Phục hồi không bao giờ ghi đè dữ liệu: hãy dùng thư mục/bucket trống.`);
  }
}

function dirIsEmpty(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** The restored copy must not start by re-running the backup it was taken during. */
async function cancelBackupJobs(q: Queryable): Promise<void> {
  const [r] = await q.query<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (!r?.t) return;
  await q.query(`UPDATE pgboss.job SET state = 'cancelled', completed_on = now() WHERE name = 'backup.create' AND state IN ('created', 'retry', 'active')`);
}

async function assertDatabaseEmpty(url: string): Promise<void> {
  const db = await openPostgres(url, 1);
  try {
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
    );
    if (Number(r.n) > 0) throw refuse('TARGET_NOT_EMPTY', 'Cơ sở dữ liệu đích không trống. Phục hồi không bao giờ ghi đè dữ liệu: hãy tạo một cơ sở dữ liệu mới, trống.');
  } finally {
    await db.close();
  }
}

export type RestoreConfig = Pick<
  Config,
  'DATABASE_URL' | 'dbDir' | 'objectsDir' | 'DATA_DIR' | 'ARCHIVE_AIP_DIR' | 'MINIO_ENDPOINT' | 'MINIO_PORT' | 'MINIO_USE_SSL' | 'MINIO_ACCESS_KEY' | 'MINIO_SECRET_KEY' | 'MINIO_BUCKET'
>;

export async function restoreSet(setDir: string, config: RestoreConfig, opts: { blobs?: BlobStore } = {}): Promise<RestoreSummary> {
  const t0 = performance.now();
  const dir = path.resolve(setDir);
  const m = await verifySet(dir);
  if (m.database.kind === 'pglite' && config.DATABASE_URL) {
    throw refuse('TARGET_KIND_MISMATCH', 'Bộ sao lưu là CSDL nhúng (PGlite): hãy bỏ DATABASE_URL và đặt DATA_DIR tới một thư mục trống.');
  }
  if (m.database.kind === 'postgres' && !config.DATABASE_URL) {
    throw refuse('TARGET_KIND_MISMATCH', 'Bộ sao lưu là PostgreSQL (pg_dump): hãy đặt DATABASE_URL tới một cơ sở dữ liệu trống.');
  }
  if (m.database.kind === 'pglite' && !dirIsEmpty(config.dbDir)) {
    throw refuse('TARGET_NOT_EMPTY', `Thư mục CSDL đích ${config.dbDir} không trống. Phục hồi không bao giờ ghi đè dữ liệu: hãy đặt DATA_DIR tới một thư mục trống.`);
  }
  if (config.DATABASE_URL) await assertDatabaseEmpty(config.DATABASE_URL);
  const aipDir = aipDirOf(config);
  if (m.aip && !aipAreaEmpty(aipDir)) {
    throw refuse('TARGET_NOT_EMPTY', `Vùng lưu trữ AIP đích ${aipDir} không trống. Phục hồi không bao giờ ghi đè dữ liệu: hãy dùng thư mục trống.`);
  }
  const blobs = opts.blobs ?? createBlobStore(config);
  await assertStoreEmpty(blobs);

  // Held for the whole restore so a server cannot start on the half-built directory.
  let lock = null;
  if (m.database.kind === 'pglite') {
    fs.mkdirSync(config.dbDir, { recursive: true });
    lock = acquireDirLock(config.dbDir);
  }
  const written: string[] = [];
  try {
    await copyObjectsIn(blobs, dir, m.objects.items, written);
    if (m.aip) await copyAipIn(dir, m.aip, aipDir);
    const dbFile = path.join(dir, m.database.file);
    if (m.database.kind === 'pglite') {
      await restorePglite(dbFile, config.dbDir, cancelBackupJobs);
      // The snapshot carries the lock file of the process it was taken in.
      fs.rmSync(path.join(config.dbDir, '.kho-luu-tru.lock'), { force: true });
    } else {
      await restorePostgres(dbFile, config.DATABASE_URL!);
      const db = await openPostgres(config.DATABASE_URL!, 1);
      await cancelBackupJobs(db).finally(() => db.close());
    }
  } catch (err) {
    for (const key of written) await blobs.delete(key).catch(() => {});
    if (m.aip) removeAipArea(aipDir);
    if (m.database.kind === 'pglite') fs.rmSync(config.dbDir, { recursive: true, force: true });
    throw err;
  } finally {
    lock?.release();
  }
  const known = knownMigrations();
  const have = new Set(m.schema.migrations);
  return {
    databaseKind: m.database.kind,
    objects: m.objects.count,
    aipFiles: m.aip?.items.length ?? 0,
    schemaVersion: m.schema.version,
    pendingMigrations: known.filter((x) => !have.has(x)),
    totalMs: Math.round(performance.now() - t0),
  };
}
