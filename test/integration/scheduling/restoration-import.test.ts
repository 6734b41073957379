import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let staff: HttpClient;
let ubhc: number;

async function xlsx(rows: (string | number | null | { formula: string })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tu bổ');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM restoration_items`))[0].n;
const URL = '/api/scheduling/restoration/import';

beforeAll(async () => {
  // Plans, holidays and deadlines depend on the day: pin it rather than inherit whatever the harness defaults to.
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  await staff.post('/api/agencies', { code: 'H05', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' });
  ubhc = (await staff.post('/api/agencies', { code: 'T01', name: 'Ủy ban hành chính tỉnh Hưng Yên', level: 'province', status: 'dissolved' })).body.id;
  await staff.post('/api/fonds', { code: 'P-UBHC', name: 'Phông UBHC tỉnh Hưng Yên 1952–1968', agencyId: ubhc });
});
afterAll(() => t?.close());

describe('importing restoration items from XLSX', () => {
  const HEAD = ['Ma co quan', 'Ma phong', 'Ho so/tai lieu', 'Loai don vi', 'So trang', 'Loai hu hong', 'Muc do', 'Nam bat dau', 'Nam ket thuc', 'Han hoan thanh'];

  it('when a good file with unaccented headers and Vietnamese words is imported twice, then items are created once and updated the second time', async () => {
    const before = await count();
    const file = await xlsx([HEAD,
      ['T01', 'P-UBHC', 'Hồ sơ số 12: Nghị quyết của UBHC 1954', 'hồ sơ', 240, 'Nấm mốc', 'nặng', 1954, 1954, '31/12/2027'],
      ['T01', null, 'Công văn 05/UBHC', 'Văn bản', '8 trang', 'rach', 'nhe', null, null, null],
      ['H05', null, 'Hồ sơ số 3', null, 55, 'côn trùng', 'Vừa', 2001, 2003, null],
    ]);
    const r = await staff.upload(URL, 'file', { name: 'tu-bo.xlsx', data: file });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 3, updated: 0 });
    expect(await count()).toBe(before + 3);
    const again = await staff.upload(URL, 'file', { name: 'tu-bo.xlsx', data: file });
    expect(again.body).toEqual({ created: 0, updated: 3 });
    expect(await count()).toBe(before + 3);
    const list = await staff.get(`/api/scheduling/restoration?agencyId=${ubhc}`);
    expect(list.body.totals).toMatchObject({ items: 2, pages: 248 });
    expect(list.body.items[0]).toMatchObject({
      reference: 'Hồ sơ số 12: Nghị quyết của UBHC 1954', fondsCode: 'P-UBHC', unitKind: 'file', pages: 240, damageType: 'mould', damageLevel: 'heavy', dueDate: '2027-12-31',
    });
    expect(list.body.items[1]).toMatchObject({ unitKind: 'document', pages: 8, damageType: 'torn', damageLevel: 'light' });
  });

  it('when a file has several bad rows, then nothing is imported and every problem is listed with row and column', async () => {
    const before = await count();
    const r = await staff.upload(URL, 'file', { name: 'loi.xlsx', data: await xlsx([HEAD,
      ['H05', null, 'Hợp lệ nhưng đi cùng dòng lỗi', 'hồ sơ', 10, 'mốc', 'nhẹ', null, null, null],
      ['XX9', null, 'Cơ quan lạ', null, 5, 'rách', 'nặng', null, null, null],
      ['H05', null, 'Không có số trang', null, null, 'rách', 'nặng', null, null, null],
      ['H05', null, 'Mọi thứ sai', 'hộp', 'nhiều', 'cháy', 'rất nặng', 2015, 1999, '31/02/2027'],
      ['H05', null, { formula: '1+1' }, null, 2, 'rách', 'nhẹ', null, null, null],
      ['H05', null, 'Hợp lệ nhưng đi cùng dòng lỗi', 'hồ sơ', 12, 'mốc', 'nhẹ', null, null, null],
    ]) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.message).toMatch(/chưa nhập dòng nào/);
    const problems = r.body.error.details.problems as { row: number; column: string; message: string }[];
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => p.column).sort();
    expect(at(2)).toEqual([]);
    expect(problems.find((p) => p.row === 3)).toMatchObject({ column: 'Mã cơ quan', message: 'Mã cơ quan "XX9" chưa có trong danh mục nguồn nộp lưu.' });
    expect(problems.find((p) => p.row === 4)).toMatchObject({ column: 'Số trang', message: 'Thiếu "Số trang".' });
    expect(at(5)).toEqual(['Hạn hoàn thành', 'Loại hư hỏng', 'Loại đơn vị', 'Mức độ hư hỏng', 'Năm kết thúc', 'Số trang']);
    expect(problems.find((p) => p.row === 5 && p.column === 'Loại hư hỏng')?.message).toMatch(/^Loại hư hỏng "cháy" không hợp lệ/);
    expect(at(6).length).toBeGreaterThan(0);
    expect(problems.find((p) => p.row === 7)).toMatchObject({ column: 'Hồ sơ/tài liệu', message: 'Hồ sơ/tài liệu trùng với dòng 2 của cùng cơ quan.' });
    expect(await count()).toBe(before);
  });

  it('when the required columns are missing, then 422 names each of them and nothing changes', async () => {
    const before = await count();
    const r = await staff.upload(URL, 'file', { name: 'thieu.csv', data: Buffer.from('Mã cơ quan;Hồ sơ/tài liệu;Ghi chú\nH05;Hồ sơ 1;x\n') });
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: { column: string }) => p.column)).toEqual(['Số trang', 'Loại hư hỏng', 'Mức độ hư hỏng']);
    expect(await count()).toBe(before);
  });
});
