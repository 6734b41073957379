/**
 * The shape of a durable job's definition: payload schema (type + validation), retry policy, expiry, singleton key
 * and concurrency. Each area declares its jobs beside their handlers (`*.jobs.ts`); the composition root
 * (server/job-catalogue.ts) gathers them, and the runner refuses to start when a catalogued job has no handler.
 */
import { z } from 'zod';
import type { JobHandler } from './types.js';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  payload: S;
  /** Retries after the first attempt; pg-boss waits retryDelay seconds, doubled each time when retryBackoff. */
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /**
   * An active job older than this is taken as crashed (process killed) and retried. Keep it a few times the
   * longest honest run: it is how a SIGKILL'd worker's job comes back on PostgreSQL (PGlite resets at start).
   */
  expireInSeconds: number;
  /** At most one queued and one active job per key (pg-boss 'stately' queue); absent → unlimited. */
  singletonKey?: (payload: z.infer<S>) => string;
  /** Workers per process: 'ocr' = the OCR pool size (OCR_WORKERS or one per core). */
  concurrency: 'ocr' | number;
}

export const defineJob = <S extends z.ZodType>(d: JobDefinition<S>) => d;

export type JobCatalogue = Record<string, JobDefinition>;
export type JobHandlersOf<C extends JobCatalogue> = { [N in keyof C]: JobHandler<z.infer<C[N]['payload']>> };

/** A job sent on a timer by the runner (sweeps, fixity, backups). */
export interface PeriodicJob {
  everySeconds: number;
  /** Also once at start-up (cheap sweeps); false = first run one interval after boot. */
  atStart: boolean;
  send(queue: { send(name: string, payload: unknown): Promise<string | null> }): Promise<unknown>;
}
