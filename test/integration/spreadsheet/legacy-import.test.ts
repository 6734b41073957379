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

/** The standard headers as typed with the ABC keyboard in .VnTime (TCVN3 bytes read as Windows-1252). */
const TCVN3_HEADERS: Partial<Record<InventoryField, string>> = {
  stt: 'Sè TT',
  fileNotation: 'Sè vµ ký hiÖu hå s¬',
  title: 'Tiªu ®Ò hå s¬',
  startDate: 'Thêi gian b¾t ®Çu',
  endDate: 'Thêi gian kÕt thóc',
  retention: 'Thêi h¹n b¶o qu¶n',
  sheets: 'Sè tê',
  boxNo: 'Hép sè',
  accessLevel: 'ChÕ ®é sö dông',
  notes: 'Ghi chó',
};

describe('inventories typed in legacy Vietnamese fonts', () => {
  it('when titles are TCVN3 under Unicode headers, then they are stored as Unicode and each converted cell is a warning', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(4);
    rows[0].title = 'Hå s¬ vÒ viÖc x©y dùng kÕ ho¹ch n¨m 2005';
    rows[1].title = 'Coâng vaên veà vieäc ñoân ñoác noäp löu'; // VNI-Windows
    rows[2].accessLevel = 'Kh«ng h¹n chÕ';
    const file = await writeInventoryXlsx(path.join(w.dir, 'tcvn3.xlsx'), rows);
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const titles = await t.db.query<{ title: string }>(`SELECT title FROM record_files WHERE handover_id = $1 ORDER BY row_no`, [h.id]);
    expect(titles.map((x) => x.title).slice(0, 2)).toEqual(['Hồ sơ về việc xây dựng kế hoạch năm 2005', 'Công văn về việc đôn đốc nộp lưu']);
    expect(r.body.warnings).toEqual(expect.arrayContaining([
      { row: 2, column: 'Tiêu đề hồ sơ', message: expect.stringMatching(/TCVN3.*"Hå s¬ vÒ viÖc x©y dùng kÕ ho¹ch n¨m 2005" → "Hồ sơ về việc xây dựng kế hoạch năm 2005"/) },
      { row: 3, column: 'Tiêu đề hồ sơ', message: expect.stringMatching(/VNI-Windows.*→ "Công văn về việc đôn đốc nộp lưu"/) },
      { row: 4, column: 'Chế độ sử dụng', message: expect.stringContaining('→ "Không hạn chế"') },
    ]));
    // Unicode cells are never touched.
    expect(r.body.warnings.filter((x: { row: number | null }) => x.row === 5)).toEqual([]);
  });

  it('when the headers themselves are TCVN3, then the columns are recognised and a warning says how each was read', async () => {
    const h = await newHandover(w);
    const rows = inventoryRows(3);
    rows[0].title = 'TËp v¨n b¶n vÒ quyÕt to¸n ng©n s¸ch';
    const file = await writeInventoryXlsx(path.join(w.dir, 'tcvn3-headers.xlsx'), rows, { headers: TCVN3_HEADERS });
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.imported).toBe(3);
    expect(r.body.warnings).toContainEqual({ row: 1, column: 'Sè vµ ký hiÖu hå s¬', message: expect.stringContaining('"Số và ký hiệu hồ sơ"') });
    const [first] = await t.db.query<{ title: string }>(`SELECT title FROM record_files WHERE handover_id = $1 AND row_no = 1`, [h.id]);
    expect(first.title).toBe('Tập văn bản về quyết toán ngân sách');
  });

  it('when the agency list has TCVN3 names, then the import answers its counts with the conversions as warnings', async () => {
    const admin = await t.as('admin');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh mục');
    ws.addRow(['Mã cơ quan', 'Tªn c¬ quan', 'CÊp']);
    ws.addRow(['SYT-LEGACY', 'Së Y tÕ tØnh H­ng Yªn', 'tØnh']);
    const r = await admin.upload('/api/agencies/import', 'file', { name: 'danh-muc.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(r.body.warnings).toEqual(expect.arrayContaining([
      { row: 2, column: 'Tên cơ quan', message: expect.stringContaining('→ "Sở Y tế tỉnh Hưng Yên"') },
      { row: 2, column: 'Cấp', message: expect.stringContaining('→ "tỉnh"') },
    ]));
    const [a] = await t.db.query<{ name: string }>(`SELECT name FROM source_agencies WHERE code = 'SYT-LEGACY'`);
    expect(a.name).toBe('Sở Y tế tỉnh Hưng Yên');
  });
});
