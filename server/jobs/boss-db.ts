/**
 * pg-boss's `db.executeSql` over our Db, for both backends. Every single statement goes through Db.query, which
 * joins the db.transaction() of the current async context: a job sent inside a transaction exists iff it commits.
 * pg-boss's only multi-statement strings are its own `BEGIN; …; COMMIT;` schema blocks (create, migrate):
 * PGlite runs them with exec() on its single connection and we ROLLBACK if one fails, so the connection is not
 * left in an aborted transaction; PostgreSQL runs them on one pooled client through Db.transaction(), whose
 * ROLLBACK on error hits the same connection.
 */
import type { Db } from '../db/db.js';

export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const MULTI_STATEMENT = /^\s*BEGIN\s*;/i;

export function bossDb(db: Db): BossDb {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: await db.query(text, values) };
      if (!MULTI_STATEMENT.test(text)) return { rows: await db.query(text) };
      if (db.kind === 'pglite') {
        try {
          await db.exec(text);
        } catch (err) {
          await db.exec('ROLLBACK').catch(() => {});
          throw err;
        }
      } else {
        await db.transaction((tx) => tx.query(text));
      }
      return { rows: [] };
    },
  };
}
