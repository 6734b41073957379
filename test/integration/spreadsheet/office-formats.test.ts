import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { readTable } from '../../../server/spreadsheet/read-table.js';
import { newHandover, seedWorld, type World } from '../handover/fixture.js';

/** Made by LibreOffice 7.4 from the factory's 30-row inventory (row 1 notes "Bản chính; có dấu đỏ", row 2 a date cell). */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/spreadsheets');

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

/** The upload's own temp file goes once the response is sent; the conversion folder goes before. */
async function tempFilesLeft() {
  const dir = path.join(t.config.DATA_DIR, 'tmp');
  for (let i = 0; i < 20 && fs.readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return fs.readdirSync(dir);
}

// Needs LibreOffice (Debian libreoffice-calc-nogui), which .ci/run installs.
describe('Excel 97–2003 and OpenDocument inventories', () => {
  for (const name of ['muc-luc-30.xls', 'muc-luc-30.ods']) {
    it(`when ${name} is uploaded, then it is converted and every row is stored exactly, leaving no temp file`, { timeout: 120_000 }, async () => {
      const h = await newHandover(w);
      const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', path.join(FIXTURES, name));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.imported).toBe(30);
      const stored = await t.db.query<{ title: string; notes: string | null; startDate: string }>(
        `SELECT title, notes, start_date::text AS "startDate" FROM record_files WHERE handover_id = $1 ORDER BY row_no`, [h.id]);
      const expected = inventoryRows(30);
      expect(stored.map((s) => s.title)).toEqual(expected.map((e) => e.title));
      expect(stored[0].notes).toBe('Bản chính; có dấu đỏ');
      expect(stored[1].startDate).toBe('2005-01-03');
      expect(await tempFilesLeft()).toEqual([]);
    });
  }

  it('when an .ods is renamed .xlsx, then it is read by its content', { timeout: 120_000 }, async () => {
    const h = await newHandover(w);
    const data = fs.readFileSync(path.join(FIXTURES, 'muc-luc-30.ods'));
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'muc-luc.xlsx', data });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.imported).toBe(30);
  });
});

describe('without LibreOffice', () => {
  const saved = process.env.SOFFICE_PATH;
  afterAll(() => {
    if (saved === undefined) delete process.env.SOFFICE_PATH;
    else process.env.SOFFICE_PATH = saved;
  });

  it('when an .xls or an .ods (even renamed .xlsx) cannot be converted, then the refusal names the file type and how to re-save it', async () => {
    process.env.SOFFICE_PATH = '/nonexistent/soffice';
    for (const [name, type] of [['muc-luc-30.xls', /Excel 97–2003 \(\.xls\)/], ['muc-luc-30.ods', /OpenDocument \(\.ods\)/]] as const) {
      const err = await readTable(path.join(FIXTURES, name), { maxRows: 100 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'SPREADSHEET_UNREADABLE', status: 400, message: expect.stringMatching(type) });
      expect((err as Error).message).toContain('lưu lại (Save As) dạng Excel Workbook .xlsx');
      expect((err as Error).message).not.toContain('tiêu đề');
    }
  });
});
