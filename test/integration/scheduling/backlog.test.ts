import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let staff: HttpClient;
let vanGiang: number;
let ubhc: number;
let ubhcFonds: number;

async function xlsx(rows: (string | number | null | { formula: string })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tồn đọng');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM backlog_items`))[0].n;

beforeAll(async () => {
  // Plans, holidays and deadlines depend on the day: pin it rather than inherit whatever the harness defaults to.
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  vanGiang = (await staff.post('/api/agencies', { code: 'H05', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' })).body.id;
  ubhc = (await staff.post('/api/agencies', { code: 'T01', name: 'Ủy ban hành chính tỉnh Hưng Yên', level: 'province', status: 'dissolved' })).body.id;
  ubhcFonds = (await staff.post('/api/fonds', { code: 'P-UBHC', name: 'Phông UBHC tỉnh Hưng Yên 1952–1968', agencyId: ubhc })).body.id;
});
afterAll(() => t?.close());

describe('backlog items', () => {
  it('when an item is created with an estimate only, then measured and estimated metres stay apart', async () => {
    const r = await staff.post('/api/scheduling/backlog', {
      agencyId: vanGiang, label: 'Tài liệu UBND huyện Văn Giang 1999–2015', estimatedMetres: 302, startYear: 1999, endYear: 2015, conditionCode: '05',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ agencyName: 'Ủy ban nhân dân huyện Văn Giang', measuredMetres: null, estimatedMetres: 302, conditionCode: '05', complexityCoef: 1 });
    const m = await staff.patch(`/api/scheduling/backlog/${r.body.id}`, { measuredMetres: 298.5 });
    expect(m.body).toMatchObject({ measuredMetres: 298.5, estimatedMetres: 302 });
  });

  it('when neither metre figure, a reversed year span or a bad condition code is sent, then 400 with a Vietnamese message', async () => {
    for (const body of [
      { agencyId: vanGiang, label: 'Không có số mét' },
      { agencyId: vanGiang, label: 'Năm ngược', estimatedMetres: 1, startYear: 2015, endYear: 1999 },
      { agencyId: vanGiang, label: 'Mã sai', estimatedMetres: 1, conditionCode: '07' },
    ]) {
      const r = await staff.post('/api/scheduling/backlog', body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    const other = await staff.post('/api/scheduling/backlog', { agencyId: vanGiang, fondsId: ubhcFonds, label: 'Phông của cơ quan khác', estimatedMetres: 2 });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'FONDS_OF_OTHER_AGENCY', message: 'Phông lưu trữ thuộc cơ quan khác.' });
    const none = await staff.post('/api/scheduling/backlog', { agencyId: 999999, label: 'x', estimatedMetres: 2 });
    expect(none.body.error.code).toBe('AGENCY_NOT_FOUND');
  });

  it('when the list is filtered by agency, condition or words without tone marks, then only matching items come back', async () => {
    await staff.post('/api/scheduling/backlog', { agencyId: ubhc, fondsId: ubhcFonds, label: 'Phông UBHC 1952–1968', measuredMetres: 14.5, startYear: 1952, endYear: 1968, conditionCode: '06' });
    const all = await staff.get('/api/scheduling/backlog');
    expect(all.body.totals).toMatchObject({ items: 2, measuredMetres: 313, estimatedMetres: 302 });
    expect((await staff.get(`/api/scheduling/backlog?agencyId=${ubhc}`)).body.items.map((i: { label: string }) => i.label)).toEqual(['Phông UBHC 1952–1968']);
    expect((await staff.get('/api/scheduling/backlog?conditionCode=05')).body.items).toHaveLength(1);
    expect((await staff.get('/api/scheduling/backlog?q=van%20giang')).body.items[0].label).toBe('Tài liệu UBND huyện Văn Giang 1999–2015');
    expect((await staff.get('/api/scheduling/backlog?estimatedOnly=true')).body.items).toHaveLength(0);
  });
});

describe('importing the backlog from XLSX', () => {
  const HEAD = ['Ma co quan', 'Ma phong', 'Khoi tai lieu', 'So met do duoc', 'So met uoc tinh', 'Nam bat dau', 'Nam ket thuc', 'Tinh trang vat ly', 'He so phuc tap', 'Han hoan thanh'];

  it('when a good file with unaccented headers is imported twice, then items are created once and updated the second time', async () => {
    const before = await count();
    const file = await xlsx([HEAD,
      ['H05', null, 'Tài liệu Phòng Tài chính Văn Giang', null, '45,5', 2000, 2012, 'ố vàng', 1.2, '31/12/2027'],
      ['T01', 'P-UBHC', 'Tài liệu UBHC bổ sung', 3, null, 1955, 1960, '06', null, null],
    ]);
    const r = await staff.upload('/api/scheduling/backlog/import', 'file', { name: 'ton-dong.xlsx', data: file });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 2, updated: 0 });
    expect(await count()).toBe(before + 2);
    const again = await staff.upload('/api/scheduling/backlog/import', 'file', { name: 'ton-dong.xlsx', data: file });
    expect(again.body).toEqual({ created: 0, updated: 2 });
    const item = (await staff.get('/api/scheduling/backlog?q=phong%20tai%20chinh')).body.items[0];
    expect(item).toMatchObject({ estimatedMetres: 45.5, measuredMetres: null, conditionCode: '05', complexityCoef: 1.2, dueDate: '2027-12-31', startYear: 2000 });
  });

  it('when a file has bad rows, then nothing is imported and every problem is listed with row and column', async () => {
    const before = await count();
    const r = await staff.upload('/api/scheduling/backlog/import', 'file', { name: 'loi.xlsx', data: await xlsx([HEAD,
      ['H05', null, 'Hợp lệ nhưng đi cùng dòng lỗi', null, 10, null, null, null, null, null],
      ['XX9', null, 'Cơ quan lạ', null, 5, null, null, null, null, null],
      ['H05', null, 'Không có mét', null, null, null, null, null, null, null],
      ['H05', null, 'Năm ngược', 2, null, 2015, 1999, 'mục nát lạ', 9, '31/02/2027'],
      ['H05', null, { formula: '1+1' }, 2, null, null, null, null, null, null],
    ]) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    const problems = r.body.error.details.problems as { row: number; column: string; message: string }[];
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => p.column).sort();
    expect(at(4)).toEqual(['Số mét đo được']);
    expect(at(5)).toEqual(['Hạn hoàn thành', 'Hệ số phức tạp', 'Năm kết thúc', 'Tình trạng vật lý']);
    expect(at(6).length).toBeGreaterThan(0);
    expect(problems.find((p) => p.row === 3)).toMatchObject({ column: 'Mã cơ quan', message: 'Mã cơ quan "XX9" chưa có trong danh mục nguồn nộp lưu.' });
    expect(await count()).toBe(before);
  });

  it('when the required columns are missing or the file is not a spreadsheet, then 4xx and nothing changes', async () => {
    const r = await staff.upload('/api/scheduling/backlog/import', 'file', { name: 'thieu.xlsx', data: await xlsx([['Mã cơ quan', 'Ghi chú'], ['H05', 'x']]) });
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: { column: string }) => p.column)).toEqual(['Khối tài liệu', 'Số mét đo được']);
    const junk = await staff.upload('/api/scheduling/backlog/import', 'file', { name: 'rac.xlsx', data: Buffer.from('không phải bảng tính') });
    expect(junk.status).toBeGreaterThanOrEqual(400);
    expect(junk.status).toBeLessThan(500);
  });
});

