/** Vietnamese text folding shared by header matching, code lists and search. */

/** Lower-case without tone marks or diacritics (đ→d), punctuation kept. Input may be NFC or NFD. */
export function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase();
}

/** stripMarks, with punctuation as single spaces: for matching headers and code-list words. */
export function fold(s: string): string {
  return stripMarks(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Spreadsheet apps execute cells starting with these; exports prefix them so they stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** A text cell that a spreadsheet would run as a formula (=HYPERLINK(…), +SUM(…), @cmd…). */
export function looksLikeFormula(v: string): boolean {
  const t = v.trimStart();
  return /^=/.test(t) || /^[+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(t);
}
