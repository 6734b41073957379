import crypto from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Db } from '../../server/db/db.js';

/**
 * A new, empty database on the PostgreSQL server named by `url` (the role needs CREATEDB), so test files
 * and benchmarks never share state. drop() removes it, closing any connection left open.
 */
export async function freshPostgresDatabase(url: string, prefix: string, poolSize = 5): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), poolSize);
  return { db, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
