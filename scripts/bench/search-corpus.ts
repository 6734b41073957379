/**
 * Deterministic search-bench corpus: page-length Vietnamese text assembled from the sentences of /work/shared/seeds
 * (real provincial reports), NFC, with files, documents, agencies and years around them, and 30 varied queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { prng as rng } from './prng.js';

export const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/seeds');

export const PAGES_PER_FILE = 50;
export const PAGES_PER_DOC = 10;
export const AGENCIES = 40;
export const DOC_TYPES = ['Quyết định', 'Công văn', 'Báo cáo', 'Kế hoạch', 'Tờ trình', 'Biên bản', 'Thông báo', 'Chỉ thị'];

export function loadSentences(): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(SEEDS_DIR).sort()) {
    const text = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').normalize('NFC').replace(/[*#|_]+/g, ' ');
    for (const s of text.split(/(?<=[.;:!?])\s+|\n+/)) {
      const t = s.replace(/\s+/g, ' ').trim();
      if (t.length >= 30 && t.length <= 400 && /\p{L}{2}/u.test(t)) out.push(t);
    }
  }
  if (out.length < 100) throw new Error(`Too few sentences in ${SEEDS_DIR}`);
  return out;
}

/** ~1,800 characters (≈ 380 syllables), about one typed A4 page. */
export function pageText(sentences: string[], r: () => number): string {
  let s = '';
  while (s.length < 1500 + r() * 600) s += (s ? ' ' : '') + sentences[Math.floor(r() * sentences.length)];
  return s;
}

export interface BenchQuery {
  q: string;
  exact?: boolean;
  agencyId?: number;
  fondsId?: number;
  yearFrom?: number;
  yearTo?: number;
  docType?: string;
}

/** 30 queries: rare and common syllables, phrases, prefixes, with and without marks, NFD, exclusions, filters. */
export const QUERIES: BenchQuery[] = [
  { q: 'Mỹ Hào' },
  { q: 'tín ngưỡng tôn giáo' },
  { q: 'khen thưởng đột xuất' },
  { q: 'Kim Động' },
  { q: 'phông lưu trữ' },
  { q: 'của' },
  { q: 'năm' },
  { q: 'tỉnh' },
  { q: 'công tác' },
  { q: 'và các' },
  { q: '"cải cách hành chính"' },
  { q: '"trung tâm lưu trữ lịch sử"' },
  { q: '"sở nội vụ"' },
  { q: '"văn thư lưu trữ"' },
  { q: 'chinh*' },
  { q: 'luu tr*' },
  { q: 'thi dua*' },
  { q: 'cai cach hanh chinh' },
  { q: 'hung yen' },
  { q: 'bien che' },
  { q: 'thu tuc hanh chinh truc tuyen' },
  { q: 'biên chế', exact: true },
  { q: 'bàn giao', exact: true },
  { q: 'Hưng Yên'.normalize('NFD') },
  { q: 'hội nghị -"tổng kết"' },
  { q: 'công chức', yearFrom: 2015 },
  { q: 'lưu trữ', agencyId: 3 },
  { q: 'quyết định', docType: 'Quyết định' },
  { q: 'đào tạo bồi dưỡng', fondsId: 7 },
  { q: 'chuyển đổi số', yearFrom: 2000, yearTo: 2010 },
];

export interface Page { id: number; fileId: number; docId: number; text: string }

export function* corpus(n: number): Generator<Page> {
  const sentences = loadSentences();
  const r = rng(20_211_231);
  for (let i = 0; i < n; i++) {
    yield { id: i + 1, fileId: Math.floor(i / PAGES_PER_FILE) + 1, docId: Math.floor(i / PAGES_PER_DOC) + 1, text: pageText(sentences, r) };
  }
}
export const fileYear = (f: number) => 1990 + ((f * 7) % 35);
export const fileAgency = (f: number) => (f % AGENCIES) + 1;
export const docType = (d: number) => DOC_TYPES[d % DOC_TYPES.length]!;

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
