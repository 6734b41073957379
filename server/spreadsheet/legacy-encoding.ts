/**
 * Text typed with the pre-Unicode Vietnamese fonts (TCVN 5712:1993 "TCVN3"/ABC with .VnTime, and VNI-Windows with
 * VNI-Times) reaches us as the Windows-1252 letters of those fonts' bytes ("Hå s¬ vÒ viÖc" for "Hồ sơ về việc").
 * Detection is conservative: a cell is converted only when, read as it is, some word is not Vietnamese, and once
 * converted every changed word is a Vietnamese syllable. Anything else (plain ASCII, Unicode Vietnamese, French or
 * German names) is left exactly as written.
 */
import { isVietnameseSyllable } from './vietnamese-syllable.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

export const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI-Windows (phông VNI-Times)' };

/** TCVN3 (TCVN 5712:1993, VN3): byte → letter. Capitals with tone marks are not in VN3 (.VnTimeH draws them). */
const TCVN3: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

/** VNI-Windows letters that stand alone (ơ, ư, đ and the i/ỵ forms). */
const VNI_LETTERS: Record<string, string> = {
  'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
  'ì': 'ì', 'Ì': 'Ì', 'í': 'í', 'Í': 'Í', 'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
};

const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323', CIRC = '\u0302', BREVE = '\u0306';

/** VNI-Windows marks written after the vowel they belong to: [shape, tone]. Upper and lower case forms. */
const VNI_MARKS: Record<string, [string, string]> = {};
for (const [lower, upper, shape, tone] of [
  ['ù', 'Ù', '', ACUTE], ['ø', 'Ø', '', GRAVE], ['û', 'Û', '', HOOK], ['õ', 'Õ', '', TILDE], ['ï', 'Ï', '', DOT],
  ['â', 'Â', CIRC, ''], ['á', 'Á', CIRC, ACUTE], ['à', 'À', CIRC, GRAVE], ['å', 'Å', CIRC, HOOK], ['ã', 'Ã', CIRC, TILDE], ['ä', 'Ä', CIRC, DOT],
  ['ê', 'Ê', BREVE, ''], ['é', 'É', BREVE, ACUTE], ['è', 'È', BREVE, GRAVE], ['ú', 'Ú', BREVE, HOOK], ['ü', 'Ü', BREVE, TILDE], ['ë', 'Ë', BREVE, DOT],
] as const) {
  VNI_MARKS[lower] = [shape, tone];
  VNI_MARKS[upper] = [shape, tone];
}

const TONE_BASES = new Set('aeiouyAEIOUY');

/** TCVN3 text to Unicode NFC, or null when a character is not in the VN3 set. */
export function decodeTcvn3(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || code > 0xff) out += ch;
    else if (TCVN3[code]) out += TCVN3[code];
    else return null;
  }
  return out.normalize('NFC');
}

/** VNI-Windows text to Unicode NFC, or null when a mark follows no vowel that can carry it. */
export function decodeVni(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || code > 0xff) { out += ch; continue; }
    const mark = VNI_MARKS[ch];
    if (mark) {
      // Vietnamese letters are single code points in NFC, so the vowel is the last character written.
      const nfd = out.slice(-1).normalize('NFD');
      const base = nfd.charAt(0);
      const marks = nfd.slice(1);
      const [shape, tone] = mark;
      if (!TONE_BASES.has(base)) return null;
      if (tone && /[\u0300\u0301\u0303\u0309\u0323]/u.test(marks)) return null;
      if (shape && /[\u0302\u0306\u031b]/u.test(marks)) return null;
      if (shape === CIRC && !/[aeoAEO]/.test(base)) return null;
      if (shape === BREVE && !/[aA]/.test(base)) return null;
      out = out.slice(0, -1) + (base + marks + shape + tone).normalize('NFC');
      continue;
    }
    if (VNI_LETTERS[ch]) { out += VNI_LETTERS[ch]; continue; }
    return null;
  }
  return out.normalize('NFC');
}

/** Runs of letters, including every Latin-1 character a legacy font uses for a letter (¬ is ơ, § is Đ in TCVN3). */
const WORD = /[A-Za-z\u00a1-\u00ff]+/g;
const hasLatin1 = (s: string) => /[\u0080-\u00ff]/.test(s);
/** Windows-1252 punctuation (dashes, curly quotes, ellipsis) sits beside legacy-font text; anything else beyond Latin-1 is Unicode. */
const beyondLatin1 = (s: string) => /[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/.test(s);

function allVietnamese(words: string[]): boolean {
  return words.every((w) => isVietnameseSyllable(w));
}

/** .VnTimeH shows the VN3 lower-case codes as capitals: a cell whose plain letters are all capitals is all capitals. */
function restoreCapitals(original: string, converted: string): string {
  const ascii = original.match(/[A-Za-z]/g) ?? [];
  return ascii.length >= 2 && ascii.every((c) => c >= 'A' && c <= 'Z') ? converted.toUpperCase() : converted;
}

export interface LegacyText {
  encoding: LegacyEncoding;
  text: string;
}

/** The Unicode text of a cell typed in a legacy encoding, or null when the cell is not (confidently) one. */
export function detectLegacy(text: string): LegacyText | null {
  // Characters beyond Latin-1 (ư, ạ, ế…) mean the cell is Unicode already; pure ASCII has nothing to convert.
  if (!hasLatin1(text) || beyondLatin1(text)) return null;
  const words = (text.match(WORD) ?? []).filter(hasLatin1);
  // A lone symbol ("Ø 12 mm") is no evidence; a legacy word always has a letter beside its marked vowel.
  if (allVietnamese(words) || !words.some((w) => w.length >= 2)) return null;
  const found: LegacyText[] = [];
  for (const [encoding, decode] of [['tcvn3', decodeTcvn3], ['vni', decodeVni]] as const) {
    const decoded = decode(text);
    if (decoded === null) continue;
    const changed = words.map((w) => decode(w)!);
    if (changed.every((w) => w !== null && isVietnameseSyllable(w))) found.push({ encoding, text: restoreCapitals(text, decoded) });
  }
  // Text that reads as Vietnamese in both encodings is too ambiguous to change.
  return found.length === 1 ? found[0] : null;
}

/** A header in either legacy encoding, decoded without the syllable test (the caller checks it against the form). */
export function legacyHeaderCandidates(header: string): LegacyText[] {
  if (!hasLatin1(header) || beyondLatin1(header)) return [];
  const out: LegacyText[] = [];
  const t = decodeTcvn3(header);
  if (t !== null) out.push({ encoding: 'tcvn3', text: t });
  const v = decodeVni(header);
  if (v !== null) out.push({ encoding: 'vni', text: v });
  return out;
}
