/**
 * Upgrade from the previous release: test/fixtures/upgrade holds an embedded data dir made by that release's
 * migrations (see make-fixture.ts and README "Sao lưu và phục hồi"). Opening it with this code must apply exactly
 * the migrations added since, and lose nothing: every table keeps its rows and the sample rows read the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, type Db } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { knownMigrations } from '../../../server/backup/versions.js';
import { appTableCounts } from './backup-support.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/upgrade');
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'fixture.json'), 'utf8')) as {
  release: string;
  migrations: string[];
  counts: Record<string, number>;
  samples: { file_notation: string; title: string }[];
};

let dir: string;
let db: Db;
let applied: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-upgrade-'));
  const tar = zlib.brotliDecompressSync(fs.readFileSync(path.join(FIXTURE, 'pglite-data.tar.br')));
  // Unpacked the way a restore does it, then opened the way the server does (lock, migrate).
  const lite = await PGlite.create(path.join(dir, 'db'), { loadDataDir: new Blob([new Uint8Array(tar)]) });
  await lite.close();
  db = await openPglite(path.join(dir, 'db'));
  applied = await migrate(db);
}, 120_000);

afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The fixture is an embedded (PGlite) data dir; a PostgreSQL upgrade is the same migrations over pg_restore.
describe.skipIf(Boolean(process.env.DATABASE_URL))(`upgrade from the data dir of release ${expected.release.slice(0, 10)}`, () => {
  it('when the old data dir is opened, then exactly the migrations added since that release are applied', async () => {
    const since = knownMigrations().filter((m) => !expected.migrations.includes(m));
    expect(applied).toEqual(since);
    const names = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
    expect(names).toEqual(knownMigrations());
  });

  it('when it has been migrated forward, then every table of that release keeps its rows and the sample rows read the same', async () => {
    const counts = await appTableCounts(db);
    // schema_migrations grows by the migrations applied since; the test above checks it name by name.
    for (const [table, n] of Object.entries(expected.counts)) {
      if (table !== 'public.schema_migrations') expect({ table, n: counts[table] }).toEqual({ table, n });
    }
    expect(counts['public.record_files']).toBe(3);
    const rows = await db.query<{ file_notation: string; title: string }>('SELECT file_notation, title FROM record_files ORDER BY row_no');
    expect(rows).toEqual(expected.samples);
    const [u] = await db.query<{ display_name: string }>(`SELECT display_name FROM users WHERE username = 'luu-tru-vien'`);
    expect(u.display_name).toBe('Nguyễn Thị Lưu');
  });
});
