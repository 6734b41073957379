/**
 * Issue 9: inventories often carry one "Thời gian tài liệu" column (02/2021 - 12/2021, 2019-2020, 1999) instead of
 * start and end columns. Every import with start/end accepts it; an unreadable value is a row problem (row, column,
 * value); a sheet with both uses a filled separate cell, lets the combined one fill blanks, and calls a disagreement a problem.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows, writeInventoryXlsx, type InventoryField } from '../../support/inventory-factory.js';
import { newHandover, seedWorld, type World } from '../handover/fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const WITHOUT_DATES: InventoryField[] = ['stt', 'fileNotation', 'title', 'retention', 'sheets', 'boxNo', 'accessLevel', 'notes'];
const stored = (handoverId: number) => t.db.query<{ startDate: string | null; endDate: string; dateText: string }>(
  `SELECT start_date::text AS "startDate", end_date::text AS "endDate", date_text AS "dateText" FROM record_files WHERE handover_id = $1 ORDER BY row_no`, [handoverId]);

describe('one combined "Thời gian tài liệu" column', () => {
  it('when an inventory has only the combined column, then each span becomes the start and end dates', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(4, { fromYear: 2005 });
    const spans = ['02/2005 - 12/2005', '2005-2007', '1999', '12/3/2005 - 4/6/2006'];
    rows.forEach((r, i) => { r.extra = { 'Thoi gian tai lieu': spans[i] }; });
    const file = await writeInventoryXlsx(path.join(w.dir, 'thoi-gian.xlsx'), rows, { columns: WITHOUT_DATES });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.imported).toBe(4);
    expect(await stored(h.id)).toEqual([
      { startDate: '2005-02-01', endDate: '2005-12-31', dateText: '02/2005 - 12/2005' },
      { startDate: '2005-01-01', endDate: '2007-12-31', dateText: '2005 - 2007' },
      { startDate: '1999-01-01', endDate: '1999-12-31', dateText: '1999' },
      { startDate: '2005-03-12', endDate: '2006-06-04', dateText: '12/3/2005 - 4/6/2006' },
    ]);
    expect(r.body.warnings).toEqual([]);
  });

  it('when a combined value cannot be read or is empty, then it is a problem of its row and column quoting the value, and nothing is stored', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(3);
    rows[0].extra = { 'Thời gian': 'khoảng 2005' };
    rows[1].extra = { 'Thời gian': '2005' };
    rows[2].extra = { 'Thời gian': null };
    const file = await writeInventoryXlsx(path.join(w.dir, 'thoi-gian-loi.xlsx'), rows, { columns: WITHOUT_DATES });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([
      { row: 2, column: 'Thời gian', message: expect.stringContaining('"khoảng 2005" không đọc được') },
      { row: 4, column: 'Thời gian', message: 'Bắt buộc nhập.' },
    ]);
    expect(await stored(h.id)).toEqual([]);
  });

  it('when a sheet has both, then a filled separate cell is used, the span fills an empty one, and a disagreement is a problem', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(3, { fromYear: 2010, years: 1 });
    rows[0].startDate = '01/02/2010'; rows[0].endDate = '28/02/2010'; rows[0].extra = { 'Thời gian tài liệu': '01/02/2010 - 28/02/2010' };
    rows[1].startDate = null; rows[1].endDate = '30/06/2010'; rows[1].extra = { 'Thời gian tài liệu': '03/2010 - 30/06/2010' };
    rows[2].startDate = '01/01/2010'; rows[2].endDate = '31/12/2010'; rows[2].extra = { 'Thời gian tài liệu': '2009 - 2010' };
    const file = await writeInventoryXlsx(path.join(w.dir, 'ca-hai.xlsx'), rows);
    const refused = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems).toEqual([
      { row: 4, column: 'Thời gian tài liệu', message: '"2009 - 2010" không khớp với thời gian bắt đầu "01/01/2010" ghi ở cột riêng.' },
      { row: 4, column: 'Thời gian tài liệu', message: '"2009 - 2010" không khớp với thời gian kết thúc "31/12/2010" ghi ở cột riêng.' },
    ]);
    rows[2].extra = { 'Thời gian tài liệu': '01/01/2010 - 31/12/2010' };
    const file2 = await writeInventoryXlsx(path.join(w.dir, 'ca-hai-2.xlsx'), rows);
    const ok = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file2);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await stored(h.id)).map((r) => [r.startDate, r.endDate])).toEqual([
      ['2010-02-01', '2010-02-28'], ['2010-03-01', '2010-06-30'], ['2010-01-01', '2010-12-31'],
    ]);
  });

  it('when neither the end column nor the combined one is there, then the missing column names both', async () => {
    const h = await newHandover(w);
    const file = await writeInventoryXlsx(path.join(w.dir, 'khong-ngay.xlsx'), inventoryRows(2), { columns: ['stt', 'fileNotation', 'title', 'startDate', 'retention', 'sheets', 'boxNo', 'accessLevel', 'notes'] });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([
      { row: 1, column: 'Thời gian kết thúc', message: 'Thiếu cột bắt buộc "Thời gian kết thúc" (hoặc cột "Thời gian tài liệu" ghi cả khoảng thời gian, vd. 02/2021 - 12/2021).' },
    ]);
  });

  it('when the current-archive register and the backlog carry the combined column, then their years come from it', async () => {
    const rows = inventoryRows(2, { fromYear: 2016 });
    rows[0].extra = { 'Thời gian tài liệu': '2016-2017' };
    rows[1].extra = { 'Thời gian tài liệu': '05/2018' };
    const register = await writeInventoryXlsx(path.join(w.dir, 'so-dang-ky.xlsx'), rows, { columns: ['stt', 'fileNotation', 'title', 'retention', 'sheets', 'accessLevel', 'notes'] });
    const r = await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', register);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const held = await t.db.query<{ s: string; e: string }>(
      `SELECT start_date::text AS s, end_date::text AS e FROM record_files WHERE agency_id = $1 AND handover_id IS NULL ORDER BY row_no`, [w.agencyId]);
    expect(held).toEqual([{ s: '2016-01-01', e: '2017-12-31' }, { s: '2018-05-01', e: '2018-05-31' }]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tồn đọng');
    ws.addRow(['Mã cơ quan', 'Khối tài liệu', 'Số mét ước tính', 'Thời gian tài liệu']);
    ws.addRow([w.agencyCode, 'Khối 1999–2004', 3, '1999 - 2004']);
    ws.addRow([w.agencyCode, 'Khối sai', 2, 'không rõ']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const bad = await w.staff.upload('/api/scheduling/backlog/import', 'file', { name: 'ton-dong.xlsx', data });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toEqual([{ row: 3, column: 'Thời gian tài liệu', message: expect.stringContaining('"không rõ" không đọc được') }]);
    ws.getRow(3).getCell(4).value = '2001';
    const good = await w.staff.upload('/api/scheduling/backlog/import', 'file', { name: 'ton-dong.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const items = await t.db.query<{ label: string; startYear: number; endYear: number }>(
      `SELECT label, start_year AS "startYear", end_year AS "endYear" FROM backlog_items ORDER BY label`);
    expect(items).toEqual([{ label: 'Khối 1999–2004', startYear: 1999, endYear: 2004 }, { label: 'Khối sai', startYear: 2001, endYear: 2001 }]);
  });
});
