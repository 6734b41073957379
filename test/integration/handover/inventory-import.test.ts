import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  inventoryRows,
  STANDARD_HEADERS,
  unaccented,
  writeInventoryCsv,
  writeInventoryXlsx,
  type InventoryField,
  type InventoryRow,
} from '../../support/inventory-factory.js';
import { countEvents, countRows, newHandover, seedWorld, uploadRows, type World } from './fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

describe('inventory import', () => {
  it('when a good XLSX is uploaded, then every row is stored with its dates, box and deposit deadline, and the upload is audited', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(60);
    rows[0].startDate = new Date(Date.UTC(2005, 0, 3)); // a real Excel date cell
    rows[1].startDate = '2005';
    rows[1].endDate = '03/2006';
    const r = await uploadRows(w, h.id, rows);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 60, unchanged: false, summary: { files: 60, boxes: 2, fromYear: 2005, toYear: 2009, estimatedMetres: 0.2, ratioFlag: 'high' } });
    // 30 files to a 10 cm box is 300 files per metre: flagged, not blocked.
    expect(r.body.warnings.at(-1).message).toContain('hồ sơ/mét giá');

    const inv = await w.staff.get(`/api/handovers/${h.id}/inventory?limit=2`);
    expect(inv.body.total).toBe(60);
    expect(inv.body.items[0]).toMatchObject({ rowNo: 1, fileNotation: '01-TC', startDate: '2005-01-03', endDate: '2005-02-01', dueYear: 2015, dueRule: 'law2011_art21', boxNo: '1', accessLevel: 'unrestricted', comments: [] });
    expect(inv.body.items[1]).toMatchObject({ rowNo: 2, startDate: '2005-01-01', endDate: '2006-03-31', dateText: '2005 - 03/2006' });
    const got = await w.staff.get(`/api/handovers/${h.id}`);
    expect(got.body).toMatchObject({ status: 'draft', locked: false, sourceFilename: expect.stringMatching(/\.xlsx$/), summary: { files: 60, boxes: 2 }, counts: null });
    expect(await countEvents(t, 'handover.inventory_imported', h.id)).toBe(1);
  });

  it('when a CSV has shuffled, unaccented and NFD headers and NFD text, then it imports like the XLSX', async () => {
    const h = await newHandover(w);
    const columns: InventoryField[] = ['title', 'boxNo', 'stt', 'notes', 'endDate', 'fileNotation', 'accessLevel', 'sheets', 'startDate', 'retention'];
    const headers = Object.fromEntries(columns.map((c, i) => [c, i % 2 ? unaccented(STANDARD_HEADERS[c]) : STANDARD_HEADERS[c].toUpperCase()]));
    const rows = inventoryRows(12);
    rows[3].retention = 'VV';
    rows[4].retention = 'vinh vien';
    const file = writeInventoryCsv(path.join(w.dir, 'muc-luc.csv'), rows, { columns, headers, nfd: true });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(12);
    const inv = await w.staff.get(`/api/handovers/${h.id}/inventory?limit=1`);
    expect(inv.body.items[0].title).toBe('Tập văn bản về quyết toán ngân sách tỉnh Hưng Yên năm 2005');
    expect(inv.body.items[0].title.normalize('NFC')).toBe(inv.body.items[0].title);
  });

  it('when the same file is uploaded again, then nothing is written; a different file replaces the rows', async () => {
    const h = await newHandover(w);
    const file = await writeInventoryXlsx(path.join(w.dir, 'lai.xlsx'), inventoryRows(20));
    expect((await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file)).body.unchanged).toBe(false);
    const again = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 20, unchanged: true });
    expect(await countEvents(t, 'handover.inventory_imported', h.id)).toBe(1);
    const other = await uploadRows(w, h.id, inventoryRows(7));
    expect(other.body).toMatchObject({ imported: 7, unchanged: false });
    expect(await countRows(t, h.id)).toBe(7);
  });

  const base = () => inventoryRows(6, { filesPerBox: 2 });
  const cases: { name: string; edit: (rows: InventoryRow[]) => void; row: number | null; column: string; message: RegExp; extra?: Record<string, unknown> }[] = [
    { name: 'a required title is empty', edit: (r) => (r[1].title = null), row: 3, column: 'Tiêu đề hồ sơ', message: /Bắt buộc/ },
    { name: 'a date is not a date', edit: (r) => (r[2].endDate = 'tháng 3 năm 2009'), row: 4, column: 'Thời gian kết thúc', message: /không đúng định dạng/ },
    { name: 'start is after end', edit: (r) => { r[0].startDate = '01/01/2009'; r[0].endDate = '2008'; }, row: 2, column: 'Thời gian bắt đầu', message: /sau thời gian kết thúc/ },
    { name: 'Số TT repeats', edit: (r) => (r[3].stt = 3), row: 5, column: 'Số TT', message: /Số TT 3 bị trùng với dòng 4/ },
    { name: 'Số TT skips a number', edit: (r) => { r[4].stt = 6; r[5].stt = 7; }, row: 6, column: 'Số TT', message: /Thiếu Số TT 5 trước số 6/ },
    { name: 'Số và ký hiệu repeats', edit: (r) => (r[5].fileNotation = r[0].fileNotation), row: 7, column: 'Số và ký hiệu hồ sơ', message: /trùng với dòng 2/ },
    { name: 'retention is not permanent', edit: (r) => (r[1].retention = '70 năm'), row: 3, column: 'Thời hạn bảo quản', message: /vĩnh viễn/ },
    { name: 'Hộp số is empty', edit: (r) => (r[1].boxNo = null), row: 3, column: 'Hộp số', message: /Bắt buộc/ },
    { name: 'Hộp số exceeds the declared boxes', edit: (r) => (r[5].boxNo = 9), row: 7, column: 'Hộp số', message: /ngoài phạm vi 1–3/, extra: { declaredBoxes: 3 } },
    { name: 'a secret file is not declassified', edit: (r) => { r[2].secrecy = 'Mật'; r[2].declassifiedYear = null; }, row: 4, column: 'Độ mật', message: /chưa được giải mật/ },
    { name: 'a file ends after the plan’s year', edit: (r) => (r[0].endDate = '05/2012'), row: 2, column: 'Thời gian kết thúc', message: /sau năm 2011/ },
    { name: 'Số tờ is not a positive integer', edit: (r) => (r[0].sheets = '12 tờ'), row: 2, column: 'Số tờ', message: /nguyên dương/ },
    { name: 'Số và ký hiệu is too long', edit: (r) => (r[0].fileNotation = 'X'.repeat(21)), row: 2, column: 'Số và ký hiệu hồ sơ', message: /tối đa 20/ },
    { name: 'the title is too long', edit: (r) => (r[0].title = 'T'.repeat(1001)), row: 2, column: 'Tiêu đề hồ sơ', message: /tối đa 1000/ },
    { name: 'the notes are too long', edit: (r) => (r[0].notes = 'G'.repeat(2001)), row: 2, column: 'Ghi chú', message: /tối đa 2000/ },
    { name: 'a cell holds a real formula', edit: (r) => (r[1].sheets = { formula: 'SUM(10,20)' }), row: 3, column: 'Số tờ', message: /công thức/ },
    { name: 'a cell holds =HYPERLINK text', edit: (r) => (r[1].title = '=HYPERLINK("http://tan-cong.example","Bấm vào")'), row: 3, column: 'Tiêu đề hồ sơ', message: /công thức/ },
    { name: 'the access level is unknown', edit: (r) => (r[0].accessLevel = 'Tùy ý'), row: 2, column: 'Chế độ sử dụng', message: /không hợp lệ/ },
  ];

  for (const c of cases) {
    it(`when ${c.name}, then 422 INVENTORY_INVALID names row ${c.row} and "${c.column}", and nothing changes`, async () => {
      const h = await newHandover(w, w.staff, c.extra ?? {});
      const first = await uploadRows(w, h.id, inventoryRows(4, { filesPerBox: 2 }));
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(await countRows(t, h.id)).toBe(4);
      const rows = base();
      c.edit(rows);
      const r = await uploadRows(w, h.id, rows);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('INVENTORY_INVALID');
      expect(r.body.error.message).toMatch(/chưa có dữ liệu nào được lưu/);
      expect(r.body.error.details.problems).toContainEqual({ row: c.row, column: c.column, message: expect.stringMatching(c.message) });
      expect(await countRows(t, h.id)).toBe(4);
      expect(await countEvents(t, 'handover.inventory_imported', h.id)).toBe(1);
    });
  }

  it('when required headers are missing, then one problem per missing header, located by header name', async () => {
    const h = await newHandover(w);
    const file = await writeInventoryXlsx(path.join(w.dir, 'thieu-cot.xlsx'), inventoryRows(3), { columns: ['stt', 'title', 'endDate', 'boxNo', 'notes'] });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: any) => p.column)).toEqual(['Số và ký hiệu hồ sơ', 'Thời gian bắt đầu', 'Thời hạn bảo quản', 'Số tờ', 'Chế độ sử dụng']);
  });

  it('when a column is not on the form, then the file imports with a warning naming it', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(3).map((r) => ({ ...r, extra: { 'Người lập': 'Lê Văn C' } }));
    const r = await uploadRows(w, h.id, rows);
    expect(r.status).toBe(200);
    expect(r.body.warnings).toContainEqual({ row: 1, column: 'Người lập', message: expect.stringContaining('bỏ qua') });
  });

  it('when a declared box holds no file, then a warning, not a problem', async () => {
    const h = await newHandover(w, w.staff, { declaredBoxes: 3 });
    const r = await uploadRows(w, h.id, inventoryRows(4, { filesPerBox: 2 }));
    expect(r.status).toBe(200);
    expect(r.body.warnings).toContainEqual({ row: null, column: 'Hộp số', message: expect.stringContaining('Hộp số 3 đã khai báo') });
  });

  it('when the upload is garbage renamed .xlsx, empty, or not a spreadsheet type, then a 400 and nothing stored', async () => {
    const h = await newHandover(w);
    const junk = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'muc-luc.xlsx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef, ...Array(200).fill(7)]) });
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('SPREADSHEET_UNREADABLE');
    const binary = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'anh.xlsx', data: Buffer.from([0xff, 0xd8, 0x00, 0x00, 0x10]) });
    expect(binary.body.error.code).toBe('SPREADSHEET_UNREADABLE');
    const empty = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'rong.csv', data: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('SPREADSHEET_UNREADABLE');
    const pdf = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'muc-luc.pdf', data: Buffer.from('%PDF-1.4') });
    expect(pdf.body.error.code).toBe('FILE_TYPE_UNSUPPORTED');
    expect(await countRows(t, h.id)).toBe(0);
  });

  it('when the file name is Vietnamese, then it is stored as written', async () => {
    const h = await newHandover(w);
    const file = await writeInventoryXlsx(path.join(w.dir, 'x.xlsx'), inventoryRows(2));
    await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'Mục lục Sở Tài chính.xlsx', data: fs.readFileSync(file) });
    expect((await w.staff.get(`/api/handovers/${h.id}`)).body.sourceFilename).toBe('Mục lục Sở Tài chính.xlsx');
  });

  // Speed is measured by `npm run bench:import`, never asserted here: this checks only that a large file goes in whole.
  it('when 10,000 rows are uploaded, then all of them are stored', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(10_000, { filesPerBox: 10 });
    const file = await writeInventoryXlsx(path.join(w.dir, 'lon.xlsx'), rows);
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(10_000);
    expect(await countRows(t, h.id)).toBe(10_000);
  });
});

