import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../server/search/query-parser.js';
import { matchWords } from '../../../server/search/word-match.js';

describe('query parser', () => {
  it('when words, phrases, prefixes and exclusions are mixed, then the tsquery ANDs them over folded lexemes', () => {
    expect(parseQuery('Biên bản "giao nhận tài liệu" lưu* -Hà').tsquery).toBe(
      "'bien' & 'ban' & ('giao' <-> 'nhan' <-> 'tai' <-> 'lieu') & 'luu':* & !'ha'",
    );
  });

  it('when input is NFD, then it parses like NFC', () => {
    const nfc = parseQuery('Hưng Yên Đông');
    expect(parseQuery('Hưng Yên Đông'.normalize('NFD'))).toEqual(nfc);
    expect(nfc.tsquery).toBe("'hung' & 'yen' & 'dong'");
  });

  it('when someone types tsquery syntax or quotes, then it cannot reach the tsquery', () => {
    const p = parseQuery(`a' | b:* & !c <-> (d)`);
    expect(p.tsquery).toBe("'a' & 'b':* & 'c' & 'd'"); // b:* ends in *: a prefix, as typed
    expect(parseQuery("O'Brien").tsquery).toBe("('o' <-> 'brien')");
  });

  it('when exact, then marks are kept, exclusions apply to the exact spelling only, and patterns respect word edges', () => {
    const p = parseQuery('bàn -bán', true);
    expect(p.tsquery).toBe("'ban'");
    expect(p.exactTsquery).toBe("'bàn'");
    const [pos, neg] = p.exactPatterns!;
    expect(neg!.negated).toBe(true);
    const re = new RegExp(pos!.re.replace(/\\u([0-9a-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'u');
    expect(re.test('bàn giao')).toBe(true);
    expect(re.test('bàng')).toBe(false);
    expect(re.test('ban')).toBe(false);
  });

  it('when the query has only exclusions or punctuation, then there is nothing to search', () => {
    expect(parseQuery('-hung').tsquery).toBe('');
    expect(parseQuery('... ""').tsquery).toBe('');
  });
});

describe('word boxes', () => {
  const words = ['Căn', 'cứ', 'Quyết', 'định', '667/QĐ-UBND', 'của', 'UBND', 'tỉnh', 'Hưng', 'Yên'].map((t, i) => ({ t, b: [i * 10, 0, i * 10 + 9, 9] as [number, number, number, number] }));

  it('when a phrase spans words, then only words in that sequence are boxed; notations match by syllable', () => {
    expect(matchWords(words, parseQuery('"tinh hung yen" qd-ubnd').positive, false).map((w) => w.text)).toEqual(['667/QĐ-UBND', 'tỉnh', 'Hưng', 'Yên']);
    expect(matchWords(words, parseQuery('"hung tinh"').positive, false)).toEqual([]);
    expect(matchWords(words, parseQuery('quy*').positive, false).map((w) => w.index)).toEqual([2]);
  });
});
