/**
 * Direct-SQL factory for search tests: agencies, fonds, files, documents and OCR'd pages, the way the digitisation
 * pipeline leaves them (ocr_text NFC, ocr_words with boxes). Search tests need text, not images.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../server/db/db.js';

let n = 0;

export async function agency(db: Db, name: string, fondsCode: string): Promise<{ agencyId: number; fondsId: number }> {
  const code = `A${++n}`;
  const [a] = await db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`, [code, name]);
  const [f] = await db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ($1, $2, $3) RETURNING id`, [fondsCode, `Phông ${name}`, a!.id]);
  return { agencyId: a!.id, fondsId: f!.id };
}

export interface FileSpec {
  agencyId: number;
  fondsId: number;
  title: string;
  notation?: string;
  endYear?: number;
  accessLevel?: 'unrestricted' | 'restricted';
  secrecy?: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
  declassifiedYear?: number | null;
}

export async function recordFile(db: Db, s: FileSpec): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule, access_level, secrecy, declassified_year)
     VALUES ($1, $2, $3, $4, $5, 'Vĩnh viễn', true, 'law2011', $6, $7, $8) RETURNING id`,
    [s.agencyId, s.fondsId, s.notation ?? `HS-${++n}`, s.title, `${s.endYear ?? 2010}-12-31`, s.accessLevel ?? 'unrestricted', s.secrecy ?? null, s.declassifiedYear ?? null],
  );
  return r!.id;
}

export interface DocSpec {
  subject: string;
  typeName?: string;
  issuedDate?: string;
  organName?: string;
  codeNotation?: string;
  accessLevel?: 'unrestricted' | 'restricted';
  secrecy?: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
}

export async function document(db: Db, fileId: number, s: DocSpec): Promise<number> {
  const [{ k }] = (await db.query<{ k: number }>('SELECT count(*)::integer + 1 AS k FROM documents WHERE record_file_id = $1', [fileId])) as [{ k: number }];
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO documents (record_file_id, doc_ordinal, subject, type_name, issued_date, organ_name, code_notation, access_level, secrecy)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [fileId, k, s.subject, s.typeName ?? null, s.issuedDate ?? null, s.organName ?? null, s.codeNotation ?? null, s.accessLevel ?? 'unrestricted', s.secrecy ?? null],
  );
  return r!.id;
}

/** Words laid out left to right, 40 px per character, 60 px per line of 12 words: boxes a viewer can draw. */
export function wordsOf(text: string): { t: string; c: number; b: [number, number, number, number] }[] {
  return text.split(/\s+/).filter(Boolean).map((t, i) => {
    const x = 100 + (i % 12) * 260;
    const y = 100 + Math.floor(i / 12) * 60;
    return { t, c: 90, b: [x, y, x + t.length * 20, y + 40] };
  });
}

/** Lines of 12 words, as tesseract groups them (pages.ocr_lines: box and word index range). */
export function linesOf(words: ReturnType<typeof wordsOf>): { b: [number, number, number, number]; w: [number, number] }[] {
  const out: { b: [number, number, number, number]; w: [number, number] }[] = [];
  for (let i = 0; i < words.length; i += 12) {
    const ws = words.slice(i, i + 12);
    out.push({ b: [ws[0]!.b[0], ws[0]!.b[1], Math.max(...ws.map((w) => w.b[2])), ws[0]!.b[3]], w: [i, i + ws.length] });
  }
  return out;
}

export async function page(db: Db, fileId: number, text: string, opts: { documentId?: number | null; thumb?: boolean } = {}): Promise<number> {
  const [{ fonds_id }] = (await db.query<{ fonds_id: number }>('SELECT fonds_id FROM record_files WHERE id = $1', [fileId])) as [{ fonds_id: number }];
  const [b] = await db.query<{ id: number }>('INSERT INTO digitization_batches (fonds_id, record_file_id) VALUES ($1, $2) RETURNING id', [fonds_id, fileId]);
  const sha = createHash('sha256').update(`${fileId}:${++n}:${text}`).digest('hex');
  const [m] = await db.query<{ id: number }>(
    `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
     VALUES ($1, $2, $3, 'scan.tif', $4, 1000, 'tiff', 1) RETURNING id`,
    [b!.id, fileId, `masters/${sha}`, sha],
  );
  const [{ seq }] = (await db.query<{ seq: number }>('SELECT COALESCE(max(seq), 0) + 1 AS seq FROM pages WHERE record_file_id = $1', [fileId])) as [{ seq: number }];
  const nfc = text.normalize('NFC');
  const [p] = await db.query<{ id: number }>(
    `INSERT INTO pages (record_file_id, document_id, batch_id, master_id, seq, width, height, colour_mode, bit_depth,
       derivatives_status, thumb_key, ocr_status, ocr_text, ocr_words, ocr_lines, ocr_engine, ocr_done_at)
     VALUES ($1, $2, $3, $4, $5, 3400, 4800, 'grey', 8, 'done', $6, 'done', $7, $8, $9, 'tesseract.js', now()) RETURNING id`,
    [fileId, opts.documentId ?? null, b!.id, m!.id, seq, opts.thumb === false ? null : `thumbs/${sha}.webp`, nfc, JSON.stringify(wordsOf(nfc)), JSON.stringify(linesOf(wordsOf(nfc)))],
  );
  return p!.id;
}
