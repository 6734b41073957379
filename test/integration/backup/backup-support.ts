/**
 * Helpers for the backup tests: an empty restore target (data dir, or a new database and bucket), the state of a
 * place (row count of every table, SHA-256 of every object), and a free port for a real server process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../../server/config.js';
import type { Queryable } from '../../../server/db/db.js';
import type { BlobStore } from '../../../storage/blob-store.js';
import { countTables } from '../../../server/backup/database-dump.js';
import { dropTestDatabase } from '../../support/fresh-database.js';

export interface Target {
  env: Record<string, string>;
  config: Config;
  dataDir: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

/** An empty place to restore into: a new data dir, plus a new database (and bucket, when s3 env is given). */
export async function emptyTarget(s3?: Record<string, string>): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-restore-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let name: string | null = null;
  const base = process.env.DATABASE_URL;
  if (base) {
    name = `kho_restore_${crypto.randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`).finally(() => c.end());
    const u = new URL(base);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
  }
  if (s3) Object.assign(env, s3, { MINIO_BUCKET: `restored-${crypto.randomBytes(4).toString('hex')}` });
  return {
    env,
    config: loadConfig(env),
    dataDir,
    databaseUrl: env.DATABASE_URL,
    async cleanup() {
      if (base && name) await dropTestDatabase(base, name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of every object outside the staging prefix. */
export async function objectDigests(blobs: BlobStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const { key } of blobs.list('')) {
    if (key.startsWith('tmp/')) continue;
    const h = crypto.createHash('sha256');
    for await (const c of (await blobs.get(key)) as AsyncIterable<Buffer>) h.update(c);
    out[key] = h.digest('hex');
  }
  return out;
}

/** Row counts of the application's tables (schema public), as `public.table`. */
export async function appTableCounts(q: Queryable): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await countTables(q)).filter(([k]) => k.startsWith('public.')));
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** SHA-256 and mode of every file and folder (folders end in "/") of an AIP area, `.staging` left out; {} when absent. */
export function aipTree(dir: string): Record<string, { sha256: string; mode: number }> {
  const out: Record<string, { sha256: string; mode: number }> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (!rel && e.name === '.staging') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, r);
      const mode = fs.statSync(full).mode & 0o777;
      if (e.isDirectory()) {
        out[`${r}/`] = { sha256: '', mode };
        walk(r);
      } else out[r] = { sha256: crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'), mode };
    }
  };
  walk('');
  return out;
}
