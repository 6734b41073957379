import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../server/spreadsheet/csv.js';

describe('CSV delimiter', () => {
  it('when the header row is separated by `,`, `;` or TAB, then that one delimiter is used for the whole file', () => {
    expect(detectDelimiter('Số TT,Tiêu đề hồ sơ,Ghi chú\n1,"a; b",c')).toBe(',');
    expect(detectDelimiter('\uFEFFSố TT;Tiêu đề hồ sơ;Ghi chú\r\n1;a, b;c')).toBe(';');
    expect(detectDelimiter('Số TT\tTiêu đề hồ sơ\tGhi chú\n')).toBe('\t');
  });

  it('when delimiters appear inside quoted headers or below the header, then they do not count', () => {
    expect(detectDelimiter('"Số, ký hiệu hồ sơ";"Tiêu đề";"Ghi chú"\n1,2,3,4,5,6')).toBe(';');
    expect(detectDelimiter('\n\nMã cơ quan;Tên cơ quan\n')).toBe(';');
    expect(detectDelimiter('Tiêu đề hồ sơ\n')).toBe(',');
  });
});
