/**
 * Cell corrections that depend on what a column holds (ocr/tables/columns.ts) and the lost-space/dust rules of
 * cleanCell, on hand-made readings (pure code).
 */
import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../ocr/engine/types.js';
import { cleanCell } from '../../../ocr/tables/assemble.js';
import { columnKind, correctColumns, fixDateParts, respell, retentionOf, splitWord } from '../../../ocr/tables/columns.js';
import type { GridCell } from '../../../ocr/tables/grid.js';

const w = (t: string, c = 90, b: [number, number, number, number] = [0, 0, 40, 20]): OcrWord => ({ t, c, b });

/** A table of `headers` and data rows given as cell texts (each word one OcrWord), one cell per grid position. */
function table(headers: string[], rows: string[][]) {
  const cells: GridCell[] = [];
  const lines: OcrWord[][][] = [];
  [headers, ...rows].forEach((row, r) => row.forEach((text, c) => {
    cells.push({ r, c, rs: 1, cs: 1 });
    lines.push(text ? [text.split(' ').map((t, k) => w(t, 90, [k * 50, r * 30, k * 50 + 40, r * 30 + 20]))] : []);
  }));
  const texts = (out: OcrWord[][][]) => {
    const grid: string[][] = [];
    cells.forEach((g, id) => ((grid[g.r] ??= [])[g.c] = out[id].flat().map((x) => x.t).join(' ')));
    return grid;
  };
  return { cells, lines, texts };
}

describe('columnKind', () => {
  it('when a header is printed with or without marks and spaces, then its column is recognised', () => {
    expect(columnKind('Số TT')).toBe('ordinal');
    expect(columnKind('STT')).toBe('ordinal');
    expect(columnKind('Hồ sơ số')).toBe('ordinal');
    expect(columnKind('Hop so')).toBe('box');
    expect(columnKind('Thời hạn bảo quản')).toBe('retention');
    expect(columnKind('Thời gian')).toBe('period');
    expect(columnKind('Tiêu đề hồ sơ')).toBe('text');
    expect(columnKind('Số tờ')).toBe('text');
  });
});

