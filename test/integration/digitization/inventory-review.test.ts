/**
 * "Số hóa mục lục" end to end on the server: a scanned ruled inventory page (fixture page-01) goes through the real
 * page.ocr job (tesseract.js, table path), its rows are proposed as a review draft with each cell's page, box and
 * confidence; staff edit cells and mark rows seen; the import makes them record files of the scanned file's fonds
 * through the inventory import's checks: all-or-nothing with the problems table by row and column, the fonds' own
 * duplicates refused, a second import of the same draft changes nothing, an edited draft replaces only its own
 * files, and never while one of them is in use. The agency's current-archive register is never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { charErrors } from '../../../ocr/quality.js';
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
let fondsId: number;
let pageId: number;
const url = () => `/api/digitization/files/${fileId}/inventory-review`;
/** The agency's current-archive register: its files held, not in a handover, not received (inventory.repository.ts). */
const registerCount = async () =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL AND received_at IS NULL`, [agencyId]))[0].n;
/** The fonds' files made by this review's imports. */
const imported = () =>
  t.db.query<{ id: number; rowNo: number; fileNotation: string; title: string; sheets: number; notes: string | null; startDate: string | null; fondsId: number; handoverId: number | null; received: boolean }>(
    `SELECT id, row_no AS "rowNo", file_notation AS "fileNotation", title, sheets, notes, start_date::text AS "startDate", fonds_id AS "fondsId",
            handover_id AS "handoverId", received_at IS NOT NULL AS received
       FROM record_files WHERE inventory_review_file_id = $1 ORDER BY row_no`, [fileId]);
const importEvents = async () => (await t.db.query(`SELECT 1 FROM events WHERE action = 'inventory_review.imported' AND entity_id = $1`, [String(fileId)])).length;

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: 'ML' }]);
  [fileId] = a.fileIds;
  agencyId = a.agencyId;
  fondsId = a.fondsId;
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
    // The page says where the rows will go: the scanned file's fonds.
    expect(d.fonds).toEqual({ id: fondsId, code: expect.any(String), name: expect.stringMatching(/^Phông Sở Nội vụ/) });
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
    expect(await imported()).toEqual([]);
  });

  it('when an edit names an unknown row, then nothing of the request is saved', async () => {
    const r = await staff.patch(url(), { cells: [{ n: 1, field: 'title', text: 'Đổi' }, { n: 99, field: 'title', text: 'x' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_ROW_UNKNOWN');
    expect((await staff.get(url())).body.rows[0].cells.title.text).not.toBe('Đổi');
  });

  it('when a reviewed draft has a bad cell, then the problems table names its row and column and nothing is stored; fixed, it imports once into the fonds', async () => {
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
    expect(await imported()).toEqual([]);

    const preview = await staff.post(`${url()}/import`, { preview: true });
    expect(preview.status).toBe(422);

    expect((await staff.patch(url(), { cells: [{ n: 3, field: 'sheets', text: '99' }] })).status).toBe(200);
    const checked = await staff.post(`${url()}/import`, { preview: true });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body).toMatchObject({ imported: 20, preview: true, fonds: { id: fondsId } });
    expect(await imported()).toEqual([]);

    const ok = await staff.post(`${url()}/import`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ imported: 20, unchanged: false, replaced: 0, fonds: { id: fondsId } });
    const stored = await imported();
    expect(stored).toHaveLength(20);
    // Files of the fonds the archive holds: in the scanned file's fonds, in no handover, received.
    expect(stored.every((f) => f.fondsId === fondsId && f.handoverId === null && f.received)).toBe(true);
    expect(stored[2]).toMatchObject({ rowNo: 3, fileNotation: 'ML02-3', title: truth.rows[2][1], sheets: 99, startDate: '2015-04-01' });
    expect(await registerCount()).toBe(0);
    expect((await staff.get(url())).body).toMatchObject({ importedAt: expect.any(String), importedRows: 20 });
    // The fonds' file list (finding aids) lists them.
    const listed = await staff.get(`/api/reading-room/files?fondsId=${fondsId}&limit=100`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((f: { fileNotation: string }) => f.fileNotation)).toEqual(expect.arrayContaining(['ML02-1', 'ML02-20']));

    const again = await staff.post(`${url()}/import`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 20, unchanged: true });
    expect((await imported()).map((f) => f.id)).toEqual(stored.map((f) => f.id));
    expect(await importEvents()).toBe(1);
  });

  it('when an imported draft is edited and imported again, then only its own files are replaced and the agency register stays as it was', async () => {
    // The agency's own register (files it still holds) and another file of the fonds are not this review's.
    await t.db.query(
      `INSERT INTO record_files (agency_id, row_no, file_notation, title, end_date, retention, permanent, due_rule)
       VALUES ($1, 1, 'HH-1', 'Hồ sơ còn ở lưu trữ cơ quan', '2020-12-31', 'Vĩnh viễn', true, 'law2011_art21')`, [agencyId]);
    const before = await imported();
    expect((await staff.patch(url(), { cells: [{ n: 2, field: 'notes', text: 'Bản chính, thiếu tờ bìa' }] })).status).toBe(200);
    const r = await staff.post(`${url()}/import`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ imported: 20, unchanged: false, replaced: 20 });
    const after = await imported();
    expect(after).toHaveLength(20);
    expect(after[1].notes).toBe('Bản chính, thiếu tờ bìa');
    expect(after.map((f) => f.id).some((id) => before.some((b) => b.id === id))).toBe(false);
    expect(await registerCount()).toBe(1);
    // The scanned inventory's own file stays in the fonds.
    expect((await t.db.query(`SELECT 1 FROM record_files WHERE id = $1 AND fonds_id = $2`, [fileId, fondsId])).length).toBe(1);
    expect(await importEvents()).toBe(2);
  });

  it('when a row repeats a file the fonds already has (same number and dates), then the problems table names that row and nothing changes', async () => {
    const before = await imported();
    // Another file of the fonds with row 5's number and dates, and one with row 6's number but other dates.
    const [dup] = await t.db.query<{ id: number }>(
      `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, start_date, end_date, retention, permanent, due_rule, received_at)
       SELECT agency_id, fonds_id, lower(file_notation), 'Hồ sơ đã có', start_date, end_date, retention, permanent, due_rule, now()
         FROM record_files WHERE inventory_review_file_id = $1 AND row_no = 5 RETURNING id`, [fileId]);
    const [other] = await t.db.query<{ id: number }>(
      `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule, received_at)
       VALUES ($1, $2, 'ML02-6', 'Hồ sơ khác cùng số', '1999-12-31', 'Vĩnh viễn', true, 'law2011_art21', now()) RETURNING id`, [agencyId, fondsId]);
    expect((await staff.patch(url(), { cells: [{ n: 2, field: 'notes', text: 'Bản chính' }] })).status).toBe(200);
    const r = await staff.post(`${url()}/import`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error.code).toBe('INVENTORY_INVALID');
    expect(r.body.error.details.problems).toEqual([expect.objectContaining({ row: 5, column: 'Số và ký hiệu hồ sơ', message: expect.stringContaining('ML02-5') })]);
    expect(await imported()).toEqual(before);
    expect(await importEvents()).toBe(2);
    await t.db.query(`DELETE FROM record_files WHERE id = ANY($1::int[])`, [[dup.id, other.id]]);
  });

  it('when the scanned file is in no fonds, then import answers 422 and nothing changes', async () => {
    const before = await imported();
    await t.db.query(`UPDATE record_files SET fonds_id = NULL WHERE id = $1`, [fileId]);
    try {
      expect((await staff.get(url())).body.fonds).toBeNull();
      const r = await staff.post(`${url()}/import`, {});
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('INVENTORY_REVIEW_NO_FONDS');
      expect(r.body.error.message).toMatch(/phông/);
    } finally {
      await t.db.query(`UPDATE record_files SET fonds_id = $2 WHERE id = $1`, [fileId, fondsId]);
    }
    expect(await imported()).toEqual(before);
  });

  it('when one of the earlier imported files is in use (a digitisation batch), then a new import answers 409 and nothing changes', async () => {
    const before = await imported();
    await batch(staff, before[6].id);
    const r = await staff.post(`${url()}/import`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe('INVENTORY_REVIEW_IMPORTED_IN_USE');
    expect(r.body.error.details.files).toEqual([{ rowNo: 7, fileNotation: 'ML02-7' }]);
    expect(await imported()).toEqual(before);
    expect(await importEvents()).toBe(2);
  });
});

describe('an inventory whose table continues on the next page', () => {
  type Cell = { text: string; ocr: string | null; boxes: { pageId: number; box: [number, number, number, number] }[] };
  type Row = { n: number; cells: Record<string, Cell> };
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

  it('when a row is split by the page break, then it is joined with its boxes on both pages and the rows go on', async () => {
    // Two scans made from page-01 by blanking cells (the ruled grid stays): the first keeps rows 1–10; the second
    // repeats the header, keeps rows 11–20 and has no Số TT on row 11, i.e. row 11's cells are the end of row 10.
    const single = (await staff.get(url())).body as { rows: Row[] };
    const boxesOf = (ns: number[], only?: string) =>
      ns.flatMap((n) => Object.entries(single.rows[n - 1].cells).filter(([f]) => !only || f === only).flatMap(([, c]) => c.boxes.map((b) => b.box)));
    const png = fs.readFileSync(path.join(FIXTURE, 'page-01.png'));
    const { width, height } = await sharp(png).metadata();
    // The scan is skewed and a cell's box is the upright box around it: blank the slanted cell itself, inset, so that
    // the rules between rows stay and the table keeps its grid.
    const [first1, last1] = [single.rows[0].cells.rowNo.boxes[0].box, single.rows[0].cells.notes.boxes[0].box];
    const slope = (first1[1] - last1[1]) / (last1[0] - first1[0]);
    const blank = (boxes: [number, number, number, number][]) => {
      const rects = boxes.map(([x0, y0, x1, y1]) => {
        const d = (x1 - x0) * slope;
        const pts = [[x0 + 8, y0 + d + 10], [x1 - 8, y0 + 10], [x1 - 8, y1 - d - 10], [x0 + 8, y1 - 10]];
        return `<polygon points="${pts.map((p) => p.join(',')).join(' ')}" fill="white"/>`;
      });
      const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rects.join('')}</svg>`);
      return sharp(png).composite([{ input: svg }]).extractChannel(0).withDensity(300).png().toBuffer();
    };
    const first = await blank(boxesOf(range(11, 20)));
    const second = await blank([...boxesOf(range(1, 10)), ...boxesOf([11], 'rowNo')]);

    const a = await archive(t, [{ notation: 'ML-2T' }]);
    const u = await uploadScans(staff, await batch(staff, a.fileIds[0]), [{ name: 'trang-1.png', data: first }, { name: 'trang-2.png', data: second }]);
    expect(u.status, JSON.stringify(u.body)).toBe(201);
    await t.drainJobs({ timeoutMs: 400_000 });

    const r = await staff.post(`/api/digitization/files/${a.fileIds[0]}/inventory-review`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = r.body as { pages: { pageId: number; seq: number }[]; rows: Row[] };
    expect(d.pages.map((p) => p.seq)).toEqual([1, 2]);
    const [p1, p2] = d.pages.map((p) => p.pageId);
    expect(d.rows.map((x) => x.cells.rowNo.text)).toEqual([...range(1, 10), ...range(12, 20)].map(String));
    const title10 = d.rows[9].cells.title;
    // One row, read on two pages: the title's boxes are on page 1 then page 2, and its text is both parts in order.
    expect(title10.boxes.map((b) => b.pageId)).toEqual([p1, p2]);
    // The blanked scans are other images than page-01, so tesseract may read a letter of them differently: the text is
    // compared by character error rate. Both parts in the wrong order (or one missing) would be far above 5 %.
    const cer = (got: string, want: string) => { const e = charErrors(got, want); return e.errors / e.length; };
    expect(cer(title10.text, `${single.rows[9].cells.title.ocr} ${single.rows[10].cells.title.ocr}`)).toBeLessThan(0.05);
    expect(d.rows[10].cells.title.boxes.map((b) => b.pageId)).toEqual([p2]);
    expect(cer(d.rows[10].cells.title.text, single.rows[11].cells.title.ocr!)).toBeLessThan(0.05);
  }, 480_000);
});
