/**
 * One CPU-heavy task in a worker thread, so seconds of pure computation never stall the event loop that answers every
 * other request. One worker per task: a task is rare and long (seconds), so the ~100 ms start costs little, and a
 * crash, an out-of-memory or a hang takes only that worker down — the caller gets a WorkerTaskError, never a hang.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { tsWorker } from './ts-worker.js';

export type WorkerFailure = 'failed' | 'crashed' | 'timeout';

export class WorkerTaskError extends Error {
  constructor(
    readonly kind: WorkerFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkerTaskError';
  }
}

export interface WorkerTaskOptions {
  /** Ends a task that runs longer than this (a bug, or input far beyond what the task was sized for). */
  timeoutMs: number;
  /** Heap bounds of the worker: a runaway task dies alone instead of taking the process's memory. */
  resourceLimits?: ResourceLimits;
}

/**
 * Runs `entry` (a module that reads workerData and posts exactly one message: { ok: true, value } or
 * { ok: false, message }) and resolves with the value.
 */
export function runWorkerTask<T>(entry: URL, data: unknown, opts: WorkerTaskOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = tsWorker(entry, { workerData: data, resourceLimits: opts.resourceLimits });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      // The answer is in; whatever the worker still does (GC, exit handlers) is of no use.
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new WorkerTaskError('timeout', `worker task exceeded ${opts.timeoutMs} ms`))),
      opts.timeoutMs,
    );
    worker.once('message', (m: { ok: true; value: T } | { ok: false; message: string }) =>
      settle(() => (m.ok ? resolve(m.value) : reject(new WorkerTaskError('failed', m.message)))),
    );
    worker.once('error', (err) => settle(() => reject(new WorkerTaskError('crashed', `worker task crashed: ${err.message}`, { cause: err }))));
    worker.once('exit', (code) => settle(() => reject(new WorkerTaskError('crashed', `worker task exited with code ${code} before answering`))));
  });
}
