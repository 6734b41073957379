/**
 * What a backup set and the two commands refuse: a tampered set, a manifest edited by hand, a schema from a newer
 * release, a target that is not empty, a second backup at the same time; and the command-line paths (restore's exit
 * code, backup through a running server that holds the data dir, and its refusal when none answers), retention and
 * the schedule's due check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive } from '../digitization/digitization-fixtures.js';
import { createBackup, listSets } from '../../../server/backup/backup.service.js';
import { enqueueDueBackup } from '../../../server/backup/backup.jobs.js';
import { restoreSet, RestoreRefusedError } from '../../../server/backup/restore.service.js';
import { MANIFEST, MANIFEST_SUM, sha256 } from '../../../server/backup/manifest.js';
import { createBlobStore } from '../../../storage/create-blob-store.js';
import { emptyTarget, type Target } from './backup-support.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const log = pino({ level: 'silent' });
let t: TestApp;
let root: string;
let setDir: string;
const targets: Target[] = [];
const scratch: string[] = [];

function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(d);
  return d;
}

function backupDeps(keep = 10) {
  return { db: t.db, blobs: t.blobs, log, config: { ...t.config, BACKUP_DIR: root, BACKUP_KEEP: keep } };
}

/** A copy of the good set, changed by `edit`. */
function copyOfSet(edit: (dir: string) => void): string {
  const dir = path.join(tmp('kho-set-'), 'set');
  fs.cpSync(setDir, dir, { recursive: true });
  edit(dir);
  return dir;
}

async function target(): Promise<Target> {
  const tg = await emptyTarget();
  targets.push(tg);
  return tg;
}

async function refusal(dir: string, tg: Target): Promise<RestoreRefusedError> {
  const err = await restoreSet(dir, tg.config).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RestoreRefusedError);
  return err as RestoreRefusedError;
}

function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const { DATABASE_URL: _omit, ...base } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...base, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  root = tmp('kho-backups-');
  t = await startTestApp({ BACKUP_DIR: root });
  await archive(t, [{ notation: 'HS-01' }, { notation: 'HS-02' }]);
  await t.blobs.put('exports/bao-cao.txt', Buffer.from('Báo cáo năm 2026'), { contentType: 'text/plain; charset=utf-8', metadata: { 'ten-tep': 'Báo cáo' } });
  // A packaged AIP in the filesystem write-once area (outside the object store), as the vault leaves it.
  const pkg = path.join(t.config.DATA_DIR, 'aip', 'AIP_hoso-thu');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'AIP_hoso-thu.zip'), 'PK gói thử');
  fs.chmodSync(path.join(pkg, 'AIP_hoso-thu.zip'), 0o444);
  fs.chmodSync(pkg, 0o555);
  setDir = (await createBackup(backupDeps())).dir;
}, 120_000);

