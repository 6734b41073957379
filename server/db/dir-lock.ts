/**
 * PGlite does not lock its data directory: two processes on one dir both "succeed" and
 * silently corrupt it. This lock file (holding the owner's PID) makes the second opener fail loudly.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  readonly file: string;
  release(): void;
}

export class DirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình PID ${pid} sử dụng. ` +
        `Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác. (data dir locked by PID ${pid})`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, '.kho-luu-tru.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DirLockedError(dir, pid);
      }
      if (pid === process.pid) throw new DirLockedError(dir, pid);
      // Stale lock from a dead process (crash, kill -9): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dir}`);
}
