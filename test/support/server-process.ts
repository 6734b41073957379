/**
 * The real service as a child process (`node --import tsx server/main.ts`, or the worker), for tests that must kill,
 * restart or run several processes. DATABASE_URL is never inherited: a test passes it explicitly when it wants it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** True once `text` appears in stdout/stderr; false if the process exits first or `seconds` pass. */
  saw(text: string, seconds?: number): Promise<boolean>;
  /** saw('đang chạy tại'): the server's listening line. */
  running: Promise<boolean>;
  output(): string;
}

const spawned: ChildProcess[] = [];

export function spawnProcess(env: Record<string, string>, script = 'server/main.ts'): ServerProcess {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const saw = async (text: string, seconds = 120) => {
    for (let i = 0; i < seconds * 10; i++) {
      if (out.includes(text)) return true;
      if (child.exitCode !== null) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  return { child, exited, saw, running: saw('đang chạy tại'), output: () => out };
}

/** For afterAll: nothing a test started outlives it. */
export function killSpawned(): void {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