afterAll(async () => {
  await t?.close();
  for (const tg of targets) await tg.cleanup();
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

describe('restore refuses what it cannot trust, and writes nothing', () => {
  it('when one object of the set was changed, then restore refuses with a checksum mismatch and the target stays empty', async () => {
    const bad = copyOfSet((d) => fs.appendFileSync(path.join(d, 'objects/exports/bao-cao.txt'), '!'));
    const tg = await target();
    const err = await refusal(bad, tg);
    expect(err.code).toBe('BACKUP_CHECKSUM_MISMATCH');
    expect(err.message).toMatch(/không khớp tổng kiểm tra/);
    expect(fs.existsSync(tg.config.dbDir) && fs.readdirSync(tg.config.dbDir).length).toBeFalsy();
    const keys = [];
    for await (const o of createBlobStore(tg.config).list('')) keys.push(o.key);
    expect(keys).toEqual([]);
  });

  it('when an AIP file of the set was changed, then restore refuses with a checksum mismatch and writes no AIP', async () => {
    const bad = copyOfSet((d) => {
      const f = path.join(d, 'aip/AIP_hoso-thu/AIP_hoso-thu.zip');
      fs.chmodSync(f, 0o644);
      fs.appendFileSync(f, '!');
    });
    const tg = await target();
    expect((await refusal(bad, tg)).code).toBe('BACKUP_CHECKSUM_MISMATCH');
    expect(fs.existsSync(path.join(tg.dataDir, 'aip'))).toBe(false);
  });

  it('when the manifest (re-signed) sends an AIP file outside the area, then restore refuses it as unsafe', async () => {
    const bad = copyOfSet((d) => {
      const f = path.join(d, MANIFEST);
      const m = JSON.parse(fs.readFileSync(f, 'utf8'));
      expect(m.aip.items.map((i: { path: string }) => i.path)).toEqual(['AIP_hoso-thu/AIP_hoso-thu.zip']);
      m.aip.items[0].path = '../ngoai/AIP_hoso-thu.zip';
      const text = `${JSON.stringify(m, null, 2)}\n`;
      fs.writeFileSync(f, text);
      fs.writeFileSync(path.join(d, MANIFEST_SUM), `${sha256(text)}  ${MANIFEST}\n`);
    });
    const tg = await target();
    expect((await refusal(bad, tg)).code).toBe('BACKUP_PATH_UNSAFE');
    expect(fs.existsSync(path.join(tg.dataDir, 'ngoai'))).toBe(false);
  });

  it('when the target AIP area is not empty, then restore refuses and leaves it alone', async () => {
    const tg = await target();
    const mine = path.join(tg.dataDir, 'aip', 'goi-cua-toi.zip');
    fs.mkdirSync(path.dirname(mine), { recursive: true });
    fs.writeFileSync(mine, 'gói đang dùng');
    const err = await refusal(setDir, tg);
    expect(err.code).toBe('TARGET_NOT_EMPTY');
    expect(err.message).toMatch(/Vùng lưu trữ AIP đích/);
    expect(fs.readdirSync(path.dirname(mine))).toEqual(['goi-cua-toi.zip']);
    expect(fs.existsSync(path.join(tg.config.dbDir, 'PG_VERSION'))).toBe(false);
  });

  it('when the set is restored, then the AIP comes back with its bytes and read-only modes', async () => {
    const tg = await target();
    await restoreSet(setDir, tg.config);
    const f = path.join(tg.dataDir, 'aip/AIP_hoso-thu/AIP_hoso-thu.zip');
    expect(fs.readFileSync(f, 'utf8')).toBe('PK gói thử');
    expect(fs.statSync(f).mode & 0o777).toBe(0o444);
    expect(fs.statSync(path.dirname(f)).mode & 0o777).toBe(0o555);
  }, 120_000);

  it('when the database file was changed, then restore refuses before touching the target', async () => {
    const bad = copyOfSet((d) => {
      const f = path.join(d, onPostgres ? 'database/postgres.dump' : 'database/pglite-data.tar.gz');
      const buf = fs.readFileSync(f);
      buf[buf.length >> 1] ^= 0xff;
      fs.writeFileSync(f, buf);
    });
    expect((await refusal(bad, await target())).code).toBe('BACKUP_CHECKSUM_MISMATCH');
  });

  it('when the manifest was edited without its checksum, then restore refuses it', async () => {
    const bad = copyOfSet((d) => {
      const f = path.join(d, MANIFEST);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"appVersion"', '"appVersion" '));
    });
    expect((await refusal(bad, await target())).code).toBe('MANIFEST_CHECKSUM');
  });

  it('when the set carries a schema migration this release does not know, then restore refuses it as from a newer release', async () => {
    const newer = copyOfSet((d) => {
      const f = path.join(d, MANIFEST);
      const m = JSON.parse(fs.readFileSync(f, 'utf8'));
      m.schema.migrations.push('9999_future.sql');
      m.schema.version = '9999_future.sql';
      const text = `${JSON.stringify(m, null, 2)}\n`;
      fs.writeFileSync(f, text);
      fs.writeFileSync(path.join(d, MANIFEST_SUM), `${sha256(text)}  ${MANIFEST}\n`);
    });
    const err = await refusal(newer, await target());
    expect(err.code).toBe('SCHEMA_UNKNOWN');
    expect(err.message).toMatch(/phiên bản mới hơn/);
  });

  it('when the target store already holds an object, then restore refuses and leaves that object alone', async () => {
    const tg = await target();
    const store = createBlobStore(tg.config);
    await store.ensureReady();
    await store.put('exports/cua-toi.txt', Buffer.from('dữ liệu đang dùng'));
    const err = await refusal(setDir, tg);
    expect(err.code).toBe('TARGET_NOT_EMPTY');
    expect(fs.existsSync(path.join(tg.config.dbDir, 'PG_VERSION'))).toBe(false);
    expect((await store.stat('exports/cua-toi.txt'))?.size).toBe(Buffer.byteLength('dữ liệu đang dùng'));
    expect(await store.stat('exports/bao-cao.txt')).toBeNull();
  });

  it('when the set is restored twice into the same place, then the second run refuses (never overwrites)', async () => {
    const tg = await target();
    await restoreSet(setDir, tg.config);
    expect((await refusal(setDir, tg)).code).toBe('TARGET_NOT_EMPTY');
  }, 120_000);

  it('when nothing holds a restored place, then npm run backup backs it up itself into a set that verifies', async () => {
    const tg = await target();
    await restoreSet(setDir, tg.config);
    const again = tmp('kho-backups-cli-');
    const r = await runScript('scripts/backup.ts', [], { ...tg.env, BACKUP_DIR: again });
    expect(r.code, r.out).toBe(0);
    const [name] = listSets(again);
    expect(r.out).toContain(`Đã sao lưu vào ${path.join(again, name)}`);
    const copy = await target();
    await restoreSet(path.join(again, name), copy.config);
    const keys = [];
    for await (const o of createBlobStore(copy.config).list('')) keys.push(o.key);
    expect(keys).toEqual(['exports/bao-cao.txt']);
  }, 180_000);

  it('when npm run restore is given a tampered set, then it exits 2 with a Vietnamese message', async () => {
    const bad = copyOfSet((d) => fs.appendFileSync(path.join(d, 'objects/exports/bao-cao.txt'), '!'));
    const tg = await target();
    const r = await runScript('scripts/restore.ts', [bad], tg.env);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toMatch(/Từ chối phục hồi \(BACKUP_CHECKSUM_MISMATCH\)/);
  }, 120_000);
});

describe('backups side by side, retention and schedule', () => {
  it('when a second backup starts while one runs, then it is refused as busy and the first completes', async () => {
    const [a, b] = await Promise.allSettled([createBackup(backupDeps()), createBackup(backupDeps())]);
    const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'done' : (r.reason as { code?: string }).code));
    expect(outcomes.sort()).toEqual(['BACKUP_RUNNING', 'done']);
  }, 120_000);

  it('when BACKUP_KEEP sets exist and another is made, then the oldest is deleted and the newest kept', async () => {
    await createBackup(backupDeps(2));
    const newest = await createBackup(backupDeps(2));
    const sets = listSets(root);
    expect(sets).toHaveLength(2);
    expect(sets[0]).toBe(newest.name);
    expect(fs.existsSync(setDir)).toBe(false);
    setDir = newest.dir;
  }, 120_000);

  it('when the newest set is younger than BACKUP_INTERVAL_HOURS, then no backup is sent; when older, one is', async () => {
    const sent: string[] = [];
    const jobs = { send: async (name: string) => (sent.push(name), 'id'), counts: async () => ({ queued: 0, active: 0, failed: 0 }) };
    const config = { DATA_DIR: t.config.DATA_DIR, BACKUP_DIR: root, BACKUP_INTERVAL_HOURS: 24 };
    expect(await enqueueDueBackup(config, jobs, new Date(Date.now() + 3_600_000))).toBe(false);
    expect(await enqueueDueBackup(config, jobs, new Date(Date.now() + 25 * 3_600_000))).toBe(true);
    expect(sent).toEqual(['backup.create']);
  });
});

