/**
 * Starts the real app on port 0 against a real database: PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped on close).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { openPglite, type Db } from '../../server/db/db.js';
import { freshPostgresDatabase } from './fresh-database.js';
import { migrate } from '../../server/db/migrate.js';
import { createApp, type App } from '../../server/app.js';
import { answerClientErrors } from '../../server/http/middleware/client-errors.js';
import { SYSTEM, type Role } from '../../server/core/actor.js';
import { HttpClient } from './http-client.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { openRuntime, runJobs } from '../../server/runtime.js';
import type { DurableQueue, QueueControl } from '../../server/jobs/queue.js';
import type { JobRunner, RunnerOptions } from '../../server/jobs/runner.js';

export interface TestAppOptions {
  /**
   * Run the job runner in-process (derivatives, OCR, integrity) so tests can upload and then `await t.drainJobs()`.
   * Default off: jobs are only enqueued. An object = runner options (e.g. `{ sweeps: true }`).
   */
  jobs?: boolean | Partial<RunnerOptions>;
  /** Use this store instead of the one config selects (filesystem under DATA_DIR/objects, or S3 with MINIO_* env). */
  blobs?: BlobStore;
}

export interface TestApp extends App {
  db: Db;
  config: Config;
  baseUrl: string;
  /** Mutable clock: tests move "now" to check deadlines and lateness. */
  now: { value: Date };
  blobs: BlobStore;
  jobs: DurableQueue;
  /** The in-process runner when started with `{ jobs: true }` or startJobs(), else null. */
  runner: JobRunner | null;
  /** The pg-boss queue behind t.jobs (e.g. to shorten a retry delay in a test). */
  queueControl: QueueControl;
  /** Starts the in-process runner later (when the app was started without `{ jobs: true }`). */
  startJobs(opts?: Partial<RunnerOptions>): Promise<JobRunner>;
  /**
   * Waits until no job is queued, waiting to retry or active (all queues, or one), so every page's derivatives and
   * OCR are stored. Throws after timeoutMs with the counts left. Needs `{ jobs: true }` (or an external worker).
   */
  drainJobs(opts?: { timeoutMs?: number; name?: Parameters<DurableQueue['unfinished']>[0] }): Promise<void>;
  anonymous(): HttpClient;
  /** Creates a user of that role (agency users need agencyId) and returns a logged-in client. */
  as(role: Role, opts?: { agencyId?: number; username?: string }): Promise<HttpClient>;
  close(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  start = new Date('2026-11-22T09:00:00+07:00'),
  opts: TestAppOptions = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT: '1000', RESPONSE_VALIDATION: 'strict', ...env });
  let db: Db;
  let drop = async () => {};
  if (process.env.DATABASE_URL) ({ db, drop } = await freshPostgresDatabase(process.env.DATABASE_URL, 'kho_test'));
  else db = await openPglite(null);
  await migrate(db);
  const now = { value: start };
  const log = pino({ level: 'silent' });
  const runtime = await openRuntime(config, db, log, { blobs: opts.blobs });
  const deps = { db, config, log, clock: () => now.value, blobs: runtime.blobs, jobs: runtime.queue.queue };
  const app = createApp(deps);
  let runner = opts.jobs
    ? await runJobs(deps, runtime.queue, { sweeps: false, pollingIntervalSeconds: 0.5, ...(typeof opts.jobs === 'object' ? opts.jobs : {}) })
    : null;
  const server = app.app.listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    ...app,
    db,
    config,
    baseUrl,
    now,
    blobs: runtime.blobs,
    jobs: runtime.queue.queue,
    get runner() {
      return runner;
    },
    queueControl: runtime.queue,
    async startJobs(o = {}) {
      if (runner) throw new Error('startJobs: the runner is already running');
      runner = await runJobs(deps, runtime.queue, { sweeps: false, pollingIntervalSeconds: 0.5, ...o });
      return runner;
    },
    async drainJobs({ timeoutMs = 180_000, name } = {}) {
      const until = Date.now() + timeoutMs;
      // Two zero readings in a row: a handler may enqueue a follow-up job just as the first one completes.
      for (let zeros = 0; zeros < 2; ) {
        const left = await runtime.queue.queue.unfinished(name);
        zeros = left === 0 ? zeros + 1 : 0;
        if (Date.now() > until) throw new Error(`drainJobs: ${left} job(s) still unfinished after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    anonymous: () => new HttpClient(baseUrl),
    async as(role, opts = {}) {
      const username = opts.username ?? `${role}${++n}`;
      const password = 'mat-khau-thu-nghiem';
      await app.auth.createUser(SYSTEM, { username, displayName: `Người dùng ${username}`, password, role, agencyId: opts.agencyId ?? null });
      const client = new HttpClient(baseUrl);
      await client.login(username, password);
      return client;
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

/** Same as `t.drainJobs()`: waits until every queued/active job has finished. */
export function waitForJobs(t: Pick<TestApp, 'drainJobs'>, opts?: Parameters<TestApp['drainJobs']>[0]): Promise<void> {
  return t.drainJobs(opts);
}
