import { describe, expect, it } from 'vitest';
import { normaliseOcrText, normalisePageText } from '../../../ocr/engine/normalise.js';

describe('normaliseOcrText', () => {
  it('when text arrives decomposed (NFD), then it is stored composed (NFC)', () => {
    const nfd = 'Hưng Yên'.normalize('NFD');
    expect(nfd).not.toBe('Hưng Yên');
    expect(normaliseOcrText(nfd)).toBe('Hưng Yên');
  });

  it('when the engine emits the Icelandic eth Ð/ð, then it becomes the Vietnamese Đ/đ', () => {
    expect(normaliseOcrText('\u00D0ộc lập, \u00F0ã')).toBe('\u0110ộc lập, \u0111ã');
    expect(normaliseOcrText('\u00D0ộc')).toBe('Độc');
  });

  it('when page text has trailing spaces and runs of blank lines, then at most one blank line separates paragraphs', () => {
    expect(normalisePageText('a  \r\nb\n\n\n\nc \n')).toBe('a\nb\n\nc');
  });
});
