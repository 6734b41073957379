/**
 * The port through which use cases ask for background work; pg-boss implements it (server/jobs/queue.ts) on the
 * same database, so a job joins the caller's transaction.
 */
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
  /** Every job name the queue knows. */
  names(): string[];
}
