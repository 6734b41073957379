import type { Logger } from 'pino';
import type { Clock } from './core/time/index.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { JobQueue } from './core/job-queue.js';

/** What every service receives explicitly; nothing reads globals. */
export interface Deps {
  db: Db;
  config: Config;
  log: Logger;
  /** Injectable "now", so deadline and lateness logic is testable for any date. */
  clock: Clock;
  /** Object storage (masters, derivatives): filesystem or S3, chosen by config. */
  blobs: BlobStore;
  /** Durable jobs (pg-boss in the same database); send() joins the current db.transaction(). */
  jobs: JobQueue;
}
