/**
 * npm run restore -- <backup-dir> — rebuilds the place this environment configures (DATA_DIR, or DATABASE_URL and
 * the MINIO_* bucket), which must be empty, from a backup set, after verifying every checksum. Never overwrites.
 * Exit 0 done, 1 failed, 2 refused (nothing written).
 */
import { loadConfigOrExit } from '../server/config.js';
import { restoreSet, RestoreRefusedError } from '../server/backup/restore.service.js';

const dir = process.argv[2];
if (!dir) {
  console.error('Cách dùng: npm run restore -- <thư-mục-bộ-sao-lưu>   (đích: DATA_DIR, hoặc DATABASE_URL và MINIO_*; phải trống)');
  process.exit(2);
}
const config = loadConfigOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });

try {
  const s = await restoreSet(dir, config);
  const target = config.DATABASE_URL ? 'cơ sở dữ liệu DATABASE_URL' : config.DATA_DIR;
  console.log(
    `Đã phục hồi ${dir} vào ${target}: ${s.objects} đối tượng, lược đồ ${s.schemaVersion}, ${(s.totalMs / 1000).toFixed(1)} s.` +
      (s.pendingMigrations.length ? ` Lần khởi động tới sẽ nâng lược đồ: ${s.pendingMigrations.join(', ')}.` : ''),
  );
} catch (err) {
  if (err instanceof RestoreRefusedError) {
    console.error(`Từ chối phục hồi (${err.code}): ${err.message}`);
    process.exit(2);
  }
  console.error(`Phục hồi thất bại: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
