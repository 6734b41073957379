/**
 * The one owner of the LibreOffice process: Excel 97–2003 (.xls) and OpenDocument (.ods) sheets are converted to
 * .xlsx by `soffice --headless` (Debian package libreoffice-calc-nogui) and then read like any .xlsx. Conversions run
 * one at a time with a private profile (LibreOffice cannot share one between processes) and a time limit; without
 * LibreOffice the caller refuses the file with how to re-save it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type OfficeFormat = 'xls' | 'ods';

const TIMEOUT_MS = 60_000;

/** The soffice executable: SOFFICE_PATH, or the first on PATH; looked up per file so an install needs no restart. */
export async function officeBinary(): Promise<string | null> {
  const candidates = process.env.SOFFICE_PATH
    ? [process.env.SOFFICE_PATH]
    : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'soffice'));
  for (const c of candidates) {
    try {
      await fs.promises.access(c, fs.constants.X_OK);
      return c;
    } catch { /* next */ }
  }
  return null;
}

let queue: Promise<unknown> = Promise.resolve();

const PROFILE_PREFIX = 'kho-soffice-profile-';
const profile = path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}`);
let profileCleanup = false;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A killed process cannot remove its profile: the first conversion of each process sweeps those of dead ones. */
function sweepProfiles() {
  if (profileCleanup) return;
  profileCleanup = true;
  process.once('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.slice(PROFILE_PREFIX.length));
    if (name.startsWith(PROFILE_PREFIX) && Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** soffice is a wrapper script around soffice.bin: the time limit kills the whole process group. */
function run(bin: string, args: string[]): Promise<void> {
  sweepProfiles();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, TIMEOUT_MS);
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`soffice ended with ${signal ?? `code ${code}`}`));
    });
  });
}

/**
 * Converts `file` to .xlsx in a fresh folder beside it and passes the result to `use`; the folder is removed
 * afterwards on every path. Rejects when LibreOffice fails, times out or writes nothing.
 */
export async function withXlsxCopy<T>(file: string, format: OfficeFormat, use: (xlsx: string) => Promise<T>): Promise<T> {
  const bin = await officeBinary();
  if (!bin) throw new Error('LibreOffice (soffice) is not installed');
  const dir = await fs.promises.mkdtemp(path.join(path.dirname(file), 'convert-'));
  try {
    // LibreOffice picks its import filter by extension as well as content.
    const input = path.join(dir, `input.${format}`);
    await fs.promises.copyFile(file, input);
    const job = queue.then(() => run(bin, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--norestore', '--nolockcheck',
      '--convert-to', 'xlsx', '--outdir', dir, input,
    ]));
    queue = job.catch(() => {});
    await job;
    const output = path.join(dir, 'input.xlsx');
    await fs.promises.access(output);
    return await use(output);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
