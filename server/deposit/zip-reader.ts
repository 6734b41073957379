/**
 * Reading a deposit package (ZIP) with yauzl: first the central directory only — entry count, declared sizes and
 * ratios, encryption, and every entry name (traversal, absolute, backslash, non-UTF-8, duplicates by case and NFC) —
 * and only when all of that is clean, each file entry streamed to its own temp file and hashed on the way. Bytes
 * are counted while they stream, so an entry that unpacks to more than it declared is stopped, not trusted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { DEPOSIT_PROBLEM as P, type DepositProblem } from '../core/errors-deposit.js';
import { viNumber } from '../core/numbers.js';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxRatio: number;
}

export interface PackageEntry {
  /** The entry's name as written in the package (UTF-8, NFC). */
  name: string;
  /** The unpacked copy on local disk. */
  file: string;
  size: number;
  sha256: string;
}

/** Small entries (a manifest, a short XML) may compress very well and harm nobody; the ratio is checked above this. */
const RATIO_FLOOR_BYTES = 64 * 1024;
const UTF8_FLAG = 0x800;
const MB = 1024 * 1024;

const decodeUtf8 = new TextDecoder('utf-8', { fatal: true });

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

interface RawEntry { entry: yauzl.Entry; name: string; dir: boolean }

/** The name problem of one entry, or null; `raw` is the name's bytes as stored. */
export function nameProblem(raw: Buffer, flags: number): { code: string; message: string; name: string } | null {
  let name: string;
  if (flags & UTF8_FLAG) {
    try {
      name = decodeUtf8.decode(raw);
    } catch {
      return { code: P.nameNotUtf8, name: raw.toString('latin1'), message: 'Tên tệp được đánh dấu UTF-8 nhưng không phải UTF-8 hợp lệ.' };
    }
  } else if (raw.some((b) => b >= 0x80)) {
    // Without the UTF-8 flag the bytes are in some DOS code page nobody can tell apart; guessing would misname files.
    return { code: P.nameNotUtf8, name: raw.toString('latin1'), message: 'Tên tệp có dấu nhưng không ghi bằng UTF-8 (thiếu cờ UTF-8 trong ZIP); hãy nén lại bằng công cụ hỗ trợ UTF-8 (7-Zip, Windows 10 trở lên).' };
  } else {
    name = raw.toString('ascii');
  }
  name = name.normalize('NFC');
  if (name.includes('\\')) return { code: P.pathUnsafe, name, message: 'Tên tệp chứa dấu "\\"; đường dẫn trong gói chỉ dùng "/".' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { code: P.pathUnsafe, name, message: 'Đường dẫn tuyệt đối không được phép trong gói.' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { code: P.pathUnsafe, name, message: 'Tên tệp chứa ký tự điều khiển.' };
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((s) => s === '..')) return { code: P.pathUnsafe, name, message: 'Đường dẫn chứa "..", trỏ ra ngoài gói.' };
  if (parts.some((s) => s === '' || s === '.')) return { code: P.pathUnsafe, name, message: 'Đường dẫn có đoạn rỗng hoặc ".".' };
  return null;
}

async function listEntries(zip: yauzl.ZipFile): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      out.push({ entry, name: Buffer.isBuffer(raw) ? raw.toString('latin1') : String(raw), dir: false });
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/** Central-directory checks: nothing is unpacked yet. */
function structureProblems(entries: RawEntry[], limits: ZipLimits): DepositProblem[] {
  const problems: DepositProblem[] = [];
  const seen = new Map<string, string>();
  let declared = 0;
  for (const e of entries) {
    const raw = e.entry.fileName as unknown as Buffer;
    const bad = nameProblem(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)), e.entry.generalPurposeBitFlag);
    if (bad) {
      problems.push({ file: bad.name, field: 'tên tệp', code: bad.code, message: bad.message });
      continue;
    }
    const name = decodeName(e);
    e.name = name;
    e.dir = name.endsWith('/');
    const key = name.replace(/\/$/, '').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file: name, field: 'tên tệp', code: P.nameDuplicate, message: `Trùng tên với "${first}" (không phân biệt hoa thường, dạng dựng sẵn/tổ hợp dấu).` });
      continue;
    }
    seen.set(key, name);
    if (e.dir) continue;
    if (e.entry.isEncrypted()) {
      problems.push({ file: name, field: 'mã hóa', code: P.entryEncrypted, message: 'Tệp trong gói được mã hóa (đặt mật khẩu); hãy nén lại không đặt mật khẩu.' });
      continue;
    }
    declared += e.entry.uncompressedSize;
    const ratio = e.entry.uncompressedSize / Math.max(1, e.entry.compressedSize);
    if (e.entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
      problems.push({ file: name, field: 'tỷ lệ nén', code: P.ratioTooHigh,
        message: `Tệp giải nén ra ${viNumber(e.entry.uncompressedSize)} byte từ ${viNumber(e.entry.compressedSize)} byte (tỷ lệ ${viNumber(Math.round(ratio))}:1, tối đa ${viNumber(limits.maxRatio)}:1): nghi là "bom ZIP".` });
    }
  }
  if (declared > limits.maxUncompressedBytes) {
    problems.push({ file: null, field: 'dung lượng giải nén', code: P.uncompressedTooLarge,
      message: `Gói giải nén ra ${viNumber(Math.ceil(declared / MB))} MB, vượt giới hạn ${viNumber(limits.maxUncompressedBytes / MB)} MB.` });
  }
  return problems;
}