describe('restoration items', () => {
  it('when pages with damage type and level are recorded per file, then they list with totals', async () => {
    const r = await staff.post('/api/scheduling/restoration', {
      agencyId: ubhc, fondsId: ubhcFonds, unitKind: 'file', reference: 'Hồ sơ số 12: Nghị quyết của UBHC 1954', pages: 240, damageType: 'mould', damageLevel: 'heavy', startYear: 1954, endYear: 1954,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await staff.post('/api/scheduling/restoration', { agencyId: ubhc, unitKind: 'document', reference: 'Công văn 05/UBHC', pages: 8, damageType: 'torn', damageLevel: 'light' });
    const list = await staff.get(`/api/scheduling/restoration?agencyId=${ubhc}`);
    expect(list.body.totals).toMatchObject({ items: 2, pages: 248, donePages: 0 });
    const bad = await staff.post('/api/scheduling/restoration', { agencyId: ubhc, unitKind: 'file', reference: 'x', pages: 0, damageType: 'mould', damageLevel: 'severe' });
    expect(bad.status).toBe(400);
  });
});

describe('who may touch the backlog', () => {
  it('when a researcher or an agency account calls the scheduling API, then 403; anonymous gets 401', async () => {
    const researcher = await t.as('researcher');
    const agency = await t.as('agency', { agencyId: vanGiang });
    for (const c of [researcher, agency]) {
      expect((await c.get('/api/scheduling/backlog')).status).toBe(403);
      expect((await c.post('/api/scheduling/backlog', { agencyId: vanGiang, label: 'x', estimatedMetres: 1 })).status).toBe(403);
      expect((await c.post('/api/scheduling/plans', { label: 'x' })).status).toBe(403);
    }
    expect((await t.anonymous().get('/api/scheduling/backlog')).status).toBe(401);
  });
});
