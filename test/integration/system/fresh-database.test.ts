import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dropDatabaseWith, freshPostgresDatabase, type Query } from '../../support/fresh-database.js';

/**
 * Plays PostgreSQL's rules for a database that an autovacuum worker (a backend of another role) is still on for a few
 * moments: terminating it needs pg_signal_backend (so `WITH (FORCE)` fails), a plain DROP reports "in use" until it
 * has gone.
 */
function serverWithAutovacuum(busyFor: number) {
  let foreignLeft = busyFor;
  const sql: string[] = [];
  const q: Query = async (text) => {
    sql.push(text);
    if (/pg_terminate_backend/.test(text)) {
      if (!/usename\s*=\s*current_user/.test(text) && foreignLeft > 0) {
        throw Object.assign(new Error('must be a member of the role whose process is being terminated or member of pg_signal_backend'), { code: '42501' });
      }
      return { rows: [] } as unknown as pg.QueryResult;
    }
    if (/DROP DATABASE/.test(text)) {
      if (/FORCE/i.test(text) && foreignLeft > 0) {
        throw Object.assign(new Error('must be a member of the role whose process is being terminated or member of pg_signal_backend'), { code: '42501' });
      }
      if (foreignLeft-- > 0) throw Object.assign(new Error('database "x" is being accessed by other users'), { code: '55006' });
      return { rows: [] } as unknown as pg.QueryResult;
    }
    throw new Error(`unexpected ${text}`);
  };
  return { q, sql };
}

describe('dropping test databases', () => {
  it('when an autovacuum worker of another role is on the database for a moment, then the drop waits and succeeds without signalling it', async () => {
    const s = serverWithAutovacuum(3);
    await dropDatabaseWith(s.q, 'kho_test_x', { waitMs: 1 });
    expect(s.sql.filter((t) => /DROP/.test(t))).toHaveLength(4);
    expect(s.sql.some((t) => /FORCE/i.test(t))).toBe(false);
  });

  it('when the database stays in use past the retries, then the drop reports it instead of hanging', async () => {
    const s = serverWithAutovacuum(1000);
    await expect(dropDatabaseWith(s.q, 'kho_test_x', { attempts: 3, waitMs: 1 })).rejects.toMatchObject({ code: '55006' });
  });

  // drop() belongs to freshPostgresDatabase: an embedded PGlite test database is in memory and has no server to drop it on.
  it.runIf(!!process.env.DATABASE_URL)('when our own connections are still open, then drop() closes them and removes the database', async () => {
    const url = process.env.DATABASE_URL!;
    const { db, drop } = await freshPostgresDatabase(url, 'kho_droptest');
    await db.query('CREATE TABLE t (x int)');
    const u = new URL(url);
    const name = (await db.query<{ d: string }>('SELECT current_database() AS d'))[0].d;
    u.pathname = `/${name}`;
    const stray = new pg.Client({ connectionString: u.toString() });
    await stray.connect();
    stray.on('error', () => {});
    await drop();
    await db.close().catch(() => {});
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const left = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    await c.end();
    await stray.end().catch(() => {});
    expect(left.rowCount).toBe(0);
  });
});
