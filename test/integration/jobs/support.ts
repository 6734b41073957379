/** Shared set-up for the job tests: a real database (PGlite in memory, or a fresh PostgreSQL DB), migrated. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openPglite, type Db } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { loadConfig, type Config } from '../../../server/config.js';
import { freshPostgresDatabase } from '../../support/fresh-database.js';
import { createJobQueue, type QueueControl } from '../../../server/jobs/queue.js';
import { jobCatalogue, type JobHandlers, type JobName } from '../../../server/job-catalogue.js';
import type { Deps } from '../../../server/deps.js';
import type { BlobStore } from '../../../storage/blob-store.js';
import { createBlobStore } from '../../../storage/create-blob-store.js';

export const silent = pino({ level: 'silent' });

export interface JobEnv {
  db: Db;
  config: Config;
  control: QueueControl;
  blobs: BlobStore;
  deps: Deps;
  close(): Promise<void>;
}

export async function openJobEnv(env: Record<string, string> = {}, blobs?: BlobStore): Promise<JobEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-jobs-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  let db: Db;
  let drop = async () => {};
  if (process.env.DATABASE_URL) ({ db, drop } = await freshPostgresDatabase(process.env.DATABASE_URL, 'kho_jobs'));
  else db = await openPglite(null);
  await migrate(db);
  const control = createJobQueue(db, silent, jobCatalogue, { maintenanceIntervalSeconds: 1 });
  await control.start();
  const store = blobs ?? createBlobStore(config);
  await store.ensureReady();
  const deps: Deps = { db, config, log: silent, clock: () => new Date(), blobs: store, jobs: control.queue };
  return {
    db, config, control, blobs: store, deps,
    async close() {
      await control.stop();
      await db.close();
      // DROP DATABASE can collide with other test files creating databases on the shared server: try again once.
      await drop().catch(async () => {
        await new Promise((r) => setTimeout(r, 1000));
        await drop();
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Handlers for every catalogued job; those not overridden fail loudly so a wrong dispatch cannot pass. */
export function handlersWith(overrides: Partial<JobHandlers>): JobHandlers {
  const all = {} as Record<JobName, unknown>;
  for (const name of Object.keys(jobCatalogue) as JobName[]) {
    all[name] = overrides[name] ?? (async () => { throw new Error(`unexpected job ${name}`); });
  }
  return all as JobHandlers;
}

export async function jobStates(db: Db, name: string): Promise<{ state: string; retry_count: number; data: unknown }[]> {
  return db.query(`SELECT state, retry_count, data FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [name]);
}

export async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A received file with one batch, one master of `pages` pages, ready for digitisation rows. */
export async function insertMaster(
  db: Db,
  m: { key: string; sha256: string; size: number; pages?: number; fileNo?: number },
): Promise<{ masterId: number; pageIds: number[]; recordFileId: number }> {
  const n = m.fileNo ?? Math.floor(Math.random() * 1e9);
  const [agency] = await db.query<{ id: number }>(
    `INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    ['CQ-TEST', 'Sở Nội vụ tỉnh Hưng Yên'],
  );
  const [fonds] = await db.query<{ id: number }>(
    `INSERT INTO fonds (code, name, agency_id) VALUES ('PH-TEST', 'Phông Sở Nội vụ', $1) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [agency!.id],
  );
  const [file] = await db.query<{ id: number }>(
    `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule)
     VALUES ($1, $2, $3, 'Hồ sơ thử nghiệm', '2000-12-31', 'Vĩnh viễn', true, 'law2011') RETURNING id`,
    [agency!.id, fonds!.id, `HS-${n}`],
  );
  const [batch] = await db.query<{ id: number }>(`INSERT INTO digitization_batches (fonds_id, record_file_id) VALUES ($1, $2) RETURNING id`, [fonds!.id, file!.id]);
  const [master] = await db.query<{ id: number }>(
    `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
     VALUES ($1, $2, $3, 'trang.png', $4, $5, 'png', $6) RETURNING id`,
    [batch!.id, file!.id, m.key, m.sha256, m.size, m.pages ?? 1],
  );
  const pageIds: number[] = [];
  for (let i = 0; i < (m.pages ?? 1); i++) {
    const [p] = await db.query<{ id: number }>(
      `INSERT INTO pages (record_file_id, batch_id, master_id, master_page, seq, width, height, colour_mode, bit_depth)
       VALUES ($1, $2, $3, $4, $5, 100, 100, 'grey', 8) RETURNING id`,
      [file!.id, batch!.id, master!.id, i, i + 1],
    );
    pageIds.push(p!.id);
  }
  return { masterId: master!.id, pageIds, recordFileId: file!.id };
}
