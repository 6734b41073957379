import crypto from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Db } from '../../server/db/db.js';

export type Query = (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

async function withAdmin<T>(url: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn((sql, params) => c.query(sql, params as unknown[]));
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drops a test database without signalling backends we do not own. `DROP … WITH (FORCE)` terminates every session
 * on the database, and fails ("must be a member of the role whose process is being terminated or member of
 * pg_signal_backend") when one of them is an autovacuum worker after heavy writes. So: terminate only our own role's
 * sessions, then plain DROP, retried with a short wait while an autovacuum worker (which gives way within moments)
 * or a closing session still holds the database.
 */
export async function dropTestDatabase(url: string, name: string, opts: DropOptions = {}): Promise<void> {
  await withAdmin(url, (q) => dropDatabaseWith(q, name, opts));
}

export interface DropOptions {
  attempts?: number;
  waitMs?: number;
}

/** The drop loop over any query function (the server's, or a stand-in that plays a foreign backend in a test). */
export async function dropDatabaseWith(q: Query, name: string, opts: DropOptions = {}): Promise<void> {
  const attempts = opts.attempts ?? 20;
  const waitMs = opts.waitMs ?? 250;
  for (let i = 1; ; i++) {
    await q(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND usename = current_user`,
      [name],
    );
    try {
      await q(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (err) {
      // 55006 object_in_use: another session (autovacuum, a connection still closing) is on the database.
      if ((err as { code?: string }).code !== '55006' || i >= attempts) throw err;
      await sleep(waitMs);
    }
  }
}

/**
 * A new, empty database on the PostgreSQL server named by `url` (the role needs CREATEDB), so test files
 * and benchmarks never share state. drop() removes it, closing any connection left open.
 */
export async function freshPostgresDatabase(url: string, prefix: string, poolSize = 5): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(url, (q) => q(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), poolSize);
  return { db, drop: () => dropTestDatabase(url, name) };
}
