/**
 * The backup set's table of contents: every file with its SHA-256 and size, what the database part is, which schema
 * migrations it carries and which objects it holds. `manifest.json.sha256` (sha256sum format, so `sha256sum -c` works
 * by hand) checksums the manifest itself, so a set is trusted only from that one line down.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MANIFEST = 'manifest.json';
export const MANIFEST_SUM = 'manifest.json.sha256';
export const FORMAT = 'kho-luu-tru-backup';

const FileEntry = z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  name: z.string().min(1),
  /** Vietnam time with its offset, e.g. 2026-12-02T05:30:05.120+07:00. */
  createdAt: z.string(),
  appVersion: z.string(),
  /** The job that made it, when it was made by the server (CLI runs leave it out). */
  jobId: z.string().optional(),
  schema: z.object({ version: z.string(), migrations: z.array(z.string()) }),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    /** pglite-datadir-tar-gzip: PGlite's dumpDataDir tarball, gzipped; pg_dump-custom: `pg_dump -Fc`. */
    format: z.enum(['pglite-datadir-tar-gzip', 'pg_dump-custom']),
    file: z.string(),
    serverVersion: z.string().optional(),
    /** How long queries waited while the snapshot was taken (PGlite), or the dump ran (pg_dump: nothing waits). */
    pauseMs: z.number().nonnegative(),
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  objects: z.object({
    store: z.enum(['filesystem', 's3']),
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    items: z.array(
      z.object({
        key: z.string().min(1),
        file: z.string().min(1),
        size: z.number().int().nonnegative(),
        sha256: z.string(),
        contentType: z.string().optional(),
        metadata: z.record(z.string(), z.string()),
      }),
    ),
  }),
  /**
   * The filesystem AIP area (ARCHIVE_AIP_DIR), when there is one: every package file under `aip/`, with the mode of
   * each file and folder (the write-once 0444/0555). Absent in sets made before AIPs were backed up.
   */
  aip: z.object({
    dirs: z.array(z.object({ path: z.string().min(1), mode: z.number().int().min(0).max(0o777) })),
    items: z.array(z.object({ path: z.string().min(1), file: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string(), mode: z.number().int().min(0).max(0o777) })),
  }).optional(),
  /** Every file of the set except the manifest and its checksum. */
  files: z.array(FileEntry),
  timings: z.object({ totalMs: z.number(), databaseMs: z.number(), objectsMs: z.number() }),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type FileEntry = z.infer<typeof FileEntry>;

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

export function sha256(buf: Buffer | string): string {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

/** Writes manifest.json and its checksum line, each fsynced: the set is complete only once both are on disk. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  writeSynced(path.join(dir, MANIFEST), text);
  writeSynced(path.join(dir, MANIFEST_SUM), `${sha256(text)}  ${MANIFEST}\n`);
}

function writeSynced(file: string, text: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type ManifestProblem = { code: 'MANIFEST_MISSING' | 'MANIFEST_CHECKSUM' | 'MANIFEST_INVALID'; message: string };

/** Reads a set's manifest after checking its own checksum; a problem names what is wrong, in Vietnamese. */
export function readManifest(dir: string): { manifest: Manifest } | { problem: ManifestProblem } {
  const file = path.join(dir, MANIFEST);
  const sumFile = path.join(dir, MANIFEST_SUM);
  if (!fs.existsSync(file) || !fs.existsSync(sumFile)) {
    return { problem: { code: 'MANIFEST_MISSING', message: `Không tìm thấy ${MANIFEST} hoặc ${MANIFEST_SUM} trong ${dir}: đây không phải một bộ sao lưu hoàn chỉnh.` } };
  }
  const text = fs.readFileSync(file);
  const expected = fs.readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0];
  if (sha256(text) !== expected) {
    return { problem: { code: 'MANIFEST_CHECKSUM', message: `Tổng kiểm tra của ${MANIFEST} không khớp: bộ sao lưu đã bị sửa hoặc hỏng.` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    return { problem: { code: 'MANIFEST_INVALID', message: `${MANIFEST} không đúng cú pháp JSON.` } };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    return { problem: { code: 'MANIFEST_INVALID', message: `${MANIFEST} không đúng định dạng bộ sao lưu (${parsed.error.issues[0]?.path.join('.') ?? ''}).` } };
  }
  return { manifest: parsed.data };
}

/** A path from the manifest, resolved inside the set; null when it would escape it (a hostile manifest). */
export function insideSet(dir: string, rel: string): string | null {
  const root = path.resolve(dir);
  const full = path.resolve(root, rel);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Vietnam wall-clock time with its offset: 2026-12-02T05:30:05.120+07:00. */
export function vnTimestamp(d: Date): string {
  return `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 23)}+07:00`;
}

/** The set's folder name, sortable and free of ':' (Windows shares): kho-20261202-053005. */
export function setName(d: Date): string {
  const s = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `kho-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}`;
}
