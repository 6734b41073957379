/**
 * The database half of a backup set. Embedded: PGlite's own data-directory tarball, taken in the running process
 * (the data dir is locked to it), gzipped off the query path. Server: `pg_dump -Fc` run inside an exported
 * REPEATABLE READ snapshot, so the row counts written to the manifest are those of the dump, byte for byte.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable } from '../db/db.js';

export interface DatabaseSnapshot {
  pauseMs: number;
  migrations: string[];
  tables: Record<string, number>;
  serverVersion?: string;
}

export class BackupToolError extends Error {}

/** Row count of every table outside the system schemas, as `schema.table`. */
export async function countTables(q: Queryable): Promise<Record<string, number>> {
  const tables = await q.query<{ s: string; t: string }>(
    `SELECT schemaname AS s, tablename AS t FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const out: Record<string, number> = {};
  for (const { s, t } of tables) {
    const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`);
    out[`${s}.${t}`] = Number(r.n);
  }
  return out;
}

export async function appliedMigrations(q: Queryable): Promise<string[]> {
  return (await q.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
}

function liteOptions(loadDataDir?: Blob) {
  return { extensions: { unaccent, pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) };
}

function liteQueryable(lite: PGlite): Queryable {
  return { query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows };
}

/**
 * Embedded: the pause is the dump call alone (queries wait on PGlite's mutex meanwhile); compression streams after it.
 * The snapshot is then opened in memory, which both proves it starts and gives the exact counts it holds.
 */
export async function snapshotPglite(db: Db, outFile: string): Promise<DatabaseSnapshot> {
  if (!db.dumpDataDir) throw new BackupToolError('Cơ sở dữ liệu nhúng này không hỗ trợ chụp thư mục dữ liệu.');
  // A checkpoint first shortens the WAL the restored copy replays; it runs as an ordinary query.
  await db.query('CHECKPOINT');
  const started = performance.now();
  const tar = await db.dumpDataDir();
  const pauseMs = Math.round(performance.now() - started);
  await pipeline(Readable.fromWeb(tar.stream() as import('node:stream/web').ReadableStream), zlib.createGzip({ level: 6 }), fs.createWriteStream(outFile));
  const copy = await PGlite.create(liteOptions(tar));
  try {
    const q = liteQueryable(copy);
    return { pauseMs, migrations: await appliedMigrations(q), tables: await countTables(q) };
  } finally {
    await copy.close();
  }
}

/** Unpacks a gzipped PGlite tarball into `dir` (absent or empty) and lets `prepare` adjust it before it is closed. */
export async function restorePglite(tarGz: string, dir: string, prepare: (q: Queryable) => Promise<void>): Promise<void> {
  const tar = zlib.gunzipSync(fs.readFileSync(tarGz));
  const lite = await PGlite.create(dir, liteOptions(new Blob([new Uint8Array(tar.buffer, tar.byteOffset, tar.length)])));
  try {
    await prepare(liteQueryable(lite));
  } finally {
    await lite.close();
  }
}

/** libpq settings from a URL, the password moved to PGPASSWORD so it never shows in `ps`. */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('error', (e) =>
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new BackupToolError(`Không tìm thấy lệnh ${cmd}: hãy cài gói postgresql-client-15 (Debian: apt-get install postgresql-client-15).`)
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupToolError(`${cmd} thất bại (mã ${code}): ${err.trim()}`))));
  });
}

async function toolMajor(cmd: string): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let s = '';
    child.stdout.on('data', (d) => (s += d));
    child.on('error', () => reject(new BackupToolError(`Không tìm thấy lệnh ${cmd}: hãy cài gói postgresql-client-15.`)));
    child.on('close', () => resolve(s));
  });
  return Number(/(\d+)\.\d+/.exec(out)?.[1] ?? 0);
}

/** Server mode: pg_dump inside an exported snapshot; the transaction stays open until the dump has read everything. */
export async function dumpPostgres(db: Db, url: string, outFile: string): Promise<DatabaseSnapshot> {
  const [{ server_version: serverVersion }] = await db.query<{ server_version: string }>('SHOW server_version');
  const serverMajor = Number(serverVersion.split('.')[0]);
  const toolVersion = await toolMajor('pg_dump');
  if (toolVersion < serverMajor) {
    throw new BackupToolError(`pg_dump ${toolVersion} cũ hơn máy chủ PostgreSQL ${serverVersion}: hãy cài postgresql-client-${serverMajor}.`);
  }
  const { dbname, env } = libpq(url);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [{ id }] = await tx.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${id}`, `--file=${outFile}`, `--dbname=${dbname}`], env);
    // Nothing waits on a pg_dump (MVCC reads), hence no pause.
    return { pauseMs: 0, serverVersion, migrations: await appliedMigrations(tx), tables: await countTables(tx) };
  });
}

/** Loads a custom-format dump into an empty database, all or nothing. */
export async function restorePostgres(dumpFile: string, url: string): Promise<void> {
  const { dbname, env } = libpq(url);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, dumpFile], env);
}
