/**
 * The query layer's transaction semantics, identical on PGlite and PostgreSQL: concurrent transactions
 * stay separate and atomic, a nested call joins the outer transaction, and a plain db.query made inside a
 * transaction runs in it (on PGlite's single connection it would otherwise wait for itself forever).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.db.query(`CREATE TABLE tx_probe (v text)`);
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const values = async () => (await t.db.query<{ v: string }>(`SELECT v FROM tx_probe ORDER BY v`)).map((r) => r.v);

describe('transactions', () => {
  it('when two transactions overlap and the second fails, then only the first one’s rows remain', async () => {
    await t.db.query(`DELETE FROM tx_probe`);
    const first = t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe VALUES ('a')`);
      await sleep(100);
    });
    await sleep(10);
    const second = t.db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES ('b')`);
        throw new Error('boom');
      })
      .then(() => null, (err: Error) => err);
    await first;
    expect((await second)?.message).toBe('boom');
    expect(await values()).toEqual(['a']);
  });

  it('when a transaction is opened inside another, then it joins the outer one and rolls back with it', async () => {
    await t.db.query(`DELETE FROM tx_probe`);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES ('outer')`);
        await t.db.transaction(async (inner) => inner.query(`INSERT INTO tx_probe VALUES ('inner')`));
        throw new Error('rollback all');
      }),
    ).rejects.toThrow('rollback all');
    expect(await values()).toEqual([]);
  });

  it('when db.query is called inside a transaction, then it sees and shares that transaction', async () => {
    await t.db.query(`DELETE FROM tx_probe`);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES ('x')`);
        expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tx_probe`))[0].n).toBe(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await values()).toEqual([]);
  });
});
