import { describe, expect, it } from 'vitest';
import { parseAgencyTable } from '../../../server/intake/agency-import.parse.js';
import type { Cell, Table } from '../../../server/spreadsheet/read-table.js';

const table = (headers: string[], rows: Cell[][], formulaCells: Table['formulaCells'] = []): Table => ({
  format: 'csv', headerRowNumber: 1, headers, formulaCells,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

describe('parseAgencyTable', () => {
  it('when headers are upper-case, unaccented and shuffled, then the columns are still found', () => {
    const r = parseAgencyTable(table(['CAP', 'TEN CO QUAN', 'STT', 'MA CO QUAN'], [['Xã', 'UBND xã Long Hưng', 1, 'X-LH']]));
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ ok: true, code: 'X-LH', name: 'UBND xã Long Hưng', level: 'commune' });
    // Absent optional columns stay undefined: the stored values are kept.
    expect(r.rows[0].status).toBeUndefined();
    expect(r.rows[0].parentCode).toBeUndefined();
  });

  it('when a status cell is empty, then the agency is active; when the word is unknown, then it is reported', () => {
    const r = parseAgencyTable(table(['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Trạng thái'], [['A', 'A', 'tỉnh', null], ['B', 'B', 'tỉnh', 'đình chỉ']]));
    expect(r.rows[0].status).toBe('active');
    expect(r.problems).toEqual([{ row: 3, column: 'Trạng thái', message: expect.stringContaining('đình chỉ') }]);
  });

  it('when codes are numbers in the sheet, then they are read as text; whitespace is collapsed', () => {
    const r = parseAgencyTable(table(['Mã cơ quan', 'Tên cơ quan', 'Cấp'], [[101, '  Sở   Y tế ', 'tỉnh']]));
    expect(r.rows[0]).toMatchObject({ code: '101', name: 'Sở Y tế' });
  });

  it('when a header appears twice, then it is reported and no rows are read', () => {
    const r = parseAgencyTable(table(['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Ma co quan'], [['A', 'A', 'tỉnh', 'B']]));
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([{ row: 1, column: 'Mã cơ quan', message: expect.stringContaining('nhiều lần') }]);
  });

  it('when a formula cell is in a required column, then it is reported once, not also as missing', () => {
    const r = parseAgencyTable(table(['Mã cơ quan', 'Tên cơ quan', 'Cấp'], [['A', null, 'tỉnh']], [{ rowNumber: 2, column: 2 }]));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'Tên cơ quan' });
  });

  it('when a text cell starts like a formula (+SUM(, @cmd(), then it is refused; a plain minus word is not', () => {
    const r = parseAgencyTable(table(['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Quyết định'], [['A', '+SUM(A1:A3)', 'tỉnh', '- số 12/QĐ']]));
    expect(r.problems.map((p) => p.column)).toEqual(['Tên cơ quan']);
  });
});