describe('correctColumns', () => {
  it('when a serial number sits between two read neighbours, then the only value they leave is put in', () => {
    const t = table(['Số TT', 'Tiêu đề hồ sơ'], [['10', 'a'], ['1', 'b'], ['12', 'c'], ['gì', 'd'], ['14', 'e']]);
    expect(t.texts(correctColumns(t.cells, t.lines)).map((r) => r[0])).toEqual(['Số TT', '10', '11', '12', '13', '14']);
  });

  it('when neighbours leave a choice or are not read, then a serial or box number is left as read', () => {
    const t = table(['Số TT', 'Hộp số'], [['1', '1'], ['3', '3'], ['', ''], ['ri', '2'], ['5', '2']]);
    const out = t.texts(correctColumns(t.cells, t.lines));
    // Row 2: 1 and "" around it; row 4: "ri" above: nothing is certain, so nothing changes; empty cells stay empty.
    expect(out.map((r) => r[0])).toEqual(['Số TT', '1', '3', '', 'ri', '5']);
    expect(out.map((r) => r[1])).toEqual(['Hộp số', '1', '3', '', '2', '2']);
  });

  it('when a box number breaks a run of equal neighbours, then it takes their value and keeps its box and confidence', () => {
    const t = table(['Hộp số', 'Hồ sơ số'], [['2', '5'], ['gì', '6'], ['2', '7'], ['3', '8'], ['8', '9'], ['3', '10']]);
    t.lines[4] = [[w('gì', 38, [5, 60, 30, 80])]];
    const out = correctColumns(t.cells, t.lines);
    expect(t.texts(out).map((r) => r[0])).toEqual(['Hộp số', '2', '2', '2', '3', '3', '3']);
    expect(out[4]).toEqual([[{ t: '2', c: 38, b: [5, 60, 30, 80] }]]);
  });

  it('when a retention cell is a mark or a letter away from "Vĩnh viễn" or "N năm", then it is that value', () => {
    const t = table(['Số TT', 'Thời hạn bảo quản'], [['1', 'Vĩnh viên'], ['2', 'Vĩnh .x - viên'], ['3', '70 nằm'], ['4', 'Vĩnh viễn'], ['5', 'Hết hiệu lực'], ['6', '']]);
    expect(t.texts(correctColumns(t.cells, t.lines)).map((r) => r[1]))
      .toEqual(['Thời hạn bảo quản', 'Vĩnh viễn', 'Vĩnh viễn', '70 năm', 'Vĩnh viễn', 'Hết hiệu lực', '']);
    expect(retentionOf('Vĩnh xiễn')).toBe('Vĩnh viễn');
    expect(retentionOf('10 năm 5 tháng')).toBeNull();
    expect(retentionOf('Vinh')).toBeNull();
  });

  it('when a date part is over its maximum and starts with a look-alike of 0, then it had a 0', () => {
    expect(fixDateParts('92/2016')).toBe('02/2016');
    expect(fixDateParts('95/2020-')).toBe('05/2020-');
    expect(fixDateParts('91/86/2019')).toBe('01/06/2019');
    expect(fixDateParts('12/2016')).toBe('12/2016');
    expect(fixDateParts('17/2016')).toBe('17/2016'); // 1 is no look-alike of 0: left for the reviewer
    expect(fixDateParts('90/2016')).toBe('90/2016');
    const t = table(['Số TT', 'Thời gian', 'Tiêu đề hồ sơ'], [['1', '92/2016 - 12/2016', 'Nghị định 92/2016']]);
    expect(t.texts(correctColumns(t.cells, t.lines))[1].slice(1)).toEqual(['02/2016 - 12/2016', 'Nghị định 92/2016']);
  });

  it('when a header lost a space, then it is printed as on the form; without a known header nothing changes', () => {
    const t = table(['SốTT', 'Tiêu đề hồ sơ'], [['1', 'a']]);
    expect(t.texts(correctColumns(t.cells, t.lines))[0]).toEqual(['Số TT', 'Tiêu đề hồ sơ']);
    const plain = table(['Họ tên', 'Ghi chú'], [['Vĩnh viên', '1'], ['92/2016', 'gì'], ['x', '3']]);
    expect(correctColumns(plain.cells, plain.lines)).toEqual(plain.lines);
  });
});

describe('cleanCell lost spaces and dust', () => {
  const texts = (words: OcrWord[]) => cleanCell([words]).flat().map((x) => x.t);

  it('when punctuation is glued between two words, then the space is put back; abbreviations and addresses stay', () => {
    expect(texts([w('việc'), w('các,dịch'), w('vụ')])).toEqual(['việc', 'các', 'dịch', 'vụ']);
    expect(texts([w('Nghị'), w('quyết.29-NQ/TU'), w('của')])).toEqual(['Nghị', 'quyết', '29-NQ/TU', 'của']);
    expect(texts([w('v.v.')])).toEqual(['v.v.']);
    expect(texts([w('hungyen.gov.vn'), w('TP.HCM')])).toEqual(['hungyen.gov.vn', 'TP.HCM']);
  });

  it('when a cell ends with a full stop after a word, or starts with a lone modifier mark, then they go', () => {
    expect(texts([w('Số'), w('tờ.', 67)])).toEqual(['Số', 'tờ']);
    expect(texts([w('ˆ', 27), w('2018')])).toEqual(['2018']);
    expect(texts([w('Ghi'), w('chú'), w('v.v.')])).toEqual(['Ghi', 'chú', 'v.v.']);
  });

  it('when a range dash is glued to one date only, then it stands alone between them', () => {
    expect(texts([w('02/2021-'), w('09/2021')])).toEqual(['02/2021', '-', '09/2021']);
    expect(texts([w('02/2021'), w('-09/2021')])).toEqual(['02/2021', '-', '09/2021']);
    expect(texts([w('02/2021-09/2021')])).toEqual(['02/2021-09/2021']);
    expect(texts([w('29-NQ/TU')])).toEqual(['29-NQ/TU']);
  });

  it('when a word is split, then the parts share its box in proportion to their letters', () => {
    expect(splitWord(w('các,dịch', 88, [100, 10, 180, 30]), ['các', 'dịch'])).toEqual([
      { t: 'các', c: 88, b: [100, 10, 134, 30] }, { t: 'dịch', c: 88, b: [134, 10, 180, 30] },
    ]);
  });
});

