/**
 * Text coming out of the OCR engine, made fit for storage and search: NFC (Vietnamese has several
 * decompositions of the same syllable), and `Ð` (U+00D0, Icelandic eth) folded to `Đ` (U+0110), which
 * tesseract's Vietnamese model sometimes emits for the capital D-with-stroke; a search for "Đà" would
 * otherwise miss it. Lower-case `ð` is folded too.
 */
const FOLD: Record<string, string> = { '\u00D0': '\u0110', '\u00F0': '\u0111' };

export function normaliseOcrText(text: string): string {
  return text.normalize('NFC').replace(/[\u00D0\u00F0]/g, (c) => FOLD[c]);
}

/** Page text: normalised, trailing spaces dropped, at most one blank line between paragraphs. */
export function normalisePageText(text: string): string {
  return normaliseOcrText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
