/**
 * `npm run worker`: a process that only runs jobs (OCR, derivatives, sweeps) against the same PostgreSQL database
 * as the server — the way to scale OCR out. Run the server with OCR_IN_SERVER=false to leave OCR to workers.
 * Embedded PGlite is single-process (its data dir is locked by the server), so it is refused.
 */
import path from 'node:path';
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { connectDatabase } from './db/connect.js';
import { openRuntime, runJobs } from './runtime.js';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from './integrity/temp-sweep.js';
import { systemClock } from './core/time/index.js';

const PGLITE_REFUSAL =
  'Tiến trình worker chỉ chạy với PostgreSQL (đặt DATABASE_URL). Với PGlite nhúng, máy chủ tự chạy tác vụ (OCR_IN_SERVER=true).\n' +
  'The worker needs PostgreSQL (set DATABASE_URL): the embedded PGlite database is locked by the server process, which runs the jobs itself.';

async function main() {
  const config = loadConfigOrExit();
  if (!config.DATABASE_URL) {
    console.error(PGLITE_REFUSAL);
    process.exit(2);
  }
  const log = createLogger(config);
  const db = await connectDatabase(config);
  const runtime = await openRuntime(config, db, log);
  // Other processes (the server, other workers) may share DATA_DIR here: only temp files old enough to be a dead one's.
  await sweepTempFiles(path.join(config.DATA_DIR, 'tmp'), { olderThanMs: TEMP_FILE_MAX_AGE_MS, log });
  const deps = { db, config, log, clock: systemClock, blobs: runtime.blobs, jobs: runtime.queue.queue };
  const runner = await runJobs(deps, runtime.queue);
  const msg = `Worker đang chạy: ${runner.ocrWorkers} luồng OCR (PostgreSQL)`;
  log.info(msg);
  console.log(msg);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker đang dừng (chờ tác vụ đang chạy xong)');
    await runner.stop().catch((err) => log.error({ err }, 'dừng bộ chạy tác vụ lỗi'));
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