describe('respell', () => {
  it('when a cell is rewritten with more or fewer words than were read, then every word keeps a box inside the old ones', () => {
    const one = correctColumns([{ r: 0, c: 0, rs: 1, cs: 1 }, { r: 0, c: 1, rs: 1, cs: 1 }], [[[w('SốTT', 91, [10, 5, 90, 25])]], [[w('Thời', 90), w('gian', 90)]]]);
    expect(one[0]).toEqual([[{ t: 'Số', c: 91, b: [10, 5, 50, 25] }, { t: 'TT', c: 91, b: [50, 5, 90, 25] }]]);
    const many = respell([[w('Vĩnh', 95, [0, 0, 40, 20]), w('.x', 55, [45, 0, 55, 20]), w('-', 90, [60, 0, 65, 20]), w('viên', 93, [70, 0, 110, 22])]], ['Vĩnh', 'viễn']);
    expect(many).toEqual([[{ t: 'Vĩnh', c: 95, b: [0, 0, 40, 20] }, { t: 'viễn', c: 55, b: [45, 0, 110, 22] }]]);
  });
});

describe('period and header dust', () => {
  it('when a range lost its dash or a date has dust glued to it, then the range is printed whole', () => {
    const t = table(['Số TT', 'Thời gian'], [['1', '04/2015 10/2015'], ['2', '02/2021 - :09/2021'], ['3', '2016'], ['4', '2016 Bản sao']]);
    const out = correctColumns(t.cells, t.lines);
    expect(t.texts(out).map((r) => r[1])).toEqual(['Thời gian', '04/2015 - 10/2015', '02/2021 - 09/2021', '2016', '2016 Bản sao']);
    // The inserted dash sits in the gap between the two dates.
    expect(out[3].flat()[1]).toEqual({ t: '-', c: 90, b: [40, 30, 50, 50] });
    expect(t.texts(correctColumns(t.cells, t.lines))[3][1]).toBe('2016');
    // A wrapped range gets its dash at the end of the first line, half a line high wide.
    const twoLines = correctColumns(t.cells.slice(0, 4), [...t.lines.slice(0, 3), [[w('04/2015', 96, [10, 0, 150, 30])], [w('10/2015', 92, [30, 50, 160, 80])]]]);
    expect(twoLines[3]).toEqual([[w('04/2015', 96, [10, 0, 150, 30]), w('-', 92, [150, 0, 165, 30])], [w('10/2015', 92, [30, 50, 160, 80])]]);
    expect(fixDateParts(':92/2016')).toBe('02/2016');
    const list = table(['Thời gian'], [['01/2015, 03/2015']]);
    expect(list.texts(correctColumns(list.cells, list.lines))[1]).toEqual(['01/2015, 03/2015']);
    expect(fixDateParts(':abc')).toBe(':abc');
  });

  it('when a header has dust or a wrong case inside, then it is printed as on the form', () => {
    const t = table(['số. tờ', 'Thời gian'], [['1', '2016']]);
    expect(t.texts(correctColumns(t.cells, t.lines))[0]).toEqual(['Số tờ', 'Thời gian']);
  });
});

describe('first and last rows of a counted column', () => {
  it('when the first or last serial or box number is misread, then the rows next to it decide it only when they agree', () => {
    const t = table(['Số TT', 'Hộp số'], [['ri', 'ri'], ['2', '1'], ['3', '1'], ['4', '2'], ['gì', 'x']]);
    expect(t.texts(correctColumns(t.cells, t.lines)).slice(1).map((r) => r.join(' '))).toEqual(['1 1', '2 1', '3 1', '4 2', '5 x']);
    // Next rows 7 and 9 do not count on; a box after a 2 may be 1 or 2.
    const u = table(['Số TT', 'Hộp số'], [['ri', 'ri'], ['7', '2'], ['9', '2']]);
    expect(u.texts(correctColumns(u.cells, u.lines)).slice(1).map((r) => r.join(' '))).toEqual(['ri ri', '7 2', '9 2']);
  });
});
