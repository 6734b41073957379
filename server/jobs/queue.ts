/**
 * The durable queue: pg-boss 10 in schema `pgboss` of our own database (PGlite or PostgreSQL), reached through
 * bossDb() so sends join the caller's transaction. One JobQueue per process; the runner adds workers to it.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { bossDb } from './boss-db.js';
import type { JobCatalogue } from './catalogue.js';
import type { JobQueue, SendOptions } from '../core/job-queue.js';

export interface QueueControl {
  queue: DurableQueue;
  /** The jobs this queue knows: sends of other names are refused; the runner starts workers for these. */
  catalogue: JobCatalogue;
  boss: PgBoss;
  /** Creates/migrates the pgboss schema and the catalogue's queues. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface DurableQueue extends JobQueue {
  /** Jobs not yet finished (queued, waiting to retry, or active), over every queue or one. */
  unfinished(name?: string): Promise<number>;
}

export interface QueueOptions {
  /** How often pg-boss expires crashed jobs and archives old ones; default 30 s (or less with a short expiry). */
  maintenanceIntervalSeconds?: number;
  /** Overrides every catalogued job's expireInSeconds (config JOB_EXPIRE_SECONDS). */
  expireInSeconds?: number;
}

export function createJobQueue(db: Db, log: Logger, catalogue: JobCatalogue, opts: QueueOptions = {}): QueueControl {
  const boss = new PgBoss({
    db: bossDb(db) as PgBoss.Db,
    schema: 'pgboss',
    migrate: true,
    supervise: true,
    schedule: false,
    // Maintenance expires jobs whose process died mid-run (state 'active' past expireIn) so they are retried.
    maintenanceIntervalSeconds:
      opts.maintenanceIntervalSeconds ?? (opts.expireInSeconds ? Math.max(5, Math.min(30, Math.floor(opts.expireInSeconds / 2))) : 30),
  });
  // pg-boss reports background failures (database down during a poll) as events; unhandled they would kill the process.
  boss.on('error', (err) => log.warn({ err }, 'hàng đợi tác vụ: lỗi nền (sẽ thử lại)'));

  const queue: DurableQueue = {
    async send(name: string, payload: unknown, opts: SendOptions = {}) {
      const def = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
      if (!def) throw new Error(`unknown job "${name}": add it to server/job-catalogue.ts`);
      const data = def.payload.parse(payload) as object;
      const singletonKey = opts.singletonKey ?? (def.singletonKey as ((p: unknown) => string) | undefined)?.(data);
      return boss.send(name, data, {
        ...(singletonKey ? { singletonKey } : {}),
        ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
        ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
      });
    },
    async counts(name) {
      const rows = await db.query<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`,
        [name],
      );
      const by = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
      return { queued: (by.created ?? 0) + (by.retry ?? 0), active: by.active ?? 0, failed: by.failed ?? 0 };
    },
    names: () => Object.keys(catalogue),
    async unfinished(name) {
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND ($1::text IS NULL OR name = $1)`,
        [name ?? null],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };

  return {
    queue,
    catalogue,
    boss,
    async start() {
      await boss.start();
      for (const [name, def] of Object.entries(catalogue)) {
        const options = {
          name,
          policy: def.singletonKey ? 'stately' : 'standard',
          retryLimit: def.retryLimit,
          retryDelay: def.retryDelay,
          retryBackoff: def.retryBackoff,
          expireInSeconds: opts.expireInSeconds ?? def.expireInSeconds,
        } as const;
        const existing = await boss.getQueue(name);
        if (existing) await boss.updateQueue(name, options);
        else await boss.createQueue(name, options);
      }
    },
    async stop() {
      await boss.stop({ graceful: true, close: false, timeout: 20_000, wait: true });
    },
  };
}
