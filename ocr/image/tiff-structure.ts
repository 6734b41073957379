/**
 * Walks the directory chain of a TIFF without decoding it. libvips silently reports a multi-page TIFF
 * cut short after its first page as a one-page file, and only fails on a truncated single page with
 * a vague "unsupported image format" (libtiff writes the directory after the pixels). Reading the
 * structure ourselves gives the true page count before any decode and tells truncation from corruption.
 */
import type { FileHandle } from 'node:fs/promises';

export interface TiffDirectory {
  /** Position in the chain = sharp's `page` index. */
  index: number;
  /** NewSubfileType bit 0: a reduced-resolution copy (thumbnail or pyramid level), not a scanned page. */
  reduced: boolean;
  /** TIFF Compression tag: 1 none, 5 LZW, 7 JPEG, 8 deflate, 4 CCITT G4 … */
  compression: number;
  /** TileWidth × TileLength when the directory is tiled, else null (strips). */
  tile: { width: number; height: number } | null;
}

export type TiffStructure =
  | { ok: true; directories: TiffDirectory[] }
  | { ok: false; problem: 'truncated' | 'corrupt' | 'too-many'; detail: string };

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8, 17: 8, 18: 8 };
const NEW_SUBFILE_TYPE = 254;
const COMPRESSION = 259;
const TILE_WIDTH = 322;
const TILE_LENGTH = 323;
const DATA_OFFSETS = new Map([[273, 279], [324, 325]]); // StripOffsets→StripByteCounts, TileOffsets→TileByteCounts

export async function readTiffStructure(
  fh: FileHandle,
  fileSize: number,
  head: { bigTiff: boolean; littleEndian: boolean },
  maxDirectories: number,
): Promise<TiffStructure> {
  const { bigTiff, littleEndian: le } = head;
  const read = async (pos: number, len: number): Promise<Buffer | null> => {
    if (pos < 0 || pos + len > fileSize) return null;
    const buf = Buffer.alloc(len);
    const { bytesRead } = await fh.read(buf, 0, len, pos);
    return bytesRead === len ? buf : null;
  };
  const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const u64 = (b: Buffer, at: number) => Number(le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at));
  const uint = (b: Buffer, at: number, size: number) => (size === 2 ? u16(b, at) : size === 4 ? u32(b, at) : size === 8 ? u64(b, at) : b[at]);

  const header = await read(0, bigTiff ? 16 : 8);
  if (!header) return { ok: false, problem: 'truncated', detail: 'header' };
  let next = bigTiff ? u64(header, 8) : u32(header, 4);
  const entrySize = bigTiff ? 20 : 12;
  const inline = bigTiff ? 8 : 4;
  const seen = new Set<number>();
  const directories: TiffDirectory[] = [];

  while (next !== 0) {
    if (seen.has(next)) return { ok: false, problem: 'corrupt', detail: `IFD loop at ${next}` };
    seen.add(next);
    if (directories.length >= maxDirectories) return { ok: false, problem: 'too-many', detail: String(directories.length) };
    const countBuf = await read(next, bigTiff ? 8 : 2);
    if (!countBuf) return { ok: false, problem: 'truncated', detail: `IFD ${directories.length} at ${next}` };
    const count = bigTiff ? u64(countBuf, 0) : u16(countBuf, 0);
    if (count === 0 || count > 4096) return { ok: false, problem: 'corrupt', detail: `IFD with ${count} entries` };
    const table = await read(next + countBuf.length, count * entrySize + (bigTiff ? 8 : 4));
    if (!table) return { ok: false, problem: 'truncated', detail: `IFD ${directories.length} entries` };

    const values = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const e = i * entrySize;
      const tag = u16(table, e);
      if (![NEW_SUBFILE_TYPE, COMPRESSION, TILE_WIDTH, TILE_LENGTH].includes(tag) && !DATA_OFFSETS.has(tag) && ![...DATA_OFFSETS.values()].includes(tag)) continue;
      const type = u16(table, e + 2);
      const n = bigTiff ? u64(table, e + 4) : u32(table, e + 4);
      const size = TYPE_SIZE[type];
      if (!size || n > 10_000_000) return { ok: false, problem: 'corrupt', detail: `tag ${tag} type ${type} count ${n}` };
      const valueAt = e + (bigTiff ? 12 : 8);
      let data: Buffer | null;
      if (size * n <= inline) data = table.subarray(valueAt, valueAt + size * n);
      else data = await read(bigTiff ? u64(table, valueAt) : u32(table, valueAt), size * n);
      if (!data) return { ok: false, problem: 'truncated', detail: `tag ${tag} values` };
      values.set(tag, Array.from({ length: n }, (_, k) => uint(data!, k * size, size)));
    }
    // Every strip or tile must lie inside the file, or the page was cut short.
    for (const [offTag, countTag] of DATA_OFFSETS) {
      const offs = values.get(offTag);
      const lens = values.get(countTag);
      if (!offs || !lens) continue;
      for (let k = 0; k < offs.length; k++) {
        if (offs[k] + (lens[k] ?? 0) > fileSize) {
          return { ok: false, problem: 'truncated', detail: `page ${directories.length} data past end of file` };
        }
      }
    }
    directories.push({
      index: directories.length,
      reduced: ((values.get(NEW_SUBFILE_TYPE)?.[0] ?? 0) & 1) === 1,
      compression: values.get(COMPRESSION)?.[0] ?? 1,
      tile: values.has(TILE_WIDTH) ? { width: values.get(TILE_WIDTH)![0], height: values.get(TILE_LENGTH)?.[0] ?? 0 } : null,
    });
    next = bigTiff ? u64(table, count * entrySize) : u32(table, count * entrySize);
  }
  if (directories.length === 0) return { ok: false, problem: 'corrupt', detail: 'no IFD' };
  return { ok: true, directories };
}
