/**
 * "Số hóa mục lục" end to end on the server: a scanned ruled inventory page (fixture page-01) goes through the real
 * page.ocr job (tesseract.js, table path), its rows are proposed as a review draft with each cell's page, box and
 * confidence; staff edit cells and mark rows seen; the import is the register import itself: all-or-nothing with
 * the problems table by row and column, and a second import of the same draft changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, uploadScans } from './digitization-fixtures.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/ocr-tables');
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'page-01.table.json'), 'utf8')) as { header: string[]; rows: string[][] };
const FIELD_OF_HEADER: Record<string, string> = { 'Số TT': 'rowNo', 'Tiêu đề hồ sơ': 'title', 'Thời gian': 'dateRange', 'Số tờ': 'sheets', 'Ghi chú': 'notes' };

let t: TestApp;
let staff: HttpClient;
let fileId: number;
let agencyId: number;
let pageId: number;
const url = () => `/api/digitization/files/${fileId}/inventory-review`;
const registerCount = async () =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL`, [agencyId]))[0].n;

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: 'ML' }]);
  [fileId] = a.fileIds;
  agencyId = a.agencyId;
  const b = await batch(staff, fileId);
  const r = await uploadScans(staff, b, [{ name: 'muc-luc.png', data: fs.readFileSync(path.join(FIXTURE, 'page-01.png')) }]);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  pageId = r.body.files[0].pageIds[0];
  await t.drainJobs({ timeoutMs: 400_000 });
}, 480_000);
afterAll(() => t?.close());

describe('inventory review of a scanned inventory page', () => {
  it('when there is no draft yet, then it answers 404 with a stable code', async () => {
    const r = await staff.get(url());
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_NOT_FOUND');
  });

  it('when the chosen page range holds no page, then it answers 400 and no draft is made', async () => {
    const r = await staff.post(url(), { fromSeq: 2, toSeq: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_NO_PAGES');
    expect((await staff.get(url())).status).toBe(404);
  });

  it('when rows are extracted, then each proposed cell has its text, page, box and confidence, and the columns the page prints', async () => {
    const r = await staff.post(url(), { fromSeq: 1, toSeq: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = r.body;
    expect(d.rows).toHaveLength(20);
    expect(d.unreviewed).toBe(20);
    const printed = Object.fromEntries(d.columns.map((c: { field: string; header: string | null }) => [c.field, c.header]));
    // Headers as OCR printed them (it may drop the space of "Số TT"), each mapped to its import column.
    for (const f of ['rowNo', 'title', 'dateRange', 'sheets', 'notes']) expect(printed[f], f).toEqual(expect.any(String));
    expect(printed.title).toBe('Tiêu đề hồ sơ');
    // Columns the register needs but the page does not print are offered empty, to be filled in.
    expect(printed).toMatchObject({ fileNotation: null, retention: null, accessLevel: null });
    const title4 = d.rows[3].cells.title;
    expect(title4.text).toBe(truth.rows[3][1]);
    expect(title4.boxes).toHaveLength(1);
    expect(title4.boxes[0].pageId).toBe(pageId);
    const [x0, y0, x1, y1] = title4.boxes[0].box;
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    expect(title4.confidence).toBeGreaterThan(0);
    expect(d.rows[0].cells.fileNotation).toMatchObject({ text: '', ocr: null, boxes: [] });
    // Most cells read right; the rest is what the review is for.
    let right = 0;
    truth.rows.forEach((row, i) => row.forEach((v, c) => (right += d.rows[i].cells[FIELD_OF_HEADER[truth.header[c]]].text === v ? 1 : 0)));
    expect(right / (truth.rows.length * truth.header.length)).toBeGreaterThan(0.85);
  });

  it('when the draft has unseen rows, then import is refused and nothing is stored', async () => {
    const r = await staff.post(`${url()}/import`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_UNSEEN');
    expect(await registerCount()).toBe(0);
  });

  it('when an edit names an unknown row, then nothing of the request is saved', async () => {
    const r = await staff.patch(url(), { cells: [{ n: 1, field: 'title', text: 'Đổi' }, { n: 99, field: 'title', text: 'x' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_ROW_UNKNOWN');
    expect((await staff.get(url())).body.rows[0].cells.title.text).not.toBe('Đổi');
  });

  it('when a reviewed draft has a bad cell, then the problems table names its row and column and nothing is stored; fixed, it imports once', async () => {
    const cells = truth.rows.flatMap((row, i) => [
      ...row.map((v, c) => ({ n: i + 1, field: FIELD_OF_HEADER[truth.header[c]], text: v })),
      { n: i + 1, field: 'fileNotation', text: `ML02-${i + 1}` },
      { n: i + 1, field: 'retention', text: 'Vĩnh viễn' },
      { n: i + 1, field: 'accessLevel', text: 'Không hạn chế' },
    ]);
    cells.push({ n: 3, field: 'sheets', text: 'chín chín' });
    const reviewed = truth.rows.map((_, i) => ({ n: i + 1, reviewed: true }));
    const e = await staff.patch(url(), { cells, reviewed });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    expect(e.body.unreviewed).toBe(0);
    expect(e.body.rows[2].cells.sheets).toMatchObject({ text: 'chín chín', edited: true });
    // What OCR misread (a date, a count) was in cells staff have now typed: those reading problems are cleared.
    expect(e.body.rows.flatMap((r: { problems: unknown[] }) => r.problems)).toEqual([]);
    // Edits persist.
    expect((await staff.get(url())).body.rows[0].cells.fileNotation).toMatchObject({ text: 'ML02-1', edited: true });

    const bad = await staff.post(`${url()}/import`, {});
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVENTORY_INVALID');
    expect(bad.body.error.details.problems).toEqual([expect.objectContaining({ row: 3, column: 'Số tờ' })]);
    expect(await registerCount()).toBe(0);

    const preview = await staff.post(`${url()}/import`, { preview: true });
    expect(preview.status).toBe(422);

    expect((await staff.patch(url(), { cells: [{ n: 3, field: 'sheets', text: '99' }] })).status).toBe(200);
    const ok = await staff.post(`${url()}/import`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ imported: 20, unchanged: false });
    const stored = await t.db.query<{ rowNo: number; fileNotation: string; title: string; sheets: number; dateText: string; startDate: string | null }>(
      `SELECT row_no AS "rowNo", file_notation AS "fileNotation", title, sheets, date_text AS "dateText", start_date::text AS "startDate"
         FROM record_files WHERE agency_id = $1 AND handover_id IS NULL ORDER BY row_no`, [agencyId],
    );
    expect(stored).toHaveLength(20);
    expect(stored[2]).toMatchObject({ rowNo: 3, fileNotation: 'ML02-3', title: truth.rows[2][1], sheets: 99, startDate: '2015-04-01' });
    expect((await staff.get(url())).body.importedAt).not.toBeNull();

    const again = await staff.post(`${url()}/import`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 20, unchanged: true });
    expect(await registerCount()).toBe(20);
    const events = await t.db.query(`SELECT 1 FROM events WHERE action = 'agency.register_imported' AND entity_id = $1`, [String(agencyId)]);
    expect(events).toHaveLength(1);
  });
});
