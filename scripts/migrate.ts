/**
 * npm run migrate — brings the configured database's schema up to date (PGlite under DATA_DIR, taking its lock, or
 * DATABASE_URL) and says what it applied. The server migrates at start-up too; this is for upgrades done ahead of a
 * start, and for checking what a release will change.
 */
import { loadConfigOrExit } from '../server/config.js';
import { openPglite, openPostgres, type Db } from '../server/db/db.js';
import { DirLockedError } from '../server/db/dir-lock.js';
import { migrate } from '../server/db/migrate.js';

const config = loadConfigOrExit();
let db: Db;
try {
  db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL) : await openPglite(config.dbDir);
} catch (err) {
  if (err instanceof DirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite ${config.dbDir}`;
try {
  const applied = await migrate(db);
  if (applied.length === 0) console.log(`Cơ sở dữ liệu (${where}) đã ở phiên bản mới nhất, không có migration nào cần chạy.`);
  else {
    console.log(`Đã áp dụng ${applied.length} migration cho ${where}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
} catch (err) {
  console.error(`Chạy migration thất bại (${where}): ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
