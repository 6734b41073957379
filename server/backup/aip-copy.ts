/**
 * The AIP half of a backup set: the filesystem write-once area (ARCHIVE_AIP_DIR, default DATA_DIR/aip) is not in the
 * object store, so its packages are copied as plain files under `aip/<path>`, hashed while they stream, with the mode
 * of every file and folder in the manifest. A restore puts the bytes back and then the modes (files 0444 first, then
 * folders 0555 deepest first, since a 0555 folder refuses new entries). The vault's `.staging` holds only unfinished
 * writes and is skipped. AIPs in S3 live under `aip/` of the bucket and travel with the objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { hashingTap } from '../core/hash.js';
import type { Config } from '../config.js';
import type { Manifest } from './manifest.js';

export type AipPart = NonNullable<Manifest['aip']>;

export const aipDirOf = (config: Pick<Config, 'DATA_DIR' | 'ARCHIVE_AIP_DIR'>) => path.resolve(config.ARCHIVE_AIP_DIR ?? path.join(config.DATA_DIR, 'aip'));

const SKIP = new Set(['.staging']);

function walk(root: string, rel = ''): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (!rel && SKIP.has(e.name)) continue;
    if (e.isDirectory()) {
      dirs.push(r);
      const sub = walk(root, r);
      files.push(...sub.files);
      dirs.push(...sub.dirs);
    } else if (e.isFile()) files.push(r);
  }
  return { files, dirs };
}

/** Copies every package file of the area into `<set>/aip/`; null when the area does not exist (nothing packaged yet). */
export async function copyAipOut(aipDir: string, setDir: string): Promise<AipPart | null> {
  if (!fs.existsSync(aipDir)) return null;
  const { files, dirs } = walk(aipDir);
  const items: AipPart['items'] = [];
  for (const rel of files.sort()) {
    const src = path.join(aipDir, rel);
    const file = `aip/${rel}`;
    const out = path.join(setDir, file);
    await fs.promises.mkdir(path.dirname(out), { recursive: true });
    const tap = hashingTap();
    await pipeline(fs.createReadStream(src), tap.stream, fs.createWriteStream(out));
    items.push({ path: rel, file, ...tap.done(), mode: fs.statSync(src).mode & 0o777 });
  }
  return { dirs: dirs.sort().map((d) => ({ path: d, mode: fs.statSync(path.join(aipDir, d)).mode & 0o777 })), items };
}

const safeRel = (rel: string) => !path.isAbsolute(rel) && !rel.split(/[\\/]/).some((s) => s === '..' || s === '') && !rel.includes('\0');

/** Paths the manifest names that would land outside the area (a hostile manifest). */
export function unsafeAipPaths(part: AipPart): string[] {
  return [...part.items.map((i) => i.path), ...part.dirs.map((d) => d.path)].filter((p) => !safeRel(p));
}

export const aipAreaEmpty = (aipDir: string) => !fs.existsSync(aipDir) || fs.readdirSync(aipDir).length === 0;

/** Writes the packages back into the (empty) area, then their modes. */
export async function copyAipIn(setDir: string, part: AipPart, aipDir: string): Promise<void> {
  await fs.promises.mkdir(aipDir, { recursive: true });
  for (const d of part.dirs) await fs.promises.mkdir(path.join(aipDir, d.path), { recursive: true });
  for (const i of part.items) {
    const dest = path.join(aipDir, i.path);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    await fs.promises.copyFile(path.join(setDir, i.file), dest, fs.constants.COPYFILE_EXCL);
    await fs.promises.chmod(dest, i.mode);
  }
  for (const d of [...part.dirs].sort((a, b) => b.path.length - a.path.length)) await fs.promises.chmod(path.join(aipDir, d.path), d.mode);
}

/** Undoes a partial copyAipIn: folders made writable again so their read-only files can go. */
export function removeAipArea(aipDir: string): void {
  if (!fs.existsSync(aipDir)) return;
  const { dirs } = walk(aipDir);
  for (const d of dirs) fs.chmodSync(path.join(aipDir, d), 0o755);
  fs.rmSync(aipDir, { recursive: true, force: true });
}
