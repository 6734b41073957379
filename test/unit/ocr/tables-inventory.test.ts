/**
 * Inventory rows from OCR tables (server/digitization/inventory-extract.ts) on pages built here: header
 * mapping by the inventory import's aliases (with or without tone marks, OCR-dropped spaces), values by the
 * import's parsers, rows continuing across pages. The real scans are in test/integration/ocr/tables.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPageResult, OcrTableCell, OcrWord } from '../../../ocr/engine/types.js';
import { extractInventoryRows, fieldOfHeader } from '../../../server/digitization/inventory-extract.js';

/** A page holding one table of the given cell texts (row-major); every cell one line, confidence `conf`. */
function tablePage(rows: string[][], conf = 90): OcrPageResult {
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const cells: OcrTableCell[] = [];
  rows.forEach((row, r) => row.forEach((text, c) => {
    const b: [number, number, number, number] = [c * 300, r * 100, c * 300 + 290, r * 100 + 90];
    const first = lines.length;
    if (text) {
      const w0 = words.length;
      for (const t of text.split(' ')) words.push({ t, c: conf, b });
      lines.push({ b, w: [w0, words.length] });
    }
    cells.push({ r, c, rs: 1, cs: 1, b, l: [first, lines.length] });
  }));
  return {
    text: rows.map((r) => r.join('\t')).join('\n'), confidence: conf, words, lines, engine: 'test', width: 3000, height: 3000,
    tables: [{ b: [0, 0, rows[0].length * 300, rows.length * 100], rows: rows.length, cols: rows[0].length, cells }],
  };
}

describe('extractInventoryRows', () => {
  it('when headers are printed with or without tone marks or spaces, then they map to the import columns', () => {
    expect(fieldOfHeader('SốTT')).toBe('rowNo');
    expect(fieldOfHeader('So, ky hieu ho so')).toBe('fileNotation');
    expect(fieldOfHeader('THỜI GIAN')).toBe('dateRange');
    expect(fieldOfHeader('Thoi han bao quan')).toBe('retention');
    expect(fieldOfHeader('Hộp số')).toBe('boxNo');
    expect(fieldOfHeader('Chữ ký')).toBeNull();
  });

  it('when an inventory spans two pages, then rows continue, a split row is joined and values are parsed', () => {
    const one = tablePage([
      ['Số TT', 'Tiêu đề hồ sơ', 'Thời gian', 'Số tờ', 'Ghi chú'],
      ['1', 'Tập công văn về việc cải cách hành chính', '02/2021 - 12/2021', '174', 'Bản chính'],
      ['2', 'Hồ sơ hội nghị về quản lý vị trí việc làm', '2019', '61', ''],
    ]);
    const two = tablePage([
      ['', 'kế toán đảm nhiệm chung', '', '', ''],
      ['3', 'Tập báo cáo', '13/2020', 'mười', ''],
    ], 55);
    const { columns, rows } = extractInventoryRows([one, two]);
    expect(columns.map((c) => c.field)).toEqual(['rowNo', 'title', 'dateRange', 'sheets', 'notes']);
    expect(rows).toHaveLength(3);
    expect(rows[0].values).toMatchObject({
      rowNo: 1, title: 'Tập công văn về việc cải cách hành chính', sheets: 174, notes: 'Bản chính',
      start: { start: '2021-02-01' }, end: { end: '2021-12-31' },
    });
    expect(rows[0].cells.title![0]).toMatchObject({ page: 0, box: [300, 100, 590, 190], confidence: 90 });
    // The row cut by the page break: one row, its title joined, both cell boxes kept.
    expect(rows[1].values.title).toBe('Hồ sơ hội nghị về quản lý vị trí việc làm kế toán đảm nhiệm chung');
    expect(rows[1].cells.title!.map((c) => c.page)).toEqual([0, 1]);
    expect(rows[1].minConfidence).toBe(55);
    // Unreadable values stay as problems (Vietnamese, from the import's parsers), nothing is guessed.
    expect(rows[2].values.rowNo).toBe(3);
    expect(rows[2].values.sheets).toBeUndefined();
    expect(rows[2].problems).toHaveLength(2);
    expect(rows[2].problems[0]).toMatch(/^Số tờ: /);
    expect(rows[2].problems[1]).toMatch(/^Thời gian: .*13/);
  });

  it('when a page has no header and none came before, then no rows are proposed', () => {
    expect(extractInventoryRows([tablePage([['1', 'Tập công văn', '2019', '12', '']])]).rows).toEqual([]);
  });
});
