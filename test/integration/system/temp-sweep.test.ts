import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from '../../../server/integrity/temp-sweep.js';
import { killSpawned, spawnProcess } from '../../support/server-process.js';
import { startTestApp } from '../../support/test-app.js';

const dirs: string[] = [];
const tmpDataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-tempsweep-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killSpawned();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A temp file as a killed upload leaves it: multer's random name, last written `ageMs` ago. */
function leftover(dir: string, name: string, ageMs: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, 'partial upload');
  const t = new Date(Date.now() - ageMs);
  fs.utimesSync(file, t, t);
  return file;
}

describe('temp files left by killed uploads', () => {
  it('when the sweep runs, then temp files older than the threshold go and fresh ones (uploads in flight) stay', async () => {
    const dir = path.join(tmpDataDir(), 'tmp');
    const stale = leftover(dir, '3f2a9c0d1e', TEMP_FILE_MAX_AGE_MS + 60_000);
    const fresh = leftover(dir, '7b1e44aa02', 5_000);
    expect(await sweepTempFiles(dir, { olderThanMs: TEMP_FILE_MAX_AGE_MS })).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(await sweepTempFiles(path.join(dir, 'khong-co'), { olderThanMs: 0 })).toBe(0);
  });

  it('when the orphan sweep job runs, then it removes stale temp files in DATA_DIR/tmp', async () => {
    const t = await startTestApp({}, undefined, { jobs: true });
    try {
      const dir = path.join(t.config.DATA_DIR, 'tmp');
      const stale = leftover(dir, 'a1b2c3d4e5', TEMP_FILE_MAX_AGE_MS + 60_000);
      const fresh = leftover(dir, 'f6e5d4c3b2', 1_000);
      await t.jobs.send('integrity.orphans', {});
      await t.drainJobs({ timeoutMs: 60_000 });
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(fresh)).toBe(true);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('when the server starts on a PGlite data dir, then every temp file a killed process left is removed', async () => {
    const dataDir = tmpDataDir();
    const dir = path.join(dataDir, 'tmp');
    const files = [leftover(dir, '0a0a0a0a0a', 10_000), leftover(dir, '1b1b1b1b1b', TEMP_FILE_MAX_AGE_MS * 3)];
    const p = spawnProcess({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', INITIAL_ADMIN_PASSWORD: 'mat-khau-quan-tri' });
    expect(await p.running, p.output()).toBe(true);
    p.child.kill('SIGTERM');
    await p.exited;
    for (const f of files) expect(fs.existsSync(f), f).toBe(false);
  }, 120_000);
});
