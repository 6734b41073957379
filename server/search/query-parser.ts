/**
 * The researcher's query language, turned into a PostgreSQL tsquery string over the same folded lexemes the index holds
 * (0041_search.sql: search_fold). Plain words are ANDed; "a phrase" keeps word order; `word*` is a prefix; `-word` or
 * `-"a phrase"` excludes. Input may be NFC or NFD; tone marks and đ are folded unless the exact-accent option is on.
 *
 * Lexemes are rebuilt here from letters and digits only, so nothing the user types can inject tsquery syntax.
 */
import { stripMarks } from '../spreadsheet/text.js';

export interface QueryTerm {
  /** Syllables of the term, folded the way the index folds them (or lower-cased NFC when exact). */
  tokens: string[];
  kind: 'word' | 'phrase' | 'prefix';
  negated: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Positive terms only: what must match, and what the viewer and the snippets highlight. */
  positive: QueryTerm[];
  /** tsquery over folded lexemes (always used: it is what the GIN index answers). */
  tsquery: string;
  /** tsquery over lower-cased, accent-keeping lexemes; set only when exact (drives the snippet highlight). */
  exactTsquery: string | null;
  /** Exact mode: the accent-keeping tsquery with exclusions, matched against pages.search_tsv_exact. */
  exactMatchTsquery: string | null;
  /**
   * Exact mode only: one regular expression per term over lower(text), for the (short) metadata rows the folded index
   * found. A regex, not to_tsvector on the fly: re-parsing each candidate cost ~0.4 ms per page-sized text.
   */
  exactPatterns: { re: string; negated: boolean }[] | null;
}

// Letters and digits of lower-cased NFC Vietnamese (U+00C0–U+1EFF holds every precomposed Latin letter with marks):
// spelled out so the regex means the same on PGlite (C locale) and on any server locale.
const WORD = '0-9a-z\u00c0-\u1eff';
const NOT_WORD = `[^${WORD}]`;

export function exactPattern(t: QueryTerm): string {
  const body = t.tokens.join(`${NOT_WORD}+`);
  return `(^|${NOT_WORD})${body}${t.kind === 'prefix' ? '' : `($|${NOT_WORD})`}`;
}

/** Same folding as SQL search_fold(): lower, marks and đ stripped; then split on anything not a letter or digit. */
export function foldTokens(s: string): string[] {
  return splitTokens(stripMarks(s));
}

/** Exact-accent side: NFC lower-case, marks kept (Ð, a tesseract.js slip for Đ, folded to đ). */
export function exactTokens(s: string): string[] {
  return splitTokens(s.normalize('NFC').replace(/Ð/g, 'Đ').toLowerCase());
}

function splitTokens(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

const TERM = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;

export function parseQuery(input: string, exact = false): ParsedQuery {
  const text = input.normalize('NFC');
  const raw: { negated: boolean; phrase: boolean; text: string }[] = [];
  for (const m of text.matchAll(TERM)) {
    if (m[2] !== undefined) raw.push({ negated: m[1] === '-', phrase: true, text: m[2] });
    else raw.push({ negated: m[3] === '-', phrase: false, text: m[4] ?? '' });
  }
  const terms: QueryTerm[] = [];
  const exactTerms: QueryTerm[] = [];
  for (const r of raw) {
    const prefix = !r.phrase && /\*+$/.test(r.text);
    const folded = foldTokens(r.text);
    if (folded.length === 0) continue;
    // "QĐ-UBND" or "1.635" is one word to the user but two syllables to the index: match them as a phrase.
    const kind: QueryTerm['kind'] = prefix ? 'prefix' : r.phrase || folded.length > 1 ? 'phrase' : 'word';
    terms.push({ tokens: folded, kind, negated: r.negated });
    exactTerms.push({ tokens: exactTokens(r.text), kind, negated: r.negated });
  }
  const positive = terms.filter((t) => !t.negated);
  return {
    terms: exact ? exactTerms : terms,
    positive: exact ? exactTerms.filter((t) => !t.negated) : positive,
    // In exact mode exclusions apply to the exact spelling only: the folded index query keeps just the positive terms.
    tsquery: positive.length ? toTsquery(exact ? positive : terms) : '',
    exactTsquery: exact && positive.length ? toTsquery(exactTerms.filter((t) => !t.negated)) : null,
    exactMatchTsquery: exact && positive.length ? toTsquery(exactTerms) : null,
    exactPatterns: exact ? exactTerms.map((t) => ({ re: exactPattern(t), negated: t.negated })) : null,
  };
}

function lexeme(t: string): string {
  // Tokens hold letters and digits only; quoting keeps the 'simple' dictionary from treating any as an operator.
  return `'${t}'`;
}

function termSql(t: QueryTerm): string {
  const parts = t.tokens.map(lexeme);
  if (t.kind === 'prefix') parts[parts.length - 1] += ':*';
  const body = parts.length > 1 ? `(${parts.join(' <-> ')})` : parts[0]!;
  return t.negated ? `!${body}` : body;
}

export function toTsquery(terms: QueryTerm[]): string {
  return terms.map(termSql).join(' & ');
}
