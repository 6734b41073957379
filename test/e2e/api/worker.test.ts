/**
 * `npm run worker` as a real process: refused on embedded PGlite; on PostgreSQL it does the jobs a server started
 * with OCR_IN_SERVER=false only enqueues (the scale-out path).
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

afterAll(killSpawned);

function run(script: string, env: Record<string, string>) {
  return spawnProcess(env, script);
}

describe('the worker process', () => {
  it('when started without DATABASE_URL (embedded PGlite), then it refuses with a Vietnamese and English message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-worker-'));
    const w = run('server/worker.ts', { DATA_DIR: dataDir });
    expect(await w.exited).toBe(2);
    expect(w.output()).toContain('chỉ chạy với PostgreSQL');
    expect(w.output()).toContain('The worker needs PostgreSQL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // A second process on the same database needs PostgreSQL: the embedded PGlite data dir is locked by its one owner
  // (the test above checks the refusal).
  it.runIf(!!process.env.DATABASE_URL)('when the server only enqueues (OCR_IN_SERVER=false), then a worker process does the derivatives and OCR', async () => {
    const name = `kho_worker_${crypto.randomBytes(5).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try { await c.query(sql); } finally { await c.end(); }
    };
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-worker-'));
    const env = { DATABASE_URL: u.toString(), DATA_DIR: dataDir, COOKIE_SECURE: 'false', INITIAL_ADMIN_PASSWORD: 'mat-khau-quan-tri-w', OCR_WORKERS: '1' };
    const db = await connectDatabase(loadConfig(env));
    const [a] = await db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('SNV', 'Sở Nội vụ', 'province') RETURNING id`);
    const [fo] = await db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ('P1', 'Phông Sở Nội vụ', $1) RETURNING id`, [a!.id]);
    const [file] = await db.query<{ id: number }>(
      `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule, received_at)
       VALUES ($1, $2, '01', 'Hồ sơ', '2010-12-31', 'Vĩnh viễn', true, 'law2011_art21', now()) RETURNING id`, [a!.id, fo!.id]);
    try {
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(p));
        });
      });
      const server = run('server/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1', OCR_IN_SERVER: 'false' });
      expect(await server.saw('đang chạy tại'), server.output()).toBe(true);
      const c = new HttpClient(`http://127.0.0.1:${port}`);
      expect((await c.login('admin', env.INITIAL_ADMIN_PASSWORD)).status).toBe(200);
      const b = await c.post('/api/digitization/batches', { recordFileId: file!.id });
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><rect width="100%" height="100%" fill="white"/><text x="60" y="150" font-family="DejaVu Serif" font-size="56">Biên bản giao nhận</text></svg>`;
      const png = await sharp(Buffer.from(svg)).removeAlpha().greyscale().png().toBuffer();
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(png)]), 'trang.png');
      expect((await c.request('POST', `/api/digitization/batches/${b.body.id}/scans`, undefined, { raw: form })).status).toBe(201);
      // Nobody works yet: the page stays queued.
      await new Promise((r) => setTimeout(r, 3000));
      expect((await c.get(`/api/digitization/batches/${b.body.id}`)).body.ocr.queued).toBe(1);

      const worker = run('server/worker.ts', env);
      expect(await worker.saw('Worker đang chạy'), worker.output()).toBe(true);
      const end = Date.now() + 300_000;
      let p;
      do {
        await new Promise((r) => setTimeout(r, 500));
        p = (await c.get(`/api/digitization/batches/${b.body.id}`)).body;
      } while (!p.finished && Date.now() < end);
      expect(p.ocr.done).toBe(1);
      expect(p.derivatives.done).toBe(1);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
