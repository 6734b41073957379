/**
 * Writes one dated, checksummed backup set: the database (PGlite snapshot or pg_dump) first, then every object. That
 * order is what makes the pair consistent: rows point only at objects written before them (upload order), and only
 * the orphan sweep deletes objects, and only unreferenced ones past a grace period of hours, so every object the
 * snapshot's rows reference is still there when it is copied. The set is built under a hidden `.partial-` name and
 * renamed when complete, so a crashed backup never looks like a set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { acquireDirLock, DirLockedError } from '../db/dir-lock.js';
import { ERRORS } from '../core/errors.js';
import { dumpPostgres, snapshotPglite } from './database-dump.js';
import { copyObjectsOut } from './objects-copy.js';
import { aipDirOf, copyAipOut } from './aip-copy.js';
import { readManifest, setName, sha256File, vnTimestamp, writeManifest, FORMAT, type Manifest } from './manifest.js';
import { APP_VERSION } from './versions.js';

export type BackupDeps = { db: Db; blobs: BlobStore; log: Logger; config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL' | 'BACKUP_DIR' | 'BACKUP_KEEP' | 'ARCHIVE_AIP_DIR'> };

export interface BackupSummary {
  name: string;
  dir: string;
  createdAt: string;
  databaseKind: 'pglite' | 'postgres';
  /** How long queries waited on the snapshot (PGlite); 0 on PostgreSQL. */
  pauseMs: number;
  totalMs: number;
  objects: number;
  bytes: number;
  schemaVersion: string;
  /** The job that made it, when the server made it. */
  jobId?: string;
}

const SET_NAME = /^kho-\d{8}-\d{6}(-\d+)?$/;

export const backupBusy = ERRORS.backupRunning;

export function backupDir(config: Pick<Config, 'DATA_DIR' | 'BACKUP_DIR'>): string {
  return config.BACKUP_DIR ? path.resolve(config.BACKUP_DIR) : path.join(config.DATA_DIR, 'backups');
}

function summaryOf(dir: string, m: Manifest): BackupSummary {
  return {
    name: m.name, dir, createdAt: m.createdAt, databaseKind: m.database.kind, pauseMs: m.database.pauseMs, totalMs: m.timings.totalMs,
    objects: m.objects.count, bytes: m.files.reduce((s, f) => s + f.size, 0), schemaVersion: m.schema.version,
    ...(m.jobId ? { jobId: m.jobId } : {}),
  };
}

export async function createBackup(deps: BackupDeps, opts: { jobId?: string } = {}): Promise<BackupSummary> {
  const root = backupDir(deps.config);
  fs.mkdirSync(root, { recursive: true });
  let lock;
  try {
    lock = acquireDirLock(root);
  } catch (err) {
    if (err instanceof DirLockedError) throw backupBusy();
    throw err;
  }
  try {
    // Leftovers of a crashed run: no other backup can be running while we hold the lock.
    for (const e of fs.readdirSync(root)) if (e.startsWith('.partial-')) fs.rmSync(path.join(root, e), { recursive: true, force: true });
    const now = new Date();
    let name = setName(now);
    for (let i = 2; fs.existsSync(path.join(root, name)); i++) name = `${setName(now)}-${i}`;
    const partial = path.join(root, `.partial-${name}`);
    fs.mkdirSync(path.join(partial, 'database'), { recursive: true });
    try {
      const summary = await writeSet(deps, partial, name, now, opts.jobId);
      const final = path.join(root, name);
      fs.renameSync(partial, final);
      deps.log.info({ backup: name, pauseMs: summary.pauseMs, totalMs: summary.totalMs, objects: summary.objects }, 'đã sao lưu');
      removeOldSets(root, deps.config.BACKUP_KEEP, deps.log);
      return { ...summary, dir: final };
    } catch (err) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw err;
    }
  } finally {
    lock.release();
  }
}

