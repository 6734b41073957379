import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;

type CellValue = string | number | null | { formula: string };

async function xlsx(rows: CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csv = (rows: (string | null)[][]) =>
  Buffer.from(rows.map((r) => r.map((c) => (c === null ? '' : `"${c.replace(/"/g, '""')}"`)).join(',')).join('\r\n'), 'utf8');

async function counts() {
  const [r] = await t.db.query<{ agencies: number; fonds: number; events: number }>(
    `SELECT (SELECT count(*) FROM source_agencies)::int AS agencies, (SELECT count(*) FROM fonds)::int AS fonds,
            (SELECT count(*) FROM events)::int AS events`,
  );
  return r;
}

async function agency(code: string) {
  const r = await admin.get(`/api/agencies?q=${encodeURIComponent(code)}`);
  return r.body.items.find((a: { code: string }) => a.code === code);
}

// Headers shuffled, without tone marks; the parent and successor of the first rows come later in the file.
const GOOD: CellValue[][] = [
  ['Ma phong', 'Trang thai', 'Ten co quan', 'Cap', 'Ma co quan', 'Co quan ke thua', 'Co quan cap tren', 'Quyet dinh'],
  ['P-PTC-VG', 'sáp nhập', 'Phòng Tài chính huyện Văn Giang', 'huyện', 'PTC-VG', 'STC', 'UB-VG', 'QĐ 3219/QĐ-UBND'],
  [null, 'Dang hoat dong', 'Ủy ban nhân dân huyện Văn Giang', 'Huyen', 'UB-VG', null, null, 'QĐ 3219/QĐ-UBND'],
  ['P-STC', 'đang hoạt động', 'Sở Tài chính', 'tỉnh', 'STC', null, null, 'QĐ 3219/QĐ-UBND'],
  [null, 'giải thể', 'Ủy ban nhân dân xã Xuân Quan', 'xã', 'UB-XQ', 'UB-VG', 'UB-VG', null],
];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

describe('importing the provincial source-agency list', () => {
  it('when a good XLSX with shuffled, unaccented headers is imported, then agencies, links and fonds are created', async () => {
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'danh-muc.xlsx', data: await xlsx(GOOD) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 4, updated: 0, unchanged: 0 });

    const ptc = await agency('PTC-VG');
    expect(ptc).toMatchObject({
      name: 'Phòng Tài chính huyện Văn Giang', level: 'district', status: 'merged', parentName: 'Ủy ban nhân dân huyện Văn Giang',
      successorName: 'Sở Tài chính', listingDecision: 'QĐ 3219/QĐ-UBND', fondsCodes: ['P-PTC-VG'],
    });
    expect(await agency('UB-XQ')).toMatchObject({ level: 'commune', status: 'dissolved', successorName: 'Ủy ban nhân dân huyện Văn Giang' });
    const fonds = await admin.get(`/api/fonds?agencyId=${ptc.id}`);
    // The merged agency's fonds is created closed: it will not grow any more.
    expect(fonds.body.items).toEqual([expect.objectContaining({ code: 'P-PTC-VG', name: 'Phòng Tài chính huyện Văn Giang', status: 'closed' })]);
    const stc = await agency('STC');
    expect((await admin.get(`/api/fonds?agencyId=${stc.id}`)).body.items[0]).toMatchObject({ code: 'P-STC', status: 'open' });
  });

  it('when the same file is imported again, then everything is unchanged and no event is written', async () => {
    const before = await counts();
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'danh-muc.xlsx', data: await xlsx(GOOD) });
    expect(r.body).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await counts()).toEqual(before);
  });

  it('when a CSV with NFD headers renames one agency, then only that row is updated, with an event naming the change', async () => {
    const rows: (string | null)[][] = [
      ['Mã cơ quan'.normalize('NFD'), 'Tên cơ quan'.normalize('NFD'), 'Cấp'.normalize('NFD')],
      ['STC', 'Sở Tài chính tỉnh Hưng Yên', 'tỉnh'],
      ['UB-VG', 'Ủy ban nhân dân huyện Văn Giang', 'huyện'],
    ];
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'danh-muc.csv', data: csv(rows) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const stc = await agency('STC');
    // Columns absent from the file keep what is stored.
    expect(stc).toMatchObject({ name: 'Sở Tài chính tỉnh Hưng Yên', listingDecision: 'QĐ 3219/QĐ-UBND', fondsCodes: ['P-STC'] });
    const events = (await admin.get(`/api/events?entityType=agency&entityId=${stc.id}&action=agency.updated`)).body;
    expect(events[0]).toMatchObject({ before: { name: 'Sở Tài chính' }, after: { name: 'Sở Tài chính tỉnh Hưng Yên' }, data: { source: 'import', filename: 'danh-muc.csv' } });
  });

  it('when a file has many problems, then all are reported at once with row and column, and nothing changes', async () => {
    const before = await counts();
    const bad: CellValue[][] = [
      ['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Cơ quan cấp trên', 'Trạng thái', 'Cơ quan kế thừa', 'Mã phông'],
      ['NEW-1', 'Cơ quan mới hợp lệ', 'tỉnh', null, null, null, 'P-NEW-1'],
      ['NEW-2', null, 'thành phố', null, null, null, null],
      ['NEW-3', 'Cơ quan ba', 'tỉnh', 'KHONG-CO', 'tạm ngừng', null, null],
      ['NEW-1', 'Trùng mã', 'tỉnh', null, null, null, null],
      ['NEW-4', 'Cơ quan bốn', 'xã', null, 'sáp nhập', null, null],
      ['NEW-5', '=HYPERLINK("http://x.example","bấm")', 'xã', null, null, 'NEW-5', null],
      ['NEW-6', 'Cơ quan sáu', 'xã', null, null, null, 'P-STC'],
    ];
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'loi.xlsx', data: await xlsx(bad) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    const got = r.body.error.details.problems.map((p: { row: number; column: string }) => `${p.row}|${p.column}`);
    expect(got).toEqual([
      '3|Tên cơ quan', '3|Cấp',
      '4|Cơ quan cấp trên', '4|Trạng thái',
      '5|Mã cơ quan',
      '6|Cơ quan kế thừa',
      '7|Tên cơ quan', '7|Cơ quan kế thừa', '7|Cơ quan kế thừa',
      '8|Mã phông',
    ]);
    for (const p of r.body.error.details.problems) expect(p.message).toMatch(/\S/);
    expect(JSON.stringify(r.body.error.details.problems)).toContain('KHONG-CO');
    expect(await counts()).toEqual(before);
    expect(await agency('NEW-1')).toBeUndefined();
  });

  it('when an XLSX cell holds a real formula, then the import is refused at that cell', async () => {
    const before = await counts();
    const r = await admin.upload('/api/agencies/import', 'file', {
      name: 'cong-thuc.xlsx',
      data: await xlsx([['Mã cơ quan', 'Tên cơ quan', 'Cấp'], ['F-1', { formula: 'CONCATENATE("Sở ","Y tế")' }, 'tỉnh']]),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([{ row: 2, column: 'Tên cơ quan', message: expect.stringContaining('công thức') }]);
    expect(await counts()).toEqual(before);
  });

  it('when parent links in the file form a loop, then 422 naming the rows and nothing is kept', async () => {
    const before = await counts();
    const r = await admin.upload('/api/agencies/import', 'file', {
      name: 'vong.csv',
      data: csv([['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Cơ quan cấp trên'], ['L-A', 'Cơ quan A', 'tỉnh', 'L-B'], ['L-B', 'Cơ quan B', 'tỉnh', 'L-A']]),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: { row: number }) => p.row)).toEqual([2, 3]);
    expect(await counts()).toEqual(before);
  });

  it('when a required column is missing, then 422 names it', async () => {
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'thieu.csv', data: csv([['Mã cơ quan', 'Cấp'], ['Z', 'tỉnh']]) });
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([{ row: 1, column: 'Tên cơ quan', message: 'Thiếu cột bắt buộc "Tên cơ quan".' }]);
  });

  it('when the upload is not a spreadsheet or the user is not staff, then 400 or 403', async () => {
    const junk = await admin.upload('/api/agencies/import', 'file', { name: 'x.xlsx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]) });
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('SPREADSHEET_UNREADABLE');
    const researcher = await t.as('researcher');
    expect((await researcher.upload('/api/agencies/import', 'file', { name: 'a.csv', data: csv([['a']]) })).status).toBe(403);
  });
});
