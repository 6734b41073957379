import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/db/db.js';
import { killSpawned, spawnProcess } from '../../support/server-process.js';

const dirs: string[] = [];
const tmpDataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-scripts-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killSpawned();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('maintenance scripts', () => {
  it('when npm run migrate runs on an empty data dir, then it applies and names every migration; run again, it has nothing to do', async () => {
    const dataDir = tmpDataDir();
    const first = spawnProcess({ DATA_DIR: dataDir }, 'scripts/migrate.ts');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Đã áp dụng \d+ migration/);
    expect(first.output()).toMatch(/\.sql/);
    const second = spawnProcess({ DATA_DIR: dataDir }, 'scripts/migrate.ts');
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/đã ở phiên bản mới nhất/);
  }, 120_000);

  it('when the data dir is in use, then migrate and seed:demo print the same one-line message as the server, without a stack trace', async () => {
    const dataDir = tmpDataDir();
    const held = await openPglite(path.join(dataDir, 'db'));
    try {
      for (const script of ['scripts/migrate.ts', 'scripts/seed-demo.ts']) {
        const p = spawnProcess({ DATA_DIR: dataDir }, script);
        expect(await p.exited, script).toBe(1);
        expect(p.output(), script).toMatch(/đang được tiến trình PID \d+ sử dụng/);
        expect(p.output(), script).not.toMatch(/^\s+at /m);
      }
    } finally {
      await held.close();
    }
  }, 120_000);
});