async function writeSet(deps: BackupDeps, dir: string, name: string, now: Date, jobId: string | undefined): Promise<BackupSummary> {
  const t0 = performance.now();
  const pglite = deps.db.kind === 'pglite';
  const dbFile = pglite ? 'database/pglite-data.tar.gz' : 'database/postgres.dump';
  const snap = pglite
    ? await snapshotPglite(deps.db, path.join(dir, dbFile))
    : await dumpPostgres(deps.db, deps.db.url ?? deps.config.DATABASE_URL!, path.join(dir, dbFile));
  const t1 = performance.now();
  const items = await copyObjectsOut(deps.blobs, dir);
  // After the database too: a package row marked done names a package already linked into the area.
  const aip = await copyAipOut(aipDirOf(deps.config), dir);
  const t2 = performance.now();
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: 1,
    name,
    createdAt: vnTimestamp(now),
    appVersion: APP_VERSION,
    ...(jobId ? { jobId } : {}),
    schema: { version: snap.migrations.at(-1) ?? '', migrations: snap.migrations },
    database: {
      kind: deps.db.kind,
      format: pglite ? 'pglite-datadir-tar-gzip' : 'pg_dump-custom',
      file: dbFile,
      ...(snap.serverVersion ? { serverVersion: snap.serverVersion } : {}),
      pauseMs: snap.pauseMs,
      tables: snap.tables,
    },
    objects: { store: deps.blobs.kind, count: items.length, bytes: items.reduce((s, i) => s + i.size, 0), items },
    ...(aip ? { aip } : {}),
    files: [
      { path: dbFile, ...(await sha256File(path.join(dir, dbFile))) },
      ...items.map((i) => ({ path: i.file, size: i.size, sha256: i.sha256 })),
      ...(aip?.items ?? []).map((i) => ({ path: i.file, size: i.size, sha256: i.sha256 })),
    ],
    timings: { totalMs: Math.round(performance.now() - t0), databaseMs: Math.round(t1 - t0), objectsMs: Math.round(t2 - t1) },
  };
  writeManifest(dir, manifest);
  return summaryOf(dir, manifest);
}

/** Complete sets in the folder, newest first (names sort by time). */
export function listSets(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((n) => SET_NAME.test(n) && fs.existsSync(path.join(root, n, 'manifest.json.sha256')))
    .sort((a, b) => compareNames(b, a));
}

function compareNames(a: string, b: string): number {
  const [sa, na] = [a.slice(0, 19), Number(a.slice(20) || 1)];
  const [sb, nb] = [b.slice(0, 19), Number(b.slice(20) || 1)];
  return sa < sb ? -1 : sa > sb ? 1 : na - nb;
}

function removeOldSets(root: string, keep: number, log: Logger): void {
  for (const old of listSets(root).slice(keep)) {
    fs.rmSync(path.join(root, old), { recursive: true, force: true });
    log.info({ backup: old }, 'đã xóa bộ sao lưu cũ theo BACKUP_KEEP');
  }
}

export function listBackups(config: Pick<Config, 'DATA_DIR' | 'BACKUP_DIR'>): Array<BackupSummary & { valid: boolean; problem?: string }> {
  const root = backupDir(config);
  return listSets(root).map((n) => {
    const dir = path.join(root, n);
    const r = readManifest(dir);
    if ('problem' in r) {
      return { name: n, dir, createdAt: '', databaseKind: 'pglite' as const, pauseMs: 0, totalMs: 0, objects: 0, bytes: 0, schemaVersion: '', valid: false, problem: r.problem.message };
    }
    return { ...summaryOf(dir, r.manifest), valid: true };
  });
}

/** When the newest set was made, from its name (Vietnam time), or null when there is none. */
export function newestSetTime(config: Pick<Config, 'DATA_DIR' | 'BACKUP_DIR'>): Date | null {
  const [newest] = listSets(backupDir(config));
  if (!newest) return null;
  const m = /^kho-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(newest)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
}
