/**
 * npm run backup — one dated, checksummed backup set in BACKUP_DIR (default DATA_DIR/backups): the database
 * (PGlite snapshot, or pg_dump with DATABASE_URL) and every object of the store. When a running server holds the
 * embedded data dir, the backup is made by that server (BACKUP_ADMIN_PASSWORD needed); see README "Sao lưu và phục hồi".
 * Exit 0 done, 1 failed, 2 refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { openPglite, openPostgres, type Db } from '../server/db/db.js';
import { DirLockedError } from '../server/db/dir-lock.js';
import { createBlobStore } from '../storage/create-blob-store.js';
import { createBackup, type BackupSummary } from '../server/backup/backup.service.js';
import { backupThroughServer, RemoteBackupError } from '../server/backup/remote-client.js';
import { AppError } from '../server/core/app-error.js';

const config = loadConfigOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const log = createLogger(config);

function report(s: Pick<BackupSummary, 'dir' | 'objects' | 'bytes' | 'pauseMs' | 'totalMs'>): void {
  console.log(
    `Đã sao lưu vào ${s.dir}: ${s.objects} đối tượng, ${(s.bytes / 1_048_576).toFixed(1)} MB, ` +
      `truy vấn tạm dừng ${s.pauseMs} ms, tổng ${(s.totalMs / 1000).toFixed(1)} s.`,
  );
}

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

async function throughServer(pid: number): Promise<void> {
  const password = process.env.BACKUP_ADMIN_PASSWORD;
  const url = process.env.BACKUP_SERVER_URL ?? `http://127.0.0.1:${config.PORT}`;
  if (!password) {
    refuse(
      `Thư mục dữ liệu ${config.dbDir} đang được máy chủ (PID ${pid}) sử dụng; chỉ máy chủ đó chụp được CSDL nhúng. ` +
        `Đặt BACKUP_ADMIN_PASSWORD (và BACKUP_ADMIN_USER nếu không phải "admin") để nhờ máy chủ tại ${url} sao lưu, ` +
        'hoặc gọi POST /api/admin/backups bằng tài khoản quản trị. Không có gì bị thay đổi.',
    );
  }
  try {
    report(await backupThroughServer({ url, username: process.env.BACKUP_ADMIN_USER ?? 'admin', password, log: (l) => console.log(l) }));
  } catch (err) {
    if (err instanceof RemoteBackupError) {
      refuse(`Thư mục dữ liệu ${config.dbDir} đang bị tiến trình PID ${pid} khóa. ${err.message} Không có gì bị thay đổi.`);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  let db: Db;
  if (config.DATABASE_URL) db = await openPostgres(config.DATABASE_URL, 2);
  else {
    if (!fs.existsSync(path.join(config.dbDir, 'PG_VERSION'))) refuse(`Không có cơ sở dữ liệu tại ${config.dbDir}: không có gì để sao lưu (kiểm tra DATA_DIR).`);
    try {
      db = await openPglite(config.dbDir);
    } catch (err) {
      if (err instanceof DirLockedError) return throughServer(err.pid);
      throw err;
    }
  }
  try {
    const blobs = createBlobStore(config);
    await blobs.ensureReady();
    report(await createBackup({ db, blobs, log, config }));
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof AppError) refuse(err.message);
  console.error(`Sao lưu thất bại: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
