import { describe, expect, it } from 'vitest';
import { parsePeriodRange } from '../../../server/spreadsheet/period-range.js';

const span = (text: string) => {
  const r = parsePeriodRange(text);
  return r.ok ? [r.value.from.start, r.value.to.end, r.value.from.text, r.value.to.text] : r.message;
};

describe('the combined "Thời gian tài liệu" cell', () => {
  it('when it holds two dates joined by a dash or "đến", then they are the start and the end', () => {
    expect(span('02/2021 - 12/2021')).toEqual(['2021-02-01', '2021-12-31', '02/2021', '12/2021']);
    expect(span('2019-2020')).toEqual(['2019-01-01', '2020-12-31', '2019', '2020']);
    expect(span('12/3/2005 - 4/6/2006')).toEqual(['2005-03-12', '2006-06-04', '12/3/2005', '4/6/2006']);
    expect(span('12-3-2005 - 4-6-2006')).toEqual(['2005-03-12', '2006-06-04', '12-3-2005', '4-6-2006']);
    expect(span('1995 – 1998')).toEqual(['1995-01-01', '1998-12-31', '1995', '1998']);
    expect(span('03/2001 đến 11/2001')).toEqual(['2001-03-01', '2001-11-30', '03/2001', '11/2001']);
  });

  it('when it holds one date, then it is both the start and the end', () => {
    expect(span('1999')).toEqual(['1999-01-01', '1999-12-31', '1999', '1999']);
    expect(span('2005-03-12')).toEqual(['2005-03-12', '2005-03-12', '2005-03-12', '2005-03-12']);
    expect(parsePeriodRange(2003)).toMatchObject({ ok: true, value: { from: { start: '2003-01-01' }, to: { end: '2003-12-31' } } });
    expect(parsePeriodRange(new Date(Date.UTC(2010, 4, 9)))).toMatchObject({ ok: true, value: { from: { start: '2010-05-09' }, to: { end: '2010-05-09' } } });
  });

  it('when it cannot be read, then the message quotes it and says why', () => {
    expect(span('khoảng năm 2000')).toMatch(/^Thời gian "khoảng năm 2000" không đọc được: .*02\/2021 - 12\/2021/);
    expect(span('2021 - 2019')).toBe('Thời gian "2021 - 2019": mốc đầu (2021) sau mốc cuối (2019).');
    expect(span('13/2021 - 12/2021')).toBe('Thời gian "13/2021 - 12/2021": Tháng 13 không hợp lệ trong "13/2021".');
  });
});
