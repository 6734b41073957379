/**
 * Starts the real app for a benchmark: on-disk PGlite in a temp dir (the embedded default), or a fresh
 * database on the server named by DATABASE_URL. Loopback only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { openPglite, type Db } from '../../server/db/db.js';
import { freshPostgresDatabase } from '../../test/support/fresh-database.js';
import { migrate } from '../../server/db/migrate.js';
import { createApp } from '../../server/app.js';
import { ApiClient } from '../../server/demo/api-client.js';
import { openRuntime, runJobs } from '../../server/runtime.js';
import { systemClock } from '../../server/core/time/index.js';
import type { RunnerOptions } from '../../server/jobs/runner.js';
import { SYSTEM } from '../../server/core/actor.js';

export type Backend = 'pglite' | 'postgres';

/**
 * jobs: run the job runner in-process (e.g. `{ only: ['page.derivatives'] }` to leave OCR out).
 * pgliteThread: false opens PGlite on the main thread (the pre-worker layout), for before/after comparisons.
 */
export async function startBenchApp(backend: Backend, env: Record<string, string> = {}, opts: { jobs?: boolean | Partial<RunnerOptions>; pgliteThread?: boolean } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT: '100000', ...env });
  let db: Db;
  let drop = async () => {};
  if (backend === 'postgres') {
    ({ db, drop } = await freshPostgresDatabase(process.env.DATABASE_URL!, 'kho_bench', 10));
  } else {
    db = await openPglite(config.dbDir, { thread: opts.pgliteThread });
  }
  await migrate(db);
  const log = pino({ level: 'silent' });
  const runtime = await openRuntime(config, db, log);
  const deps = { db, config, log, clock: systemClock, blobs: runtime.blobs, jobs: runtime.queue.queue };
  const app = createApp(deps);
  const runner = opts.jobs
    ? await runJobs(deps, runtime.queue, { sweeps: false, pollingIntervalSeconds: 0.5, ...(typeof opts.jobs === 'object' ? opts.jobs : {}) })
    : null;
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const password = 'mat-khau-bench-123';
  await app.auth.createUser(SYSTEM, { username: 'bench', displayName: 'Bench', password, role: 'admin' });
  const api = new ApiClient(baseUrl);
  await api.login('bench', password);
  return {
    ...app,
    db,
    baseUrl,
    api,
    blobs: runtime.blobs,
    jobs: runtime.queue.queue,
    /** Resolves when no job is queued, retrying or active. */
    async drainJobs(timeoutMs = 600_000) {
      const until = Date.now() + timeoutMs;
      for (let zeros = 0; zeros < 2; ) {
        const left = await runtime.queue.queue.unfinished();
        zeros = left === 0 ? zeros + 1 : 0;
        if (Date.now() > until) throw new Error(`drainJobs: ${left} job(s) still unfinished after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await (runner ? runner.stop() : runtime.queue.stop());
      await db.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
