/** HTTP entry point: config → logger → database (migrated) → app → listen. */
import type { Server } from 'node:http';
import path from 'node:path';
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { connectDatabase } from './db/connect.js';
import { DirLockedError } from './db/dir-lock.js';
import { createApp } from './app.js';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from './integrity/temp-sweep.js';
import { plainHttpWarning } from './http/middleware/transport.js';
import { answerClientErrors } from './http/middleware/client-errors.js';
import { openRuntime, runJobs } from './runtime.js';
import type { JobRunner } from './jobs/runner.js';
import { BlobUnavailableError } from '../storage/blob-store.js';
import { systemClock } from './core/time/index.js';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config);
  let db;
  try {
    db = await connectDatabase(config);
  } catch (err) {
    if (err instanceof DirLockedError) {
      log.fatal(err.message);
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let runtime;
  try {
    runtime = await openRuntime(config, db, log);
  } catch (err) {
    if (err instanceof BlobUnavailableError) {
      const msg = `Kho đối tượng không truy cập được (object storage unavailable): ${err.message}`;
      log.fatal({ err }, msg);
      console.error(msg);
      await db.close().catch(() => {});
      process.exit(1);
    }
    throw err;
  }
  // Temp files of uploads and jobs a killed process left behind. With PGlite the data dir lock says no other process
  // shares DATA_DIR, so everything there is stale; with PostgreSQL a worker may share it, so only old files go.
  await sweepTempFiles(path.join(config.DATA_DIR, 'tmp'), { olderThanMs: db.kind === 'pglite' ? 0 : TEMP_FILE_MAX_AGE_MS, log });
  const deps = { db, config, log, clock: systemClock, blobs: runtime.blobs, jobs: runtime.queue.queue };
  const { app, auth, services } = createApp(deps);
  // OCR_IN_SERVER=false: this process only enqueues; `npm run worker` processes (PostgreSQL) run the jobs.
  // Jobs here share the cores with the requests: they wait (bounded) while the event loop is busy (server/jobs/yield-gate.ts).
  const runner: JobRunner | null = config.OCR_IN_SERVER ? await runJobs(deps, runtime.queue, { yieldToRequests: {} }) : null;
  const admin = await auth.ensureInitialAdmin();
  if (admin.created) {
    const msg = admin.password
      ? `Lần khởi động đầu: đã tạo tài khoản quản trị "admin" với mật khẩu: ${admin.password} (đổi ngay sau khi đăng nhập)`
      : 'Lần khởi động đầu: đã tạo tài khoản quản trị "admin" với mật khẩu INITIAL_ADMIN_PASSWORD';
    log.warn(msg);
    console.log(msg);
  }
  if (await services.demo.isEmpty()) {
    const hint = 'Cơ sở dữ liệu trống: chạy "npm run seed:demo" hoặc đăng nhập quản trị và bấm "Nạp dữ liệu mẫu".';
    log.info(hint);
    console.log(hint);
  }
  const plainHttp = plainHttpWarning(config);
  if (plainHttp) {
    log.warn(plainHttp);
    console.warn(plainHttp);
  }
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const url = `http://localhost:${config.PORT}`;
    log.info({ url, database: db.kind, dataDir: config.DATA_DIR }, 'Kho Lưu trữ đang chạy');
    console.log(`Kho Lưu trữ đang chạy tại ${url} (CSDL: ${db.kind === 'pglite' ? `PGlite ${config.dbDir}` : 'PostgreSQL'})`);
  });
  answerClientErrors(server);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'đang dừng');
    server.close();
    server.closeAllConnections();
    await (runner ? runner.stop() : runtime.queue.stop()).catch((err) => log.error({ err }, 'dừng hàng đợi lỗi'));
    await db.close().catch((err) => log.error({ err }, 'đóng CSDL lỗi'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
