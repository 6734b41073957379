/**
 * One query layer for both backends: plain SQL with $n parameters, plain rows out.
 * PGlite (embedded, on-disk) when DATABASE_URL is unset, node-postgres otherwise.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { PgliteThread } from './pglite-thread.js';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn inside BEGIN/COMMIT; any throw rolls back. Within fn's async context a nested transaction() joins
   * the outer one and a plain query() runs in it too; concurrent callers get transactions of their own.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * PGlite only: a tarball of the data directory (server/backup). Taken while other queries wait, so it is a
   * crash-consistent snapshot: restoring it is like restarting after a power cut at that instant.
   */
  dumpDataDir?(): Promise<Blob>;
  /** PostgreSQL only: the connection URL, for tools that open their own connection (pg_dump in server/backup). */
  readonly url?: string;
}

// Same JS types from both backends: int8/numeric as numbers (counts and sums stay far below 2^53),
// DATE as 'YYYY-MM-DD' text so no timezone shifts a calendar day.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

/**
 * Ties "the transaction this code runs in" to the async context, not to a process-wide flag: a request
 * that starts a transaction while another request's transaction is open must get its own, never join or skip it.
 */
function withTransactionContext(base: (sql: string, params?: unknown[]) => Promise<unknown[]>, begin: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>) {
  const current = new AsyncLocalStorage<{ tx: Queryable; open: boolean }>();
  return {
    query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const c = current.getStore();
      return (c?.open ? c.tx.query<T>(sql, params) : base(sql, params)) as Promise<T[]>;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const c = current.getStore();
      if (c?.open) return fn(c.tx);
      return begin(async (tx) => {
        const ctx = { tx, open: true };
        try {
          return await current.run(ctx, () => fn(tx));
        } finally {
          // Work left running after commit (fire-and-forget) falls back to the pool, not a finished transaction.
          ctx.open = false;
        }
      });
    },
  };
}

export interface PgliteOptions {
  /**
   * true (default): PGlite runs in a worker thread (pglite-thread.ts), so SQL never blocks the event loop.
   * false: on the calling thread, as before; kept for tools that need the PGlite object's own thread.
   */
  thread?: boolean;
}

export async function openPglite(dataDir: string | null, opts: PgliteOptions = {}): Promise<Db> {
  let lock: DirLock | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
  }
  try {
    return opts.thread === false ? await pgliteInProcess(dataDir, lock) : await pgliteInThread(dataDir, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function pgliteInThread(dataDir: string | null, lock: DirLock | null): Promise<Db> {
  const t = await PgliteThread.open(dataDir);
  const ctx = withTransactionContext(
    (sql, params = []) => t.query(sql, params),
    async (fn) => {
      const tx = await t.call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn({ query: <T>(sql: string, params: unknown[] = []) => t.query<T>(sql, params, tx) });
      } catch (err) {
        await t.call({ op: 'end', tx, commit: false }).catch(() => {});
        throw err;
      }
      await t.call({ op: 'end', tx, commit: true });
      return result;
    },
  );
  return {
    kind: 'pglite',
    query: ctx.query,
    transaction: ctx.transaction,
    async exec(sql) {
      await t.call({ op: 'exec', sql });
    },
    async ping() {
      await t.query('SELECT 1', []);
      return true;
    },
    async close() {
      await t.close();
      lock?.release();
    },
    async dumpDataDir() {
      return new Blob([await t.call<ArrayBuffer>({ op: 'dump' })]);
    },
  };
}

async function pgliteInProcess(dataDir: string | null, lock: DirLock | null): Promise<Db> {
  const lite = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { unaccent, pg_trgm },
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
  });
  const ctx = withTransactionContext(
    async (sql, params = []) => (await lite.query(sql, params as unknown[])).rows,
    (fn) =>
      lite.transaction((tx) =>
        fn({
          async query<T>(sql: string, params: unknown[] = []) {
            return (await tx.query<T>(sql, params as unknown[])).rows;
          },
        }),
      ),
  );
  return {
    kind: 'pglite',
    query: ctx.query,
    transaction: ctx.transaction,
    async exec(sql) {
      await lite.exec(sql);
    },
    async ping() {
      await lite.query('SELECT 1');
      return true;
    },
    async close() {
      await lite.close();
      lock?.release();
    },
    async dumpDataDir() {
      return lite.dumpDataDir('none');
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const ctx = withTransactionContext(
    async (sql, params = []) => (await pool.query(sql, params as unknown[])).rows,
    async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params: unknown[] = []) {
            return (await client.query(sql, params as unknown[])).rows as T[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  );
  const query = ctx.query;
  await query('SELECT 1');
  return {
    kind: 'postgres',
    url,
    query,
    transaction: ctx.transaction,
    async exec(sql) {
      await pool.query(sql);
    },
    async ping() {
      await query('SELECT 1');
      return true;
    },
    async close() {
      await pool.end();
    },
  };
}

export async function one<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params);
  return rows[0];
}
