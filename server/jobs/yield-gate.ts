/**
 * Background jobs give way to interactive requests. In the server process (OCR_IN_SERVER) a derivative or OCR job
 * started while a reading room is browsing takes cores the requests need; so before taking the next job, a worker loop
 * looks at the event loop's recent delay and, while it shows the server is busy, waits a little. Bounded: after
 * MAX_WAIT the job runs anyway, so a steady load delays jobs but never starves them.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface YieldGateOptions {
  /** Event-loop delay p99 (ms) over the last window above which the process counts as busy. */
  busyMs?: number;
  /** Longest a job waits for a quiet moment. */
  maxWaitMs?: number;
  /** How often a waiting loop looks again. */
  checkEveryMs?: number;
  /** Recent delay in ms (default: p99 of the event loop over the last window); injectable for tests. */
  lagMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface YieldGate {
  /** Resolves when the process is quiet, or after maxWaitMs; returns how long it waited. */
  wait(): Promise<number>;
  close(): void;
}

const WINDOW_MS = 1000;

/** The p99 of the last full window, so one old spike does not hold jobs back for long. */
function eventLoopLag(): { lagMs: () => number; close: () => void } {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let last = 0;
  const t = setInterval(() => {
    last = h.percentile(99) / 1e6;
    h.reset();
  }, WINDOW_MS);
  t.unref();
  return {
    lagMs: () => last,
    close: () => {
      clearInterval(t);
      h.disable();
    },
  };
}

export function createYieldGate(opts: YieldGateOptions = {}): YieldGate {
  const busyMs = opts.busyMs ?? 50;
  const maxWaitMs = opts.maxWaitMs ?? 15_000;
  const checkEveryMs = opts.checkEveryMs ?? 250;
  const monitor = opts.lagMs ? null : eventLoopLag();
  const lagMs = opts.lagMs ?? monitor!.lagMs;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => performance.now());
  return {
    async wait() {
      const t0 = now();
      while (lagMs() > busyMs && now() - t0 < maxWaitMs) await sleep(checkEveryMs);
      return now() - t0;
    },
    close: () => monitor?.close(),
  };
}
