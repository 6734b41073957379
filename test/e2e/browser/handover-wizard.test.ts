import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryRows, writeInventoryXlsx } from '../../support/inventory-factory.js';
import type { HttpClient } from '../../support/http-client.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'handover';

describe('handover wizard', () => {
  let env: BrowserEnv;
  let admin: HttpClient;
  let agencyId: number;
  let tmp: string;

  beforeAll(async () => {
    env = await openBrowser();
    admin = await env.t.as('admin');
    const agency = await admin.post('/api/agencies', { code: 'T-STC', name: 'Sở Tài chính tỉnh Hưng Yên', level: 'province' });
    expect(agency.status).toBe(201);
    agencyId = agency.body.id;
    expect((await admin.post('/api/fonds', { code: 'P.STC', name: 'Phông Sở Tài chính', agencyId })).status).toBe(201);
    const repo = await admin.post('/api/stacks/repositories', { code: 'A', name: 'Kho A' });
    const room = await admin.post('/api/stacks/rooms', { repositoryId: repo.body.id, code: '101', name: 'Phòng 101' });
    expect((await admin.post('/api/stacks/shelf-units', { roomId: room.body.id, code: '01', shelves: 4, capacityM: 1 })).status).toBe(201);
    await createUser(env.t, 'luutru.minh', 'archivist');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-wizard-'));
  });
  afterAll(async () => {
    await env?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when an archivist goes from a new handover to the signed record, then every step works through the pages and the record downloads as DOCX', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.minh', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();

    // Step 1: the handover header.
    await page.getByRole('navigation').getByRole('link', { name: 'Giao nhận' }).click();
    await page.getByRole('link', { name: 'Tạo đợt giao nhận' }).click();
    await page.getByPlaceholder('Tìm theo mã hoặc tên').fill('tai chinh');
    await page.locator('select#agency').selectOption(String(agencyId));
    await page.getByLabel('Phông', { exact: true }).selectOption({ label: 'P.STC — Phông Sở Tài chính' });
    await page.getByLabel('Tên khối tài liệu / tiêu đề đợt giao nộp').fill('Tài liệu Sở Tài chính giai đoạn 2005–2009');
    await page.getByLabel('Mục lục số').fill('1');
    await page.getByLabel('Số hộp kê khai').fill('2');
    await page.getByLabel('Người giao', { exact: true }).fill('Nguyễn Thị Hoa');
    await page.getByLabel('Chức vụ người giao').fill('Văn thư - lưu trữ');
    await page.getByLabel('Người nhận', { exact: true }).fill('Trần Văn Minh');
    await page.getByLabel('Chức vụ người nhận').fill('Lưu trữ viên');
    await shot(page, T, '1-create');
    await page.getByRole('button', { name: 'Tạo và sang bước tải mục lục' }).click();
    await page.getByRole('heading', { name: /Tài liệu Sở Tài chính giai đoạn 2005–2009/ }).waitFor();
    const handoverId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(handoverId).toBeGreaterThan(0);

    // Step 2a: a bad inventory is refused with every problem listed by row and column, and nothing is stored.
    const bad = inventoryRows(40, { fromYear: 2005 });
    bad[4].title = null; // Số TT 5 → spreadsheet row 6
    bad[11].startDate = '15/12/2009';
    bad[11].endDate = '01/01/2009'; // Số TT 12 → row 13
    const badFile = await writeInventoryXlsx(path.join(tmp, 'muc-luc-loi.xlsx'), bad);
    await page.locator('input[type=file]').setInputFiles(badFile);
    await page.getByRole('button', { name: 'Tải mục lục lên' }).click();
    const problems = page.getByTestId('upload-problems');
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => r.startsWith('6') && r.includes('Tiêu đề hồ sơ'))).toBe(true);
    expect(rows.some((r) => r.startsWith('13'))).toBe(true);
    expect(await page.getByText('Mục lục hồ sơ (0)').isVisible()).toBe(true);
    await shot(page, T, '2-bad-inventory');

    // Step 2b: the corrected file goes in.
    const goodFile = await writeInventoryXlsx(path.join(tmp, 'muc-luc.xlsx'), inventoryRows(40, { fromYear: 2005 }));
    await page.locator('input[type=file]').setInputFiles(goodFile);
    await page.getByRole('button', { name: 'Tải mục lục lên' }).click();
    await page.getByTestId('upload-ok').getByText('Đã nhập 40 hồ sơ.').waitFor();
    await expect.poll(() => page.getByTestId('inventory-table').locator('tbody tr').count()).toBe(40);
    expect(await page.getByTestId('upload-problems').count()).toBe(0);
    await shot(page, T, '3-inventory');

    // Step 3: send for appraisal.
    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByRole('heading', { name: 'Bước 4: Thẩm định mục lục' }).waitFor();

    // Step 4: appraisal with one row comment.
    await page.getByLabel('Kết luận thẩm định').fill('Mục lục đạt yêu cầu, đề nghị Sở Nội vụ phê duyệt.');
    await page.getByRole('button', { name: 'Thêm ý kiến cho một dòng' }).click();
    await page.getByLabel('Số TT (để trống: ý kiến chung)').fill('3');
    await page.getByLabel('Ý kiến', { exact: true }).fill('Bổ sung số tờ theo thực tế.');
    await shot(page, T, '4-appraise');
    await page.getByRole('button', { name: 'Ghi nhận thẩm định' }).click();
    await page.getByRole('heading', { name: 'Bước 5: Sở Nội vụ phê duyệt danh mục' }).waitFor();
    await page.getByText('Bổ sung số tờ theo thực tế.').waitFor();

    // Step 5: approval by Sở Nội vụ.
    await page.getByLabel('Văn bản phê duyệt (số, ngày)').fill('Quyết định số 125/QĐ-SNV ngày 10/11/2026');
    await page.getByRole('button', { name: 'Ghi nhận phê duyệt' }).click();
    await page.getByRole('heading', { name: 'Bước 6: Tiếp nhận tài liệu' }).waitFor();

    // Step 6: receipt with one missing file and the suggested shelves.
    await page.getByLabel('Ngày giao nhận').fill('2026-11-20');
    await page.getByLabel('Mét giá đo thực tế').fill('0,25');
    await page.getByLabel('Tình trạng vật lý').fill('Tài liệu còn tốt, một số tờ ố vàng');
    await page.getByRole('button', { name: 'Thêm chênh lệch' }).click();
    const discrepancy = page.getByTestId('discrepancy-row');
    await discrepancy.getByLabel('Số TT').fill('40');
    await discrepancy.getByLabel('Mô tả').fill('Không có hồ sơ khi giao nhận');
    await page.getByRole('button', { name: 'Gợi ý vị trí trên giá' }).click();
    const suggestion = page.getByTestId('shelf-suggestion');
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain('Kho A');
    expect(await page.getByLabel('Xếp hộp vào các giá gợi ý').isChecked()).toBe(true);
    await shot(page, T, '5-receive');
    await page.getByRole('button', { name: 'Ký biên bản và tiếp nhận' }).click();
    const reconciliation = page.getByTestId('reconciliation');
    await reconciliation.waitFor();
    const figures = await reconciliation.innerText();
    expect(figures).toMatch(/40\s*Trong mục lục/);
    expect(figures).toMatch(/1\s*Thiếu/);
    expect(figures).toMatch(/39\s*Thực nhận/);
    await shot(page, T, '6-received');

    // Step 7: the signed record as a Word file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải biên bản giao nhận (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(tmp, 'bien-ban.docx');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The boxes are on the shelves the suggestion named.
    await page.getByRole('navigation').getByRole('link', { name: 'Kho' }).click();
    await page.getByRole('heading', { name: 'Kho và giá' }).waitFor();
    const tree = await admin.get('/api/stacks');
    const shelves = tree.body.repositories[0].rooms[0].units[0].shelves as { boxes: number }[];
    expect(shelves.reduce((n, s) => n + s.boxes, 0)).toBe(2);
    await shot(page, T, '7-stacks');

    // The dashboard's yearly figures come from the receipt event.
    await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).click();
    const yearly = page.locator('.card').filter({ hasText: 'Số liệu năm 2026' });
    await expect.poll(() => yearly.locator('.stats').innerText()).toMatch(/39\s*Hồ sơ đã tiếp nhận/);
    expect(await yearly.locator('.stats').innerText()).toMatch(/1\s*Đợt giao nhận/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), yearly.getByRole('button', { name: 'Tải Excel 2022–2026' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, T, '8-dashboard');
    expect(env.pageErrors).toEqual([]);
  });
});