// Only the embedded database is locked to one process; with DATABASE_URL the command runs pg_dump itself.
describe.skipIf(onPostgres)('npm run backup while a server holds the embedded data dir', () => {
  function lockedDataDir(): string {
    const dataDir = tmp('kho-locked-');
    fs.mkdirSync(path.join(dataDir, 'db'));
    fs.writeFileSync(path.join(dataDir, 'db', 'PG_VERSION'), '17\n');
    // The test process plays the server: alive, and not the command's own PID.
    fs.writeFileSync(path.join(dataDir, 'db', '.kho-luu-tru.lock'), `${process.pid}\n`);
    return dataDir;
  }

  it('when no server answers, then it refuses with exit 2 and says why', async () => {
    const r = await runScript('scripts/backup.ts', [], { DATA_DIR: lockedDataDir(), BACKUP_ADMIN_PASSWORD: 'x', BACKUP_SERVER_URL: 'http://127.0.0.1:9' });
    expect(r.code, r.out).toBe(2);
    expect(r.out).toMatch(new RegExp(`PID ${process.pid}.*Không có máy chủ trả lời`, 's'));
  }, 60_000);

  it('when the server answers and the admin password is given, then the server makes the set', async () => {
    await t.startJobs();
    await t.as('admin', { username: 'quan-tri-sao-luu' });
    const before = new Set(listSets(root));
    const r = await runScript('scripts/backup.ts', [], {
      DATA_DIR: lockedDataDir(), BACKUP_SERVER_URL: t.baseUrl, BACKUP_ADMIN_USER: 'quan-tri-sao-luu', BACKUP_ADMIN_PASSWORD: 'mat-khau-thu-nghiem',
    });
    expect(r.code, r.out).toBe(0);
    const made = listSets(root).filter((n) => !before.has(n));
    expect(made).toHaveLength(1);
    expect(r.out).toContain(path.join(root, made[0]));
  }, 120_000);
});
