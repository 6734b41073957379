/**
 * Contract of the durable job queue (pg-boss 10 on the same PostgreSQL / PGlite database).
 * Owner: server/jobs. Domain areas declare their jobs in server/jobs/catalogue.ts (name → zod payload, retry
 * policy) and export their handlers; the runner fails fast at start if a catalogued job has no handler.
 */
import type { Logger } from 'pino';
import type { Deps } from '../deps.js';
import type { OcrPool } from '../../ocr/engine/types.js';

export interface SendOptions {
  /** Only one queued/active job per key (e.g. `ocr:page:42`). */
  singletonKey?: string;
  startAfterSeconds?: number;
  priority?: number;
}

export interface JobQueue {
  /**
   * Enqueues through the current db.transaction() context when there is one, so the job exists iff the rows
   * that need it were committed.
   */
  send(name: string, payload: unknown, opts?: SendOptions): Promise<string | null>;
  /** Counts by state for a job name (for progress and health). */
  counts(name: string): Promise<{ queued: number; active: number; failed: number }>;
}

export interface JobContext {
  deps: Deps;
  jobId: string;
  log: Logger;
  /** The process's OCR worker pool, created on first use. */
  ocr(): Promise<OcrPool>;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;
