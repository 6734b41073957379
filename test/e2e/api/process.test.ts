/**
 * The real entry point as separate processes: the embedded data-dir lock, stale-lock recovery after
 * kill -9, and start-up refusal on invalid config.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killSpawned, spawnProcess } from '../../support/server-process.js';

afterAll(killSpawned);

function startServer(env: Record<string, string>) {
  return spawnProcess({ PORT: '0', INITIAL_ADMIN_PASSWORD: 'mat-khau-quan-tri', ...env });
}

describe('server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-proc-'));

  it('when a second process opens the same data dir, then it exits with a clear message; after kill -9 the stale lock is recovered', async () => {
    const first = startServer({ DATA_DIR: dataDir });
    expect(await first.running, first.output()).toBe(true);

    const second = startServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`đang được tiến trình PID ${first.child.pid}`);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(fs.readFileSync(path.join(dataDir, 'db', '.kho-luu-tru.lock'), 'utf8').trim()).toBe(String(first.child.pid));

    const third = startServer({ DATA_DIR: dataDir });
    expect(await third.running, third.output()).toBe(true);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'db', '.kho-luu-tru.lock'))).toBe(false);
  }, 120_000);

  it('when the configuration is invalid, then the process exits 1 naming each bad variable', async () => {
    const bad = startServer({ DATA_DIR: dataDir, PORT: 'nope', BOX_WIDTH_CM: '-3' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT');
    expect(bad.output()).toContain('BOX_WIDTH_CM');
  });
});
