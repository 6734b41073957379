import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../../server/spreadsheet/read-table.js';
import { mapColumns } from '../../../server/handover/inventory/columns.js';
import { parsePeriod, parseInteger } from '../../../server/spreadsheet/cells.js';
import { parseAccessLevel, isPermanent, normaliseBoxNo } from '../../../server/handover/inventory/cells.js';
import { parseInventory, type InventoryContext } from '../../../server/handover/inventory/parse-inventory.js';
import { computeSummary } from '../../../server/handover/inventory/summary.js';

const HEADERS = ['Số TT', 'Số và ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian bắt đầu', 'Thời gian kết thúc', 'Thời hạn bảo quản', 'Số tờ', 'Hộp số', 'Chế độ sử dụng', 'Ghi chú'];

function row(i: number, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    'Số TT': i,
    'Số và ký hiệu hồ sơ': `${String(i).padStart(2, '0')}-TC`,
    'Tiêu đề hồ sơ': `Tập văn bản về quyết toán ngân sách tỉnh Hưng Yên năm 2009 (${i})`,
    'Thời gian bắt đầu': '05/01/2009',
    'Thời gian kết thúc': '28/12/2009',
    'Thời hạn bảo quản': 'Vĩnh viễn',
    'Số tờ': 45,
    'Hộp số': 1,
    'Chế độ sử dụng': 'Không hạn chế',
    'Ghi chú': null,
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? null);
}

function table(rows: Cell[][], headers = HEADERS, formulaCells: Table['formulaCells'] = []): Table {
  return { format: 'xlsx', headerRowNumber: 1, headers, rows: rows.map((cells, k) => ({ rowNumber: k + 2, cells })), formulaCells };
}

const ctx: InventoryContext = {
  mode: 'handover', today: '2026-11-22', currentYear: 2026, recordsToYear: null, declaredBoxes: null,
  boxWidthCm: 10, measuredMetres: null, minFilesPerMetre: 15, maxFilesPerMetre: 150,
};

const parse = (rows: Cell[][], c: Partial<InventoryContext> = {}) => parseInventory(table(rows), { ...ctx, ...c });

describe('inventory headers', () => {
  it('when headers are NFD, unaccented, aliased or shuffled, then each maps to its field', () => {
    const headers = ['stt', 'Tieu de ho so', 'So ky hieu ho so'.normalize('NFD'), 'THỜI GIAN KẾT THÚC'.normalize('NFD'), 'Thoi gian bat dau', 'Thoi han bao quan', 'So to', 'Hop so', 'Che do su dung', 'Ghi chu'];
    const m = mapColumns(headers, 1, 'handover');
    expect(m.problems).toEqual([]);
    expect(m.columns.get('rowNo')).toEqual({ index: 0, header: 'stt' });
    expect(m.columns.get('fileNotation')?.index).toBe(2);
    expect(m.columns.get('endDate')?.header).toBe('THỜI GIAN KẾT THÚC');
  });

  it('when required headers are missing, then one problem names each missing header', () => {
    const m = mapColumns(['Số TT', 'Tiêu đề hồ sơ', 'Cột lạ'], 1, 'handover');
    const missing = m.problems.map((p) => p.column);
    expect(missing).toEqual(['Số và ký hiệu hồ sơ', 'Thời gian bắt đầu', 'Thời gian kết thúc', 'Thời hạn bảo quản', 'Số tờ', 'Hộp số', 'Chế độ sử dụng', 'Ghi chú']);
    expect(m.problems[0].message).toContain('Thiếu cột bắt buộc');
    expect(m.warnings).toEqual([{ row: 1, column: 'Cột lạ', message: expect.stringContaining('bỏ qua') }]);
  });

  it('when the register is imported, then "Hộp số" is not required', () => {
    const m = mapColumns(HEADERS.filter((h) => h !== 'Hộp số'), 1, 'register');
    expect(m.problems).toEqual([]);
  });

  it('when two headers mean the same column, then a problem names the second', () => {
    const m = mapColumns([...HEADERS, 'STT'], 1, 'handover');
    expect(m.problems).toEqual([{ row: 1, column: 'STT', message: expect.stringContaining('trùng') }]);
  });
});

