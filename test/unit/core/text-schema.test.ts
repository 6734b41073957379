import { describe, expect, it } from 'vitest';
import { BodyId, Id, requiredText, text } from '../../../server/core/schemas.js';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  expect(r.success, JSON.stringify(v)).toBe(true);
  return r.data;
};
const refused = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);

describe('the edge text schema', () => {
  it('when text holds zero-width characters or a BOM, then they are stripped', () => {
    expect(ok(requiredText(100), '\uFEFFSở\u200B Nội\u200D vụ\u2060')).toBe('Sở Nội vụ');
    refused(requiredText(100), '\u200B\uFEFF');
  });

  it('when text holds a bidi override or isolate, then it is refused', () => {
    refused(requiredText(100), 'ACC \u202egnp.exe');
    refused(text(100), 'a\u2066b\u2069');
    refused(text(100), 'a\u200Fb');
  });

  it('when a single-line field holds control characters or a line break, then it is refused', () => {
    for (const c of ['\u0000', '\u0001', '\u0007', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085']) refused(requiredText(100), `Tên${c}cơ quan`);
  });

  it('when a multi-line field holds TAB and line breaks, then they are kept (CR LF as LF) and other controls are refused', () => {
    expect(ok(text(500, { multiline: true }), 'Dòng 1\r\nDòng 2\tcột')).toBe('Dòng 1\nDòng 2\tcột');
    refused(text(500, { multiline: true }), 'Dòng 1\u0000');
    refused(text(500, { multiline: true }), 'Dòng 1\u000BDòng 2');
    refused(text(500, { multiline: true }), 'a \u202e b');
  });

  it('when text holds a lone surrogate, then it is refused; a real pair (emoji) passes', () => {
    refused(text(100), 'ab\uD800c');
    refused(text(100), 'ab\uDC00');
    expect(ok(text(100), 'hộp 📦')).toBe('hộp 📦');
  });

  it('when Vietnamese arrives in NFD, then it is stored NFC and trimmed', () => {
    expect(ok(requiredText(100), '  Hu\u031B\u0300ng Yên ')).toBe('H\u1EEBng Yên');
  });
});

describe('the edge id schema', () => {
  it('when an id is above 2^31−1, zero, negative or not an integer, then it is refused; 1 … 2^31−1 pass', () => {
    expect(ok(Id, '2147483647')).toBe(2147483647);
    expect(ok(BodyId, 1)).toBe(1);
    for (const v of ['2147483648', '0', '-1', '1.5', 'abc', '']) refused(Id, v);
    for (const v of [2147483648, 0, -1, 1.5, '1', null]) refused(BodyId, v);
  });
});
