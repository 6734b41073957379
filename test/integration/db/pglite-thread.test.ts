/**
 * PGlite in a worker thread (server/db/pglite-thread.ts) must look to the app exactly like PGlite on the main thread:
 * the same JS types out, PostgreSQL error fields the error mapping reads, and — when the worker is gone — every call
 * failing as "Connection terminated" (answered 503 by the HTTP layer) instead of hanging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../../../server/db/db.js';
import { PgliteThread } from '../../../server/db/pglite-thread.js';
import { isDatabaseUnavailable } from '../../../server/http/middleware/unavailable.js';

let threaded: Db;
let inProcess: Db;
beforeAll(async () => {
  [threaded, inProcess] = await Promise.all([openPglite(null), openPglite(null, { thread: false })]);
});
afterAll(async () => {
  await threaded?.close();
  await inProcess?.close();
});

const PROBE = `SELECT 42::int8 AS big, 1.5::numeric AS num, DATE '2026-11-22' AS day, TIMESTAMPTZ '2026-11-22T02:00:00Z' AS at,
  '\\x00ff'::bytea AS bytes, '{"a":[1,"hai"]}'::jsonb AS doc, NULL::text AS nothing, ARRAY[1,2]::int[] AS arr, $1::text AS param`;

describe('PGlite in a worker thread', () => {
  it('when the same query runs in the worker and on the main thread, then the rows are equal, types included', async () => {
    const [a] = await threaded.query<Record<string, unknown>>(PROBE, ['Đ']);
    const [b] = await inProcess.query<Record<string, unknown>>(PROBE, ['Đ']);
    expect(a).toEqual(b);
    expect(a.big).toBe(42);
    expect(a.day).toBe('2026-11-22');
    expect(a.at).toBeInstanceOf(Date);
    expect(a.bytes).toBeInstanceOf(Uint8Array);
  });

  it('when a statement violates a constraint, then the error carries the PostgreSQL code and constraint name', async () => {
    await threaded.exec(`CREATE TABLE thread_probe (code text CONSTRAINT thread_probe_code_key UNIQUE)`);
    await threaded.query(`INSERT INTO thread_probe VALUES ('A')`);
    await expect(threaded.query(`INSERT INTO thread_probe VALUES ('A')`)).rejects.toMatchObject({ code: '23505', constraint: 'thread_probe_code_key' });
    await expect(threaded.transaction(async (tx) => tx.query(`INSERT INTO thread_probe VALUES ('A')`))).rejects.toMatchObject({ code: '23505' });
    expect(await threaded.query(`SELECT count(*)::int AS n FROM thread_probe`)).toEqual([{ n: 1 }]);
  });

  it('when a parameter cannot be sent to the worker, then the call fails at once and the next one works', async () => {
    await expect(threaded.query('SELECT $1::text', [() => 1])).rejects.toThrow();
    expect(await threaded.query('SELECT 1::int AS one')).toEqual([{ one: 1 }]);
  });

  it('when the worker dies, then waiting and later calls fail as a lost connection instead of hanging', async () => {
    const t = await PgliteThread.open(null);
    const slow = t.query('SELECT pg_sleep(5)', []);
    await (t as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const err = await slow.catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(err)).toBe(true);
    await expect(t.query('SELECT 1', [])).rejects.toThrow(/Connection terminated/);
    await t.close();
  });
});