describe('inventory cells', () => {
  it('when a date is dd/mm/yyyy, mm/yyyy or yyyy, then start and end are the first and last day of that period', () => {
    expect(parsePeriod('5/1/2009')).toEqual({ ok: true, value: { start: '2009-01-05', end: '2009-01-05', text: '5/1/2009' } });
    expect(parsePeriod('02/2008')).toEqual({ ok: true, value: { start: '2008-02-01', end: '2008-02-29', text: '02/2008' } });
    expect(parsePeriod(2009)).toEqual({ ok: true, value: { start: '2009-01-01', end: '2009-12-31', text: '2009' } });
    expect(parsePeriod(new Date(Date.UTC(2010, 2, 15)))).toEqual({ ok: true, value: { start: '2010-03-15', end: '2010-03-15', text: '15/03/2010' } });
  });

  it('when a date does not exist or is not a date, then the message says which format to use', () => {
    expect(parsePeriod('31/02/2009')).toMatchObject({ ok: false, message: expect.stringContaining('không tồn tại') });
    expect(parsePeriod('năm 2009')).toMatchObject({ ok: false, message: expect.stringContaining('dd/mm/yyyy') });
    expect(parsePeriod(3.5)).toMatchObject({ ok: false });
  });

  it('when numbers, retention, access level and box numbers vary in spelling, then they normalise', () => {
    expect(parseInteger('12', 1, 100)).toEqual({ ok: true, value: 12 });
    expect(parseInteger('12,5', 1, 100)).toMatchObject({ ok: false });
    expect(parseInteger(0, 1, 100)).toMatchObject({ ok: false });
    for (const v of ['Vĩnh viễn', 'vĩnh viễn', 'VV', 'vinh vien', 'VĨNH VIỄN'.normalize('NFD')]) expect(isPermanent(v)).toBe(true);
    expect(isPermanent('70 năm')).toBe(false);
    expect(parseAccessLevel('Hạn chế')).toEqual({ ok: true, value: 'restricted' });
    expect(parseAccessLevel('khong han che')).toEqual({ ok: true, value: 'unrestricted' });
    expect(parseAccessLevel('Mật')).toMatchObject({ ok: false });
    expect(normaliseBoxNo('01')).toBe('1');
    expect(normaliseBoxNo('2a')).toBe('2A');
  });
});

