/**
 * Starts the real app on port 0 against a real database: PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped on close).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { openPglite, type Db } from '../../server/db/db.js';
import { freshPostgresDatabase } from './fresh-database.js';
import { migrate } from '../../server/db/migrate.js';
import { createApp, type App } from '../../server/app.js';
import type { Role } from '../../server/http/route.js';
import { HttpClient } from './http-client.js';

export interface TestApp extends App {
  db: Db;
  config: Config;
  baseUrl: string;
  /** Mutable clock: tests move "now" to check deadlines and lateness. */
  now: { value: Date };
  anonymous(): HttpClient;
  /** Creates a user of that role (agency users need agencyId) and returns a logged-in client. */
  as(role: Role, opts?: { agencyId?: number; username?: string }): Promise<HttpClient>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, start = new Date('2026-11-22T09:00:00+07:00')): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT: '1000', ...env });
  let db: Db;
  let drop = async () => {};
  if (process.env.DATABASE_URL) ({ db, drop } = await freshPostgresDatabase(process.env.DATABASE_URL, 'kho_test'));
  else db = await openPglite(null);
  await migrate(db);
  const now = { value: start };
  const app = createApp({ db, config, log: pino({ level: 'silent' }), clock: () => now.value });
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    ...app,
    db,
    config,
    baseUrl,
    now,
    anonymous: () => new HttpClient(baseUrl),
    async as(role, opts = {}) {
      const username = opts.username ?? `${role}${++n}`;
      const password = 'mat-khau-thu-nghiem';
      await app.auth.createUser(null, { username, displayName: `Người dùng ${username}`, password, role, agencyId: opts.agencyId ?? null });
      const client = new HttpClient(baseUrl);
      await client.login(username, password);
      return client;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
