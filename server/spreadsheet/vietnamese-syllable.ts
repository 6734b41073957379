/**
 * Whether a word is a well-formed Vietnamese syllable: onset, vowel cluster, final consonant, at most one tone.
 * The legacy-encoding detector relies on it both ways: text that already reads as Vietnamese is left alone,
 * and a conversion is kept only when every converted word reads as Vietnamese.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
/** Vowel clusters of the standard orthography (both "oà" and "òa" tone placements reduce to the same letters). */
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ',
  'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu',
];
const CODA = '(?:ch|nh|ng|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.sort((a, b) => b.length - a.length).join('|')})${CODA}$`, 'u');

export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const base = nfd.replace(TONES, '').normalize('NFC');
  // "gi" + i-cluster ("gì", "giữ") and "qu" + u-cluster are covered by the onset alternatives.
  return SYLLABLE.test(base);
}
