/**
 * The embedded database in its own thread (see pglite-thread.ts). PGlite runs PostgreSQL compiled to WASM: every
 * query is synchronous CPU on whichever thread owns it. Here that is this worker, so the server's event loop stays
 * free for HTTP, JSON and validation while SQL runs on the other core. PGlite's own mutex still serialises queries.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types as pgliteTypes, type Transaction } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** The fields of a PostgreSQL error the app reads (code → AppError, constraint names, details for logs). */
const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where'] as const;

function serialiseError(err: unknown) {
  const e = err as Record<string, unknown> & Error;
  const out: Record<string, unknown> = { message: e?.message ?? String(err), name: e?.name };
  for (const f of ERROR_FIELDS) if (e?.[f] !== undefined) out[f] = e[f];
  return out;
}

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string | null };
const parsers = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.NUMERIC]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
};

class Rollback extends Error {}

try {
  const lite = await PGlite.create(dataDir ?? 'memory://', { extensions: { unaccent, pg_trgm }, parsers });
  const open = new Map<number, { tx: Transaction; finish: (commit: boolean) => void; done: Promise<void> }>();
  let nextTx = 1;

  const reply = (id: number, value: unknown, transfer: ArrayBuffer[] = []) => port.postMessage({ id, ok: true, value }, transfer);
  const fail = (id: number, err: unknown) => port.postMessage({ id, ok: false, error: serialiseError(err) });

  async function handle(m: Request) {
    switch (m.op) {
      case 'query': {
        const target = m.tx === undefined ? lite : open.get(m.tx)?.tx;
        if (!target) throw new Error('transaction is no longer open');
        return reply(m.id, (await target.query(m.sql, m.params)).rows);
      }
      case 'exec':
        await lite.exec(m.sql);
        return reply(m.id, null);
      case 'begin': {
        const txId = nextTx++;
        // PGlite's transaction() holds its lock until the callback ends: the callback waits for the 'end' message.
        let started!: () => void;
        const begun = new Promise<void>((r) => (started = r));
        const done = lite
          .transaction(async (tx) => {
            const commit = await new Promise<boolean>((finish) => {
              open.set(txId, { tx, finish, done });
              started();
            });
            if (!commit) throw new Rollback();
          })
          .then(() => undefined, (err) => {
            if (!(err instanceof Rollback)) throw err;
          })
          .finally(() => open.delete(txId));
        // A BEGIN that fails (closed database) rejects `done` before `begun` resolves.
        await Promise.race([begun, done]);
        return reply(m.id, txId);
      }
      case 'end': {
        const t = open.get(m.tx);
        if (!t) throw new Error('transaction is no longer open');
        t.finish(m.commit);
        await t.done;
        return reply(m.id, null);
      }
      case 'dump': {
        const buf = await (await lite.dumpDataDir('none')).arrayBuffer();
        return reply(m.id, buf, [buf]);
      }
      case 'close':
        await lite.close();
        return reply(m.id, null);
    }
  }

  port.on('message', (m: Request) => void handle(m).catch((err) => fail(m.id, err)));
  port.postMessage({ id: 0, ok: true, value: 'ready' });
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: serialiseError(err) });
}
