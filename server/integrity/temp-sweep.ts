/**
 * Local temp files (DATA_DIR/tmp: multipart uploads, local copies for sharp and tesseract) are removed by the code
 * that made them — unless the process was killed first. This sweep removes what such a death left behind: by age
 * from the periodic orphan sweep, and at start-up everything when this process alone owns the data dir.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/** A temp file untouched this long belongs to no live upload or job (uploads rewrite their file as bytes arrive). */
export const TEMP_FILE_MAX_AGE_MS = 3600_000;

export async function sweepTempFiles(dir: string, opts: { olderThanMs: number; log?: Logger; now?: number }): Promise<number> {
  const cutoff = (opts.now ?? Date.now()) - opts.olderThanMs;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let removed = 0;
  for (const e of entries) {
    const file = path.join(dir, e.name);
    try {
      const st = await fs.promises.lstat(file);
      if (opts.olderThanMs > 0 && st.mtimeMs > cutoff) continue;
      await fs.promises.rm(file, { recursive: true, force: true });
      removed++;
    } catch (err) {
      // Gone meanwhile (its owner finished): nothing to do.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  if (removed) opts.log?.warn({ dir, removed }, 'đã xoá tệp tạm bị bỏ lại (tải lên hoặc tác vụ bị ngắt)');
  return removed;
}
