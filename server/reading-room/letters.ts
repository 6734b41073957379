/**
 * Letters of introduction (giấy giới thiệu): checked like scans — by their first bytes, never by name or the
 * browser's type — PDF, JPEG or PNG only, within READING_LETTER_MAX_MB. Written to the blob store before the reader
 * row is committed; when the row fails the object is deleted at once, so no orphan remains.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { UploadedFile } from '../core/upload.js';
import { sha256File } from '../core/hash.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { sniff } from '../../ocr/image/sniff.js';

export interface StoredLetter { key: string; sha256: string; contentType: string; bytes: number; name: string }

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

async function head(path: string): Promise<Buffer> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}


export async function checkLetter(deps: Pick<Deps, 'config'>, file: UploadedFile): Promise<string> {
  if (file.size === 0) throw READING_ERRORS.letterEmpty();
  if (file.size > deps.config.READING_LETTER_MAX_MB * 1024 * 1024) throw READING_ERRORS.letterTooLarge(deps.config.READING_LETTER_MAX_MB);
  const s = sniff(await head(file.path));
  if (s.kind === 'image' && (s.format === 'jpeg' || s.format === 'png')) return s.format === 'jpeg' ? 'image/jpeg' : 'image/png';
  if (s.kind === 'other' && s.name === 'PDF') return 'application/pdf';
  throw READING_ERRORS.letterType(s.kind === 'image' ? s.format.toUpperCase() : s.name);
}

/** Stores the letter, then runs `commit`; if commit throws, the object is removed before the error goes on. */
export async function withStoredLetter<T>(deps: Pick<Deps, 'config' | 'blobs' | 'log'>, file: UploadedFile,
  commit: (letter: StoredLetter) => Promise<T>): Promise<T> {
  const contentType = await checkLetter(deps, file);
  const sha256 = await sha256File(file.path);
  const key = `letters/${randomUUID()}.${EXT[contentType]}`;
  await deps.blobs.put(key, fs.createReadStream(file.path), { size: file.size, contentType, metadata: { sha256 } });
  try {
    return await commit({ key, sha256, contentType, bytes: file.size, name: file.originalName.slice(0, 255) });
  } catch (err) {
    await deps.blobs.delete(key).catch((e) => deps.log.warn({ key, err: e }, 'không xoá được giấy giới thiệu sau khi lưu độc giả thất bại'));
    throw err;
  }
}