describe('inventory rows and file', () => {
  it('when every row is valid, then records come out in Số TT order with dates, box and access level', () => {
    const r = parse([row(2, { 'Hộp số': '01' }), row(1, { 'Thời gian bắt đầu': '2009', 'Thời gian kết thúc': '06/2009', 'Chế độ sử dụng': 'Hạn chế' })]);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.rowNo)).toEqual([1, 2]);
    expect(r.records[0]).toMatchObject({ startDate: '2009-01-01', endDate: '2009-06-30', dateText: '2009 - 06/2009', accessLevel: 'restricted', boxNo: '1', permanent: true });
    expect(r.summary).toMatchObject({ files: 2, boxes: 1, sheets: 90, fromYear: 2009, toYear: 2009, estimatedMetres: 0.1 });
  });

  it('when a row breaks several rules, then every problem is reported with its row and header and no record is kept', () => {
    const r = parse([
      row(1),
      row(2, { 'Tiêu đề hồ sơ': null, 'Số tờ': -3, 'Thời hạn bảo quản': '20 năm', 'Thời gian bắt đầu': '01/01/2010', 'Thời gian kết thúc': '31/12/2009' }),
    ]);
    expect(r.records).toEqual([]);
    const at = r.problems.map((p) => `${p.row}|${p.column}`);
    expect(at).toEqual(expect.arrayContaining(['3|Tiêu đề hồ sơ', '3|Số tờ', '3|Thời hạn bảo quản', '3|Thời gian bắt đầu']));
    expect(r.problems.find((p) => p.column === 'Số tờ')!.message).toContain('nguyên dương');
    expect(r.problems.find((p) => p.column === 'Thời hạn bảo quản')!.message).toContain('vĩnh viễn');
  });

  it('when Số TT repeats or skips numbers, then the duplicate and the gap are both reported', () => {
    const r = parse([row(1), row(2), row(2, { 'Số và ký hiệu hồ sơ': 'X-1' }), row(6, { 'Số và ký hiệu hồ sơ': 'X-2' })]);
    expect(r.problems).toEqual([
      { row: 4, column: 'Số TT', message: 'Số TT 2 bị trùng với dòng 3.' },
      { row: 5, column: 'Số TT', message: 'Thiếu Số TT 3–5 trước số 6: số thứ tự phải liên tục từ 1.' },
    ]);
  });

  it('when Số và ký hiệu repeats (any case) or is longer than 20, then each is reported', () => {
    const r = parse([row(1, { 'Số và ký hiệu hồ sơ': 'ab-1' }), row(2, { 'Số và ký hiệu hồ sơ': 'AB-1' }), row(3, { 'Số và ký hiệu hồ sơ': 'X'.repeat(21) })]);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining('trùng với dòng 2'), expect.stringContaining('tối đa 20')]);
  });

  it('when boxes exceed the declared number, then a problem; when a declared box is empty, then a warning', () => {
    const r = parse([row(1, { 'Hộp số': 1 }), row(2, { 'Hộp số': 5 })], { declaredBoxes: 4 });
    expect(r.problems).toEqual([{ row: 3, column: 'Hộp số', message: 'Hộp số "5" ngoài phạm vi 1–4 (số hộp đã khai báo).' }]);
    expect(r.warnings).toContainEqual({ row: null, column: 'Hộp số', message: 'Hộp số 2–4 đã khai báo nhưng không có hồ sơ nào trong mục lục.' });
  });

  it('when a file is secret without a past declassification year, then it cannot be deposited, but a register may list it', () => {
    const headers = [...HEADERS, 'Độ mật', 'Năm giải mật'];
    const rows = [[...row(1), 'Mật', null], [...row(2), 'Tối mật', 2020]];
    const r = parseInventory(table(rows, headers), ctx);
    expect(r.problems).toEqual([{ row: 2, column: 'Độ mật', message: expect.stringContaining('chưa được giải mật') }]);
    const reg = parseInventory(table(rows, headers), { ...ctx, mode: 'register' });
    expect(reg.problems).toEqual([]);
    expect(reg.records.map((x) => x.secrecy)).toEqual(['mat', 'toi_mat']);
  });

  it('when a file ends after the plan’s "records up to" year or in the future, then it is reported on the end date', () => {
    const r = parse([row(1, { 'Thời gian kết thúc': '2012' }), row(2, { 'Thời gian bắt đầu': null, 'Thời gian kết thúc': '01/2027' })], { recordsToYear: 2011 });
    expect(r.problems).toEqual([
      { row: 2, column: 'Thời gian kết thúc', message: expect.stringContaining('sau năm 2011') },
      { row: 3, column: 'Thời gian kết thúc', message: expect.stringContaining('ở tương lai') },
      { row: 3, column: 'Thời gian kết thúc', message: expect.stringContaining('sau năm 2011') },
    ]);
  });

  it('when a cell holds a formula or formula-like text, then it is a problem on that cell and not also "missing"', () => {
    const rows = [row(1), row(2, { 'Tiêu đề hồ sơ': '=HYPERLINK("http://x","bấm")' })];
    const r = parseInventory(table(rows, HEADERS, [{ rowNumber: 2, column: 7 }]), ctx);
    expect(r.problems).toEqual([
      { row: 2, column: 'Số tờ', message: expect.stringContaining('công thức') },
      { row: 3, column: 'Tiêu đề hồ sơ', message: expect.stringContaining('dạng công thức') },
    ]);
  });

  it('when the file has no rows, then one whole-file problem', () => {
    expect(parse([]).problems).toEqual([{ row: null, column: null, message: expect.stringContaining('không có dòng') }]);
  });

  it('when files per shelf metre are outside the band, then the summary flags it and a warning explains', () => {
    const many = Array.from({ length: 31 }, (_, k) => row(k + 1, { 'Số và ký hiệu hồ sơ': `${k + 1}-TC` }));
    const r = parse(many);
    expect(r.summary).toMatchObject({ files: 31, boxes: 1, filesPerMetre: 310, ratioFlag: 'high' });
    expect(r.warnings.at(-1)!.message).toContain('310 hồ sơ/mét giá');
    expect(computeSummary({ files: 10, boxes: 10, sheets: 0, fromYear: null, toYear: null }, { boxWidthCm: 10, measuredMetres: null, minFilesPerMetre: 15, maxFilesPerMetre: 150 }).ratioFlag).toBe('low');
    expect(computeSummary({ files: 40, boxes: 10, sheets: 0, fromYear: null, toYear: null }, { boxWidthCm: 10, measuredMetres: 1, minFilesPerMetre: 15, maxFilesPerMetre: 150 }).ratioFlag).toBeNull();
  });
});
