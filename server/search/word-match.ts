/**
 * Which OCR words of a page match a query, for the viewer's boxes. Works on the words tesseract gave (pages.ocr_words)
 * with the same folding as the index, so "hung yen" boxes "Hưng" and "Yên"; a phrase boxes only words in sequence.
 */
import { exactTokens, foldTokens, type QueryTerm } from './query-parser.js';

export interface OcrWord {
  t: string;
  c?: number;
  b: [number, number, number, number];
}

export interface WordBox {
  /** Index of the word in pages.ocr_words. */
  index: number;
  text: string;
  box: [number, number, number, number];
}

export function matchWords(words: OcrWord[], terms: QueryTerm[], exact: boolean): WordBox[] {
  // One OCR word may hold several syllables ("QĐ-UBND"); flatten to a token stream that remembers its word.
  const stream: { tok: string; word: number }[] = [];
  words.forEach((w, i) => {
    for (const tok of exact ? exactTokens(w.t) : foldTokens(w.t)) stream.push({ tok, word: i });
  });
  const hit = new Set<number>();
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= stream.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const s = stream[i + k]!.tok;
        const q = term.tokens[k]!;
        ok = term.kind === 'prefix' && k === n - 1 ? s.startsWith(q) : s === q;
      }
      if (ok) for (let k = 0; k < n; k++) hit.add(stream[i + k]!.word);
    }
  }
  return [...hit].sort((a, b) => a - b).map((i) => ({ index: i, text: words[i]!.t, box: words[i]!.b }));
}
