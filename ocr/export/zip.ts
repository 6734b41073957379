/**
 * The one ZIP writer (deflate, UTF-8 names, no dependency for a hundred lines). Entries are produced one after
 * another — an archive package's masters are read from the store as streams, deflated and passed on — so a package
 * is never whole in memory; small bundles (per-page ALTO) are collected with zip(). Each entry uses a data
 * descriptor (sizes and CRC after the data). No ZIP64: an archive or an entry over 4 GiB is refused.
 */
import zlib from 'node:zlib';
import { Readable } from 'node:stream';

export interface StreamEntry {
  name: string;
  /** Small content (XML, a PDF built already) or a lazily opened stream (masters). */
  data: Buffer | (() => Promise<Readable>);
  /** Called with every raw chunk of this entry, e.g. to hash it while it streams. */
  onChunk?: (chunk: Buffer) => void;
  /** Called after the entry's last byte, with its uncompressed size; may throw to abort the package. */
  onEnd?: (size: number) => void;
}

const LIMIT = 0xffffffff;
const DOS_TIME = 0;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

export class ZipTooLargeError extends Error {}

function localHeader(name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0808, 6); // bit 3: data descriptor; bit 11: UTF-8 name
  h.writeUInt16LE(8, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE_1980, 12);
  h.writeUInt16LE(name.length, 26);
  return h;
}

/** Yields the ZIP's bytes; pipe `Readable.from(zipStream(entries))` wherever the package goes. */
export async function* zipStream(entries: Iterable<StreamEntry> | AsyncIterable<StreamEntry>): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const start = offset;
    const head = localHeader(name);
    yield head;
    yield name;
    offset += head.length + name.length;
    let crc = 0;
    let size = 0;
    let packed = 0;
    const source: Iterable<Buffer> | AsyncIterable<Buffer> = Buffer.isBuffer(e.data) ? [e.data] : ((await e.data()) as AsyncIterable<Buffer>);
    const counted = async function* () {
      for await (const chunk of source) {
        const c = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        crc = zlib.crc32(c, crc);
        size += c.length;
        e.onChunk?.(c);
        yield c;
      }
    };
    // pipe() carries backpressure: the source is read only as fast as the package is written.
    const deflated = Readable.from(counted()).pipe(zlib.createDeflateRaw({ level: e.name.endsWith('.xml') ? 6 : 1 }));
    for await (const c of deflated as AsyncIterable<Buffer>) {
      packed += c.length;
      yield c;
    }
    e.onEnd?.(size);
    if (size > LIMIT || packed > LIMIT) throw new ZipTooLargeError(`entry ${e.name} is over 4 GiB (no ZIP64)`);
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(packed, 8);
    desc.writeUInt32LE(size, 12);
    yield desc;
    offset += packed + desc.length;
    if (offset > LIMIT) throw new ZipTooLargeError('package is over 4 GiB (no ZIP64)');
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0808, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE_1980, 14);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(packed, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(start, 42);
    central.push(dir, name);
    count++;
  }
  const dirSize = central.reduce((s, b) => s + b.length, 0);
  for (const b of central) yield b;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}

/** A small ZIP collected in memory (per-page export bundles). */
export async function zip(entries: StreamEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of zipStream(entries)) parts.push(b);
  return Buffer.concat(parts);
}
