/**
 * npm run seed:demo — loads the Hưng Yên-like demo data into the configured database (PGlite under
 * DATA_DIR, or DATABASE_URL), through the service's own HTTP API on a private loopback port.
 * Refuses a database that already holds agencies or handovers.
 */
import type { AddressInfo } from 'node:net';
import { loadConfigOrExit } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { connectDatabase } from '../server/db/connect.js';
import type { Db } from '../server/db/db.js';
import { DirLockedError } from '../server/db/dir-lock.js';
import { createApp } from '../server/app.js';
import { ApiClient } from '../server/demo/api-client.js';
import { loadDemoData, DEMO_PASSWORD } from '../server/demo/demo-loader.js';
import { openSystemSession } from '../server/access/system-session.js';
import { openRuntime, runJobs } from '../server/runtime.js';
import { systemClock } from '../server/core/time/index.js';

const config = loadConfigOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const log = createLogger(config);
let db: Db;
try {
  db = await connectDatabase(config);
} catch (err) {
  // The same one-line answer as the server when another process holds the data dir, not a stack trace.
  if (err instanceof DirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
let stopJobs = async () => {};
try {
  // Jobs run here too, so demo scans uploaded through the API get their derivatives and OCR like any upload.
  const runtime = await openRuntime(config, db, log);
  const deps = { db, config, log, clock: systemClock, blobs: runtime.blobs, jobs: runtime.queue.queue };
  const { app, auth, services } = createApp(deps);
  const runner = await runJobs(deps, runtime.queue, { sweeps: false });
  stopJobs = () => runner.stop();
  if (!(await services.demo.isEmpty())) {
    console.error('Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.');
    process.exitCode = 1;
  } else {
    const admin = await auth.ensureInitialAdmin();
    if (admin.password) console.log(`Đã tạo tài khoản quản trị "admin", mật khẩu: ${admin.password}`);
    const [{ id: adminId }] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const session = await openSystemSession(db, adminId);
    const api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, session.cookie, session.csrfToken);
    const t0 = Date.now();
    const summary = await loadDemoData(api, (m) => console.log(m));
    // Let the demo scans' derivatives and OCR finish here, so the demo starts searchable (jobs left over would
    // otherwise run at the next server start).
    for (let left = await runtime.queue.queue.unfinished(), shown = -1; left > 0; left = await runtime.queue.queue.unfinished()) {
      if (left !== shown) console.log(`Đang xử lý ảnh số hóa và OCR: còn ${(shown = left)} tác vụ…`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await session.close();
    server.close();
    console.log(`Xong sau ${((Date.now() - t0) / 1000).toFixed(1)} s: ${summary.agencies} cơ quan, ${summary.handovers} cuộc giao nhận, ${summary.plans} kế hoạch thu.`);
    console.log(`Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}): luutru (lưu trữ viên), coquan.sonoivu (Sở Nội vụ), docgia (độc giả).`);
  }
} finally {
  await stopJobs();
  await db.close();
}