describe('agency register import', () => {
  it('when an agency register is imported, then its rows have no handover, secret files are allowed, and a re-import replaces them', async () => {
    const rows = inventoryRows(8, { fromYear: 2015 });
    rows[0].secrecy = 'Mật';
    const file = writeInventoryCsv(path.join(w.dir, 'so-dang-ky.csv'), rows, { columns: ['stt', 'fileNotation', 'title', 'startDate', 'endDate', 'retention', 'sheets', 'accessLevel', 'notes', 'secrecy'] });
    const r = await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', file);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 8, unchanged: false });
    const stored = await t.db.query<{ dueRule: string; n: number }>(
      `SELECT due_rule AS "dueRule", count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL GROUP BY due_rule ORDER BY due_rule`,
      [w.agencyId],
    );
    expect(stored).toEqual([{ dueRule: 'law2011_art21', n: 7 }, { dueRule: 'secret_pending', n: 1 }]);

    expect((await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', file)).body).toMatchObject({ imported: 8, unchanged: true });
    const smaller = writeInventoryCsv(path.join(w.dir, 'so-dang-ky-2.csv'), inventoryRows(3, { fromYear: 2016 }));
    expect((await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', smaller)).body).toMatchObject({ imported: 3, unchanged: false });
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL`, [w.agencyId]);
    expect(n).toBe(3);
    expect(await countEvents(t, 'agency.register_imported', w.agencyId)).toBe(2);
  });

  it('when a register row is invalid, then 422 and the previous register stays', async () => {
    const rows = inventoryRows(3, { fromYear: 2016 });
    rows[2].retention = '10 năm';
    const file = writeInventoryCsv(path.join(w.dir, 'so-dang-ky-loi.csv'), rows);
    const r = await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', file);
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([{ row: 4, column: 'Thời hạn bảo quản', message: expect.stringContaining('vĩnh viễn') }]);
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL`, [w.agencyId]);
    expect(n).toBe(3);
  });

  it('when the agency does not exist, then 404', async () => {
    const file = writeInventoryCsv(path.join(w.dir, 'x.csv'), inventoryRows(1));
    expect((await w.staff.upload('/api/agencies/999999/files/import', 'file', file)).status).toBe(404);
  });
});
