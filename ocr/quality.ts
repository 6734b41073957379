/**
 * OCR quality metrics against a ground truth: character error rate (CER) and word error rate (WER), both
 * Levenshtein distance / reference length. Texts are compared as NFC with whitespace runs collapsed, so a
 * different line wrapping or NFD input is not counted as an error; letters, marks and punctuation are.
 */
export function normaliseForMetric(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Edit distance between two sequences (insertions, deletions, substitutions all cost 1). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (!b.length) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface ErrorCount {
  errors: number;
  length: number;
}

export function charErrors(hypothesis: string, reference: string): ErrorCount {
  const ref = Array.from(normaliseForMetric(reference));
  const hyp = Array.from(normaliseForMetric(hypothesis));
  return { errors: levenshtein(hyp, ref), length: ref.length };
}

export function wordErrors(hypothesis: string, reference: string): ErrorCount {
  const words = (s: string) => normaliseForMetric(s).split(' ').filter(Boolean);
  const ref = words(reference);
  return { errors: levenshtein(words(hypothesis), ref), length: ref.length };
}

const rate = ({ errors, length }: ErrorCount) => (length ? errors / length : errors ? 1 : 0);

/** Character error rate, 0 = perfect; may exceed 1 when the hypothesis is much longer than the reference. */
export const cer = (hypothesis: string, reference: string) => rate(charErrors(hypothesis, reference));
export const wer = (hypothesis: string, reference: string) => rate(wordErrors(hypothesis, reference));

/** Overall rate over many pages: total errors / total reference length (not a mean of page rates). */
export function pooledRate(counts: ErrorCount[]): number {
  return rate(counts.reduce((s, c) => ({ errors: s.errors + c.errors, length: s.length + c.length }), { errors: 0, length: 0 }));
}
