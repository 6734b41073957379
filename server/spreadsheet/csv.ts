/**
 * CSV as office software writes it (RFC 4180): one delimiter per file, found on the header row — `,`, or `;` as
 * Excel writes in the Vietnamese locale (where `,` is the decimal mark), or TAB; quoted fields may hold the
 * delimiter, quotes and line breaks. Parsed as a stream, so the row limit stops reading at once.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { AppError } from '../core/app-error.js';
import { ERRORS } from '../core/errors.js';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** The delimiter used most often outside quotes on the first line; a one-column file reads with `,`. */
export function detectDelimiter(head: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  // Blank lines above the header do not count as the header.
  for (const ch of head.replace(/^\uFEFF/, '').replace(/^[\r\n]+/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** UTF-8 only: Windows-1258 or TCVN3 bytes are refused with the reason instead of being stored as garbage. */
function utf8Decoder() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notText = () => ERRORS.spreadsheetUnreadable('tệp CSV không phải văn bản UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3); hãy lưu lại tệp với bảng mã UTF-8');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let text: string;
      try { text = decoder.decode(chunk, { stream: true }); } catch { return done(notText()); }
      if (text.includes('\u0000')) return done(ERRORS.spreadsheetUnreadable('tệp chứa dữ liệu nhị phân'));
      done(null, text);
    },
    flush(done) {
      try { done(null, decoder.decode()); } catch { done(notText()); }
    },
  });
}

/**
 * Feeds each record (1-based record number, fields) to `onRecord`; a throw from it (the row limit) stops the
 * parse and closes the file at once.
 */
export async function readCsvRecords(file: string, head: string, onRecord: (n: number, fields: string[]) => void): Promise<void> {
  const parser = parse({ bom: true, delimiter: detectDelimiter(head), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const done = pipeline(fs.createReadStream(file), utf8Decoder(), parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) onRecord(++n, record);
    await done;
  } catch (err) {
    await done.catch(() => {});
    if (err instanceof AppError) throw err;
    throw ERRORS.spreadsheetUnreadable(`lỗi cú pháp CSV ở dòng ${n + 1}`);
  }
}
