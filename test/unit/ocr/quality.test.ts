import { describe, expect, it } from 'vitest';
import { cer, charErrors, levenshtein, pooledRate, wer, wordErrors } from '../../../ocr/quality.js';

describe('OCR quality metrics', () => {
  it('when sequences differ by known edits, then levenshtein counts them', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
    expect(levenshtein([], [...'abc'])).toBe(3);
    expect(levenshtein([...'abc'], [...'abc'])).toBe(0);
  });

  it('when only line breaks, spacing or Unicode form differ, then CER and WER are zero', () => {
    const truth = 'Độc lập - Tự do\nHạnh phúc';
    expect(cer('Độc  lập - Tự do Hạnh\n\nphúc '.normalize('NFD'), truth)).toBe(0);
    expect(wer('Độc lập -\tTự do Hạnh phúc', truth)).toBe(0);
  });

  it('when a tone mark is wrong, then it is one character error and one word error', () => {
    const truth = 'năm 2021 và'; // 11 characters, 3 words
    expect(charErrors('nặm 2021 và', truth)).toEqual({ errors: 1, length: 11 });
    expect(cer('nặm 2021 và', truth)).toBeCloseTo(1 / 11);
    expect(wordErrors('nặm 2021 và', truth)).toEqual({ errors: 1, length: 3 });
    expect(wer('nặm 2021 và', truth)).toBeCloseTo(1 / 3);
  });

  it('when pages are pooled, then the rate is total errors over total length', () => {
    expect(pooledRate([{ errors: 1, length: 10 }, { errors: 0, length: 90 }])).toBeCloseTo(0.01);
    expect(pooledRate([])).toBe(0);
  });

  it('when the reference is empty, then any output is a full error', () => {
    expect(cer('', '')).toBe(0);
    expect(cer('x', '')).toBe(1);
  });
});
