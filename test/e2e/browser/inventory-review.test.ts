/**
 * "Số hóa mục lục" in the browser (issue 14): a fixture inventory page is scanned into a file and OCR'd; staff open
 * the review from the file page, extract the rows, see a cell's box on the image, fill the columns the page does
 * not print, type a bad sheet count (the import's problems table names row and column, nothing is stored), fix it,
 * edit cells, mark every row seen and import. The rows are then files of the scanned file's fonds (named on the page
 * before the import) with the edited cells, the agency's register is untouched, and the page's link leads to the
 * fonds' file list, which shows the edited title.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'inventory-review';
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/ocr-tables');
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'page-01.table.json'), 'utf8')) as { header: string[]; rows: string[][] };
const FIELD_OF_HEADER: Record<string, string> = { 'Số TT': 'rowNo', 'Tiêu đề hồ sơ': 'title', 'Thời gian': 'dateRange', 'Số tờ': 'sheets', 'Ghi chú': 'notes' };

describe('inventory review in the browser', () => {
  let env: BrowserEnv;
  let fileId: number;
  let agencyId: number;
  let fondsId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const a = await archive(env.t, [{ notation: 'ML-02', title: 'Mục lục hồ sơ phông UBND huyện Văn Lâm' }]);
    [fileId] = a.fileIds;
    agencyId = a.agencyId;
    fondsId = a.fondsId;
    await createUser(env.t, 'soha.lan', 'archivist');
    const staff = await env.t.as('archivist');
    const r = await uploadScans(staff, await batch(staff, fileId), [{ name: 'muc-luc.png', data: fs.readFileSync(path.join(FIXTURE, 'page-01.png')) }]);
    expect(r.status).toBe(201);
    await env.t.drainJobs({ timeoutMs: 400_000 });
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('when staff review the extracted rows, fix a bad cell and mark every row seen, then the rows are imported as files of the fonds', async () => {
    const { page, base } = env;
    await login(page, base, 'soha.lan', PASSWORD);
    await page.goto(`${base}/digitization/files/${fileId}`);
    await page.getByRole('link', { name: 'Số hóa mục lục' }).click();
    await page.getByRole('button', { name: 'Trích dòng từ các trang' }).click();
    const table = page.getByTestId('review-rows');
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBe(20);
    const cell = (n: number, column: string) => page.getByLabel(`${column}, dòng ${n}`, { exact: true });
    expect(await cell(4, 'Tiêu đề hồ sơ').inputValue()).toBe(truth.rows[3][1]);
    // Where the rows will go: the scanned file's fonds, by code and name.
    const [fonds] = await env.t.db.query<{ code: string; name: string }>(`SELECT code, name FROM fonds WHERE id = $1`, [fondsId]);
    expect(await page.getByTestId('review-target').innerText()).toContain(`${fonds.code} — ${fonds.name}`);

    // Selecting a cell draws its box on the page image.
    expect(await page.getByTestId('selected-box').count()).toBe(0);
    await cell(4, 'Tiêu đề hồ sơ').focus();
    expect(await page.getByTestId('selected-box').count()).toBe(1);
    await shot(page, T, '01-extracted');

    // Cells OCR misread and the file notations (not printed on this page) are corrected through the API, as if typed.
    const staff = await env.t.as('archivist');
    const cells = truth.rows.flatMap((row, i) => [
      ...row.map((v, c) => ({ n: i + 1, field: FIELD_OF_HEADER[truth.header[c]], text: v })),
      { n: i + 1, field: 'fileNotation', text: `ML02-${i + 1}` },
    ]);
    expect((await staff.patch(`/api/digitization/files/${fileId}/inventory-review`, { cells })).status).toBe(200);
    await page.reload();
    await table.waitFor();

    // The columns the page does not print are filled for every row.
    for (const [column, value] of [['Thời hạn bảo quản', 'Vĩnh viễn'], ['Chế độ sử dụng', 'Không hạn chế']]) {
      await page.getByLabel('Cột', { exact: true }).selectOption({ label: column });
      await page.getByLabel('Giá trị', { exact: true }).fill(value);
      await page.getByRole('button', { name: 'Điền cả cột' }).click();
      await expect.poll(() => cell(20, column).inputValue()).toBe(value);
    }

    // A bad sheet count: the check answers the import's problems table, and nothing is stored.
    await cell(3, 'Số tờ').fill('chín chín');
    await cell(3, 'Số tờ').press('Enter');
    await expect.poll(() => table.locator('tr[data-row="3"] td[data-field=sheets]').getAttribute('data-edited')).toBe('true');
    await page.getByRole('button', { name: 'Kiểm tra (không lưu)' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/3\s+Số tờ/);
    await shot(page, T, '02-problems');

    await cell(3, 'Số tờ').fill('99');
    await cell(3, 'Số tờ').press('Enter');
    await cell(2, 'Ghi chú').fill('Bản chính, thiếu tờ bìa');
    await cell(2, 'Ghi chú').press('Enter');
    await expect.poll(() => table.locator('tr[data-row="2"] td[data-field=notes]').getAttribute('data-edited')).toBe('true');
    const editedTitle = 'Tập công văn về việc thực hiện cơ chế một cửa liên thông';
    await cell(2, 'Tiêu đề hồ sơ').fill(editedTitle);
    await cell(2, 'Tiêu đề hồ sơ').press('Enter');
    await expect.poll(() => table.locator('tr[data-row="2"] td[data-field=title]').getAttribute('data-edited')).toBe('true');

    // Nothing is imported that staff did not see: the button waits for every row's mark.
    const importButton = page.getByRole('button', { name: `Nhập vào phông ${fonds.code}`, exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    for (let n = 1; n <= 20; n++) {
      const box = page.getByLabel(`Đã xem dòng ${n}`, { exact: true });
      await box.click(); // controlled by the saved draft: it turns checked when the server answers
      await expect.poll(() => table.locator(`tr[data-row="${n}"]`).getAttribute('data-reviewed')).toBe('true');
    }
    expect(await env.t.db.query(`SELECT 1 FROM record_files WHERE fonds_id = $1 AND id <> $2`, [fondsId, fileId])).toEqual([]);
    await importButton.click();
    await expect.poll(() => page.getByTestId('import-result').innerText().catch(() => ''))
      .toContain(`Đã nhập 20 hồ sơ vào phông ${fonds.code} — ${fonds.name}.`);
    await shot(page, T, '03-imported');

    const stored = await env.t.db.query<{ rowNo: number; title: string; notes: string | null; sheets: number; retention: string; accessLevel: string; fondsId: number }>(
      `SELECT row_no AS "rowNo", title, notes, sheets, retention, access_level AS "accessLevel", fonds_id AS "fondsId"
         FROM record_files WHERE inventory_review_file_id = $1 ORDER BY row_no`, [fileId],
    );
    expect(stored).toHaveLength(20);
    expect(stored.every((f) => f.fondsId === fondsId)).toBe(true);
    expect(stored[1]).toMatchObject({ rowNo: 2, title: editedTitle, notes: 'Bản chính, thiếu tờ bìa', retention: 'Vĩnh viễn', accessLevel: 'unrestricted' });
    expect(stored[2].sheets).toBe(99);
    // The agency's current-archive register is not where the rows went.
    expect(await env.t.db.query(`SELECT 1 FROM record_files WHERE agency_id = $1 AND handover_id IS NULL AND received_at IS NULL`, [agencyId])).toEqual([]);

    // The link opens the fonds' file list (the finding aids) directly, which lists the edited title.
    await page.getByRole('link', { name: 'Xem danh sách hồ sơ của phông' }).first().click();
    const files = page.getByTestId('finding-files');
    await files.waitFor({ timeout: 30_000 });
    await expect.poll(() => files.innerText()).toContain(editedTitle);
    expect(await files.innerText()).toContain('ML02-2');
    await shot(page, T, '04-fonds-files');
    expect(env.pageErrors).toEqual([]);
  });
});