function decodeName(e: RawEntry): string {
  const raw = e.entry.fileName as unknown as Buffer;
  const b = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw));
  return (e.entry.generalPurposeBitFlag & UTF8_FLAG ? b.toString('utf8') : b.toString('ascii')).normalize('NFC');
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

class LimitExceeded extends Error {}

/**
 * Checks the package and unpacks its files into `dir` (which the caller removes). Returns the files, or the
 * problems that stopped it; a file that is not a ZIP at all is one problem.
 */
export async function readPackage(zipFile: string, dir: string, limits: ZipLimits): Promise<{ entries: PackageEntry[]; problems: DepositProblem[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (err) {
    return { entries: [], problems: [{ file: null, field: 'định dạng', code: P.notZip, message: `Tệp tải lên không phải gói ZIP đọc được (${(err as Error).message}).` }] };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return { entries: [], problems: [{ file: null, field: 'số mục', code: P.tooManyEntries,
        message: `Gói có ${viNumber(zip.entryCount)} mục, vượt giới hạn ${viNumber(limits.maxEntries)} mục.` }] };
    }
    let raw: RawEntry[];
    try {
      raw = await listEntries(zip);
    } catch (err) {
      return { entries: [], problems: [{ file: null, field: 'định dạng', code: P.notZip, message: `Mục lục của tệp ZIP bị hỏng (${(err as Error).message}).` }] };
    }
    const problems = structureProblems(raw, limits);
    if (problems.length > 0) return { entries: [], problems };

    const entries: PackageEntry[] = [];
    let total = 0;
    for (const [i, e] of raw.entries()) {
      if (e.dir) continue;
      const file = path.join(dir, `${String(i).padStart(5, '0')}${path.extname(e.name).toLowerCase().replace(/[^.a-z0-9]/g, '')}`);
      const hash = crypto.createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          total += chunk.length;
          if (size > e.entry.uncompressedSize || total > limits.maxUncompressedBytes) return cb(new LimitExceeded());
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      try {
        await pipeline(await openStream(zip, e.entry), count, fs.createWriteStream(file));
      } catch (err) {
        const over = err instanceof LimitExceeded;
        problems.push({ file: e.name, field: over ? 'dung lượng giải nén' : 'nội dung', code: over ? P.uncompressedTooLarge : P.entryUnreadable,
          message: over ? 'Tệp giải nén ra nhiều byte hơn khai báo trong ZIP, hoặc cả gói vượt giới hạn giải nén.' : `Không giải nén được tệp (${(err as Error).message}).` });
        if (over) break;
        continue;
      }
      entries.push({ name: e.name, file, size, sha256: hash.digest('hex') });
    }
    return problems.length ? { entries: [], problems } : { entries, problems };
  } finally {
    zip.close();
  }
}
