/**
 * The page.ocr job with the table path, through the in-process job runner and real components: a scanned
 * ruled inventory page and an ordinary page uploaded together; the inventory is stored in row order with its
 * table structure (pages.ocr_tables, migration 0057) and exported as ALTO with the table as blocks; the
 * ordinary page keeps the usual path (no table, text as before).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';

const TABLE_PAGE = path.resolve(import.meta.dirname, '../../fixtures/ocr-tables/page-01.png');

let t: TestApp;
let staff: HttpClient;
let tablePageId: number;
let prosePageId: number;

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: 'ML' }]);
  const b = await batch(staff, a.fileIds[0]);
  const r = await uploadScans(staff, b, [
    { name: 'muc-luc.png', data: fs.readFileSync(TABLE_PAGE) },
    { name: 'trang.png', data: await pagePng(['BIÊN BẢN GIAO NHẬN', 'Tỉnh Hưng Yên năm 2010']) },
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  [tablePageId, prosePageId] = r.body.files.map((f: { pageIds: number[] }) => f.pageIds[0]);
  await t.drainJobs({ timeoutMs: 400_000 });
}, 480_000);
afterAll(() => t?.close());

describe('page.ocr job on a ruled inventory page', () => {
  it('when the job has run, then text is stored row by row and the table structure beside it', async () => {
    const [row] = await t.db.query<{ text: string; tables: { rows: number; cols: number; cells: unknown[] }[] | null; status: string }>(
      `SELECT ocr_text AS text, ocr_tables AS tables, ocr_status AS status FROM pages WHERE id = $1`, [tablePageId],
    );
    expect(row.status).toBe('done');
    expect(row.tables).toHaveLength(1);
    expect([row.tables![0].rows, row.tables![0].cols]).toEqual([21, 5]);
    const lines = row.text.split('\n');
    expect(lines[0]).toBe('MỤC LỤC HỒ SƠ');
    // Row 4 of the inventory is one text line, its cells in print order.
    expect(lines.find((l) => l.startsWith('4\t'))).toMatch(/^4\tTập quyết định về việc phát động viết bài dự thi\t2016\t137\tBản sao$/);
    const [ev] = await t.db.query<{ data: { tables: number } }>(
      `SELECT data FROM events WHERE action = 'page.ocr_done' AND entity_id = $1`, [String(tablePageId)],
    );
    expect(ev.data.tables).toBe(1);
  });

  it('when exported, then txt is in row order and ALTO carries the table as row and cell blocks', async () => {
    const txt = (await staff.get(`/api/digitization/pages/${tablePageId}/export/txt`)).body as string;
    expect(txt.indexOf('Tập công văn về việc thực hiện cơ chế một cửa')).toBeLessThan(txt.indexOf('Hồ sơ hội nghị về quản lý vị trí'));
    expect(txt.indexOf('2021\t174')).toBeGreaterThan(0);
    const alto = (await staff.get(`/api/digitization/pages/${tablePageId}/export/alto`)).body as string;
    expect(alto).toMatch(/<ComposedBlock ID="P1_T1" [^>]*TYPE="table">/);
    expect(alto.match(/TYPE="table-row"/g)).toHaveLength(21);
    expect(alto).toContain('ID="P1_T1_R5C2"');
  });

  it('when an ordinary page is in the same batch, then it takes the usual path: no table, its text as read', async () => {
    const [row] = await t.db.query<{ text: string; tables: unknown; engine: string }>(
      `SELECT ocr_text AS text, ocr_tables AS tables, ocr_engine AS engine FROM pages WHERE id = $1`, [prosePageId],
    );
    expect(row.tables).toBeNull();
    expect(row.engine).not.toMatch(/table=/);
    expect(row.text).toMatch(/BIÊN BẢN/);
    const alto = (await staff.get(`/api/digitization/pages/${prosePageId}/export/alto`)).body as string;
    expect(alto).not.toContain('ComposedBlock');
  });
});
