/**
 * Crash recovery of the REAL server process (node --import tsx server/main.ts): SIGKILL during a 50-page upload
 * (10 multi-page TIFFs in one request) and three times during OCR. After each restart: no half-written rows, orphan
 * objects swept, and in the end every page OCR'd and completed exactly once (one 'page.ocr_done' event per page,
 * written by the OCR handler in the same transaction as the text). PGlite on disk by default; a fresh PostgreSQL
 * database when DATABASE_URL is set (there a killed job comes back by expiry: JOB_EXPIRE_SECONDS=20 here).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sharp } from '../../../ocr/image/sharp.js';
import { afterAll, describe, expect, it } from 'vitest';
import { killSpawned, spawnProcess } from '../../support/server-process.js';
import { HttpClient } from '../../support/http-client.js';
import { loadConfig } from '../../../server/config.js';
import { connectDatabase } from '../../../server/db/connect.js';
import type { Db } from '../../../server/db/db.js';

const FILES = 10;
const PAGES_PER_FILE = 5;
const ADMIN_PASSWORD = 'mat-khau-quan-tri-crash';
afterAll(killSpawned);

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

function page(file: number, p: number): Buffer {
  const lines = [`HỒ SƠ SỐ ${file + 1}`, `Trang ${p + 1} Hưng Yên`];
  const text = lines.map((l, i) => `<text x="40" y="${90 + i * 80}" font-family="DejaVu Serif" font-size="52">${l}</text>`).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="260"><rect width="100%" height="100%" fill="white"/>${text}</svg>`);
}

async function scans(): Promise<{ name: string; data: Buffer }[]> {
  const out = [];
  for (let f = 0; f < FILES; f++) {
    const pngs = await Promise.all(Array.from({ length: PAGES_PER_FILE }, (_, p) => sharp(page(f, p)).removeAlpha().greyscale().png().toBuffer()));
    const data = await sharp(pngs, { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
    out.push({ name: `ho-so-${f + 1}.tif`, data });
  }
  return out;
}

describe(`crash recovery of the server process (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-crash-'));
  const objectsDir = path.join(dataDir, 'objects');
  let databaseUrl: string | undefined;
  let port = 0;

  async function adminSql(sql: string) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  /** Direct database access while no server runs (PGlite's dir is locked by a running server). */
  async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await connectDatabase(loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  function start() {
    return spawnProcess({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      COOKIE_SECURE: 'false',
      INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
      OCR_WORKERS: '1',
      FIXITY_INTERVAL_HOURS: '0',
      JOB_EXPIRE_SECONDS: '20',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
  }

  async function login() {
    const c = new HttpClient(`http://127.0.0.1:${port}`);
    const r = await c.login('admin', ADMIN_PASSWORD);
    expect(r.status).toBe(200);
    return c;
  }

  function listFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(objectsDir, path.join(e.parentPath, e.name)));
  }
  const masterObjects = () => listFiles(path.join(objectsDir, 'masters')).filter((k) => !path.basename(k).startsWith('.'));

  async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn().catch(() => undefined);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Invariants that must hold after any crash: no half-written rows, every row's object present. */
  async function checkNoHalfRows(db: Db) {
    const short = await db.query(
      `SELECT m.id FROM masters m LEFT JOIN pages p ON p.master_id = m.id GROUP BY m.id, m.page_count HAVING count(p.id) <> m.page_count`,
    );
    expect(short).toEqual([]);
    const masters = await db.query<{ object_key: string }>(`SELECT object_key FROM masters`);
    for (const m of masters) expect(fs.existsSync(path.join(objectsDir, m.object_key)), m.object_key).toBe(true);
    return masters.map((m) => m.object_key);
  }

  it('when the server is SIGKILLed during a 50-page upload and during OCR, then restarts leave no half rows or orphans and every page is OCR\'d exactly once', async () => {
    port = await freePort();
    if (process.env.DATABASE_URL) {
      const name = `kho_crash_${crypto.randomBytes(5).toString('hex')}`;
      await adminSql(`CREATE DATABASE ${name}`);
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    }
    // A received file to digitise (its rows only matter here), written before the first start.
    const recordFileId = await withDb(async (db) => {
      const [a] = await db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('SNV', 'Sở Nội vụ tỉnh Hưng Yên', 'province') RETURNING id`);
      const [fo] = await db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ('P1', 'Phông Sở Nội vụ', $1) RETURNING id`, [a!.id]);
      const [r] = await db.query<{ id: number }>(
        `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule, received_at)
         VALUES ($1, $2, '01', 'Hồ sơ số hóa thử', '2010-12-31', 'Vĩnh viễn', true, 'law2011_art21', now()) RETURNING id`,
        [a!.id, fo!.id],
      );
      return r!.id;
    });
    const files = await scans();

    // ---- 1. SIGKILL during the upload, as soon as the first master object lands in storage.
    let server = start();
    expect(await server.running, server.output()).toBe(true);
    let admin = await login();
    const b = await admin.post('/api/digitization/batches', { recordFileId, label: 'Đợt thử sự cố' });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const batchId: number = b.body.id;
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)]), f.name);
    const upload = admin.request('POST', `/api/digitization/batches/${batchId}/scans`, undefined, { raw: form }).catch((e: Error) => e);
    await waitFor('a master object', async () => masterObjects().length >= 1, 120_000);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await upload).toBeInstanceOf(Error);

    const before = await withDb(async (db) => {
      const keys = await checkNoHalfRows(db);
      expect(keys.length).toBeLessThan(FILES);
      return keys;
    });
    // What a kill between "blob written" and "row committed" leaves: an object no row references (planted too, so the
    // sweep is exercised even when the kill fell elsewhere).
    const planted = `masters/${recordFileId}/${crypto.randomUUID()}.tif`;
    fs.mkdirSync(path.dirname(path.join(objectsDir, planted)), { recursive: true });
    fs.writeFileSync(path.join(objectsDir, planted), files[0]!.data);
    const orphansBefore = masterObjects().filter((k) => !before.includes(k));
    expect(orphansBefore).toContain(planted);

    server = start();
    expect(await server.running, server.output()).toBe(true);
    admin = await login();
    const sweep = await admin.post('/api/integrity/orphans', { graceSeconds: 0 });
    expect(sweep.status).toBe(202);
    expect(sweep.body.jobId).toBeTruthy();
    await waitFor('the orphan sweep', async () => {
      const r = await admin.get('/api/jobs');
      const j = r.body.items.find((i: { name: string }) => i.name === 'integrity.orphans');
      return j.queued + j.active === 0 && !masterObjects().includes(planted);
    }, 120_000);
    for (const k of orphansBefore) expect(masterObjects()).not.toContain(k);

    // ---- 2. The whole upload again: stored masters are recognised as duplicates, the rest stored → 50 pages.
    const again = new FormData();
    for (const f of files) again.append('files', new Blob([new Uint8Array(f.data)]), f.name);
    const r2 = await admin.request('POST', `/api/digitization/batches/${batchId}/scans`, undefined, { raw: again });
    expect([200, 201], JSON.stringify(r2.body).slice(0, 500)).toContain(r2.status);
    const progress = async () => (await admin.get(`/api/digitization/batches/${batchId}`)).body;
    expect((await progress()).pages).toBe(FILES * PAGES_PER_FILE);

    // ---- 3. SIGKILL three times while OCR is under way (right after a page completes: the worker is on the next).
    for (let kill = 0; kill < 3; kill++) {
      const done0 = (await progress()).ocr.done as number;
      const p = await waitFor('OCR progress', async () => {
        const pr = await progress();
        return pr.ocr.done > done0 ? pr : undefined;
      }, 300_000);
      if (p.ocr.done >= FILES * PAGES_PER_FILE) break;
      server.child.kill('SIGKILL');
      await server.exited;
      await withDb(checkNoHalfRows);
      server = start();
      expect(await server.running, server.output()).toBe(true);
      admin = await login();
    }
    const final = await waitFor('every page OCR\'d', async () => {
      const pr = await progress();
      return pr.finished ? pr : undefined;
    }, 600_000);
    expect(final.ocr).toMatchObject({ done: FILES * PAGES_PER_FILE, failed: 0 });
    expect(final.derivatives).toMatchObject({ done: FILES * PAGES_PER_FILE });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    await withDb(async (db) => {
      const keys = await checkNoHalfRows(db);
      expect(keys.length).toBe(FILES);
      const pages = await db.query<{ id: number; ocr_status: string; ocr_text: string | null; n: number }>(
        `SELECT p.id, p.ocr_status, p.ocr_text,
                (SELECT count(*)::int FROM events e WHERE e.entity_type = 'page' AND e.entity_id = p.id::text AND e.action = 'page.ocr_done') AS n
           FROM pages p ORDER BY p.id`,
      );
      expect(pages.length).toBe(FILES * PAGES_PER_FILE);
      // Exactly once: one completion per page whatever the kills, retries and revived jobs.
      expect(pages.filter((p) => Number(p.n) !== 1).map((p) => [p.id, p.n])).toEqual([]);
      expect(pages.filter((p) => p.ocr_status !== 'done')).toEqual([]);
      expect(pages.filter((p) => !/Trang/.test(p.ocr_text ?? '')).map((p) => [p.id, p.ocr_text])).toEqual([]);
      // Every object under masters/ belongs to a row.
      expect(masterObjects().sort()).toEqual([...keys].sort());
    });
    if (databaseUrl) await adminSql(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 1_500_000);
});
