import { describe, expect, it } from 'vitest';
import { createYieldGate } from '../../../server/jobs/yield-gate.js';

/** A fake clock: sleep() moves it, so the gate's decisions are checked without real waiting. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('yield gate for background jobs', () => {
  it('when the event loop is quiet, then a job starts at once', async () => {
    const time = fakeTime();
    const gate = createYieldGate({ lagMs: () => 5, ...time });
    expect(await gate.wait()).toBe(0);
  });

  it('when the event loop is busy, then the job waits until it is quiet again', async () => {
    const time = fakeTime();
    const lags = [400, 300, 120, 20];
    const gate = createYieldGate({ lagMs: () => lags.shift() ?? 0, busyMs: 50, checkEveryMs: 250, ...time });
    expect(await gate.wait()).toBe(750);
  });

  it('when the event loop stays busy, then the job still runs after the longest wait', async () => {
    const time = fakeTime();
    const gate = createYieldGate({ lagMs: () => 1000, maxWaitMs: 5000, checkEveryMs: 250, ...time });
    expect(await gate.wait()).toBe(5000);
  });
});
