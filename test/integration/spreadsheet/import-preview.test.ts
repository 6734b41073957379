/**
 * Issue 9: every import shows its warnings (legacy-font cells converted: row, column, before → after) before the
 * user confirms. `?preview=1` answers the counts and warnings the real import will answer, and saves nothing.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows, writeInventoryXlsx } from '../../support/inventory-factory.js';
import { seedWorld, type World } from '../handover/fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

async function xlsx(name: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return { name, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
const n = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params))[0].n;
const events = (action: string) => n(`SELECT count(*)::int AS n FROM events WHERE action = $1`, [action]);

const TCVN3_LABEL = 'Tµi liÖu Phßng Tµi chÝnh huyÖn V¨n Giang'; // .VnTime bytes read as Windows-1252
const UNICODE_LABEL = 'Tài liệu Phòng Tài chính huyện Văn Giang';

describe('import previews', () => {
  it('when the backlog file has a TCVN3 cell, then the preview shows the conversion and saves nothing; confirming saves it', async () => {
    const file = await xlsx('ton-dong.xlsx', [
      ['Mã cơ quan', 'Khối tài liệu', 'Số mét ước tính'],
      [w.agencyCode, TCVN3_LABEL, '12,5'],
      [w.agencyCode, 'Tài liệu Sở Tài chính 2001–2005', 4],
    ]);
    const warning = { row: 2, column: 'Khối tài liệu', message: expect.stringContaining(`"${TCVN3_LABEL}" → "${UNICODE_LABEL}"`) };
    const preview = await w.staff.upload('/api/scheduling/backlog/import?preview=1', 'file', file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual({ created: 2, updated: 0, preview: true, warnings: [warning] });
    expect(await n(`SELECT count(*)::int AS n FROM backlog_items`)).toBe(0);
    expect(await events('backlog.imported')).toBe(0);

    const done = await w.staff.upload('/api/scheduling/backlog/import', 'file', file);
    expect(done.body).toEqual({ created: 2, updated: 0, warnings: [warning] });
    expect(await n(`SELECT count(*)::int AS n FROM backlog_items WHERE label = $1`, [UNICODE_LABEL])).toBe(1);
  });

  it('when the restoration file has a TCVN3 cell, then the preview returns the warning and saves nothing', async () => {
    const file = await xlsx('tu-bo.xlsx', [
      ['Mã cơ quan', 'Hồ sơ/tài liệu', 'Số trang', 'Loại hư hỏng', 'Mức độ hư hỏng'],
      [w.agencyCode, 'Hå s¬ sè 12', 40, 'nấm mốc', 'nhẹ'],
    ]);
    const preview = await w.staff.upload('/api/scheduling/restoration/import?preview=1', 'file', file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ created: 1, updated: 0, preview: true });
    expect(preview.body.warnings).toEqual([{ row: 2, column: 'Hồ sơ/tài liệu', message: expect.stringContaining('→ "Hồ sơ số 12"') }]);
    expect(await n(`SELECT count(*)::int AS n FROM restoration_items`)).toBe(0);
    const done = await w.staff.upload('/api/scheduling/restoration/import', 'file', file);
    expect(done.body).toMatchObject({ created: 1, warnings: preview.body.warnings });
    expect(done.body.preview).toBeUndefined();
  });

  it('when the agency list has a TCVN3 name, then the preview returns the warning and creates no agency', async () => {
    const admin = await t.as('admin');
    const file = await xlsx('danh-muc.xlsx', [['Mã cơ quan', 'Tên cơ quan', 'Cấp'], ['SGD-PV', 'Së Gi¸o dôc vµ §µo t¹o', 'tỉnh']]);
    const preview = await admin.upload('/api/agencies/import?preview=1', 'file', file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ created: 1, updated: 0, unchanged: 0, preview: true });
    expect(preview.body.warnings).toEqual([{ row: 2, column: 'Tên cơ quan', message: expect.stringContaining('→ "Sở Giáo dục và Đào tạo"') }]);
    expect(await n(`SELECT count(*)::int AS n FROM source_agencies WHERE code = 'SGD-PV'`)).toBe(0);
    expect(await events('agency.created')).toBe(0);
    const done = await admin.upload('/api/agencies/import', 'file', file);
    expect(done.body).toMatchObject({ created: 1, warnings: preview.body.warnings });
    expect(await n(`SELECT count(*)::int AS n FROM source_agencies WHERE code = 'SGD-PV'`)).toBe(1);
  });

  it('when the current-archive register has a TCVN3 title, then the preview returns the warning and replaces nothing', async () => {
    const rows = inventoryRows(3, { fromYear: 2015 });
    rows[1].title = 'TËp v¨n b¶n vÒ quyÕt to¸n ng©n s¸ch';
    const file = await writeInventoryXlsx(path.join(w.dir, 'so-dang-ky.xlsx'), rows, { columns: ['stt', 'fileNotation', 'title', 'startDate', 'endDate', 'retention', 'sheets', 'accessLevel', 'notes'] });
    const url = `/api/agencies/${w.agencyId}/files/import`;
    const held = () => n(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL`, [w.agencyId]);
    const preview = await w.staff.upload(`${url}?preview=1`, 'file', file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ imported: 3, unchanged: false, preview: true });
    expect(preview.body.warnings).toEqual([{ row: 3, column: 'Tiêu đề hồ sơ', message: expect.stringContaining('→ "Tập văn bản về quyết toán ngân sách"') }]);
    expect(await held()).toBe(0);
    expect(await events('agency.register_imported')).toBe(0);
    const done = await w.staff.upload(url, 'file', file);
    expect(done.body).toEqual({ imported: 3, unchanged: false, warnings: preview.body.warnings });
    expect(await held()).toBe(3);
  });

  it('when a preview file has problems, then it is refused like the import, and preview takes only 0 or 1', async () => {
    const file = await xlsx('loi.xlsx', [['Mã cơ quan', 'Khối tài liệu', 'Số mét ước tính'], ['KHONG-CO', 'Khối A', 3]]);
    const r = await w.staff.upload('/api/scheduling/backlog/import?preview=1', 'file', file);
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([{ row: 2, column: 'Mã cơ quan', message: expect.stringContaining('KHONG-CO') }]);
    const bad = await w.staff.upload('/api/scheduling/backlog/import?preview=yes', 'file', file);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/preview/);
  });
});
