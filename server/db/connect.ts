import type { Config } from '../config.js';
import { openPglite, openPostgres, type Db } from './db.js';
import { migrate } from './migrate.js';

/** Opens the configured database and brings its schema up to date. */
export async function connectDatabase(config: Pick<Config, 'DATABASE_URL' | 'dbDir'>): Promise<Db> {
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL) : await openPglite(config.dbDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
