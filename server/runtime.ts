/**
 * Opens the process-wide pieces every entry point needs beyond the database: the object store and the job
 * queue, and (optionally) the in-process job runner. Shared by server/main.ts, server/worker.ts, the test app
 * and the benchmarks so they are wired the same way.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import type { Deps } from './deps.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createBlobStore } from '../storage/create-blob-store.js';
import { createJobQueue, type QueueControl } from './jobs/queue.js';
import { startJobRunner, type JobRunner, type RunnerOptions } from './jobs/runner.js';
import { jobCatalogue, periodicJobs } from './job-catalogue.js';

export interface Runtime {
  blobs: BlobStore;
  queue: QueueControl;
}

/** Store ready (bucket/folder exists; throws BlobUnavailableError if unreachable) and queue schema migrated. */
export async function openRuntime(config: Config, db: Db, log: Logger, opts: { blobs?: BlobStore } = {}): Promise<Runtime> {
  const blobs = opts.blobs ?? createBlobStore(config);
  await blobs.ensureReady();
  const queue = createJobQueue(db, log, jobCatalogue, { expireInSeconds: config.JOB_EXPIRE_SECONDS });
  await queue.start();
  return { blobs, queue };
}

/** Starts workers for every catalogued job in this process, with the OCR pool sized by OCR_WORKERS (0 = cores). */
export async function runJobs(deps: Deps, queue: QueueControl, opts: Partial<RunnerOptions> = {}): Promise<JobRunner> {
  // Loaded here, not at the top: a process that only enqueues never pulls in sharp pipelines or tesseract.js.
  const { jobHandlers } = await import('./job-handlers.js');
  return startJobRunner(deps, queue, {
    handlers: jobHandlers,
    periodic: periodicJobs(deps.config),
    createOcrPool: async (size) => {
      const { createOcrPool } = await import('../ocr/engine/tesseract-pool.js');
      return createOcrPool({ size, log: deps.log, maxPixels: deps.config.MAX_SCAN_PIXELS, engine: deps.config.OCR_ENGINE });
    },
    ...opts,
  });
}
