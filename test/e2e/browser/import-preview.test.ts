/**
 * Issue 9 in the browser: a backlog file with a cell typed in TCVN3 is previewed first — the conversion (row,
 * column, before → after) is shown and nothing is saved until the user confirms; then the list shows the item
 * with vi-VN numbers (1.250,5 m).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const TCVN3 = 'Tµi liÖu Phßng Tµi chÝnh huyÖn V¨n Giang';
const UNICODE = 'Tài liệu Phòng Tài chính huyện Văn Giang';

describe('import preview in the browser', () => {
  let env: BrowserEnv;
  let file: string;
  beforeAll(async () => {
    env = await openBrowser();
    const admin = await env.t.as('admin');
    expect((await admin.post('/api/agencies', { code: 'H05', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' })).status).toBe(201);
    await createUser(env.t, 'luutru.nhap', 'archivist');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tồn đọng');
    ws.addRow(['Mã cơ quan', 'Khối tài liệu', 'Số mét ước tính', 'Thời gian tài liệu']);
    ws.addRow(['H05', TCVN3, '1250,5', '1999 - 2015']);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kho-import-')), 'ton-dong.xlsx');
    await wb.xlsx.writeFile(file);
  });
  afterAll(async () => env?.close());

  it('when a backlog file has a TCVN3 cell, then its conversion is shown before confirming and nothing is saved until then', async () => {
    const { page, base, t } = env;
    const items = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM backlog_items`))[0].n;
    await login(page, base, 'luutru.nhap', PASSWORD);
    await page.getByRole('link', { name: 'Chỉnh lý, tu bổ' }).click();
    await page.getByRole('heading', { name: 'Chỉnh lý và tu bổ tồn đọng' }).waitFor();
    await page.getByRole('button', { name: 'Nhập từ tệp XLSX/CSV' }).first().click();
    await page.locator('.upload input[type=file]').setInputFiles(file);
    await page.locator('.upload').getByRole('button', { name: 'Nhập từ tệp XLSX/CSV' }).click();

    const preview = page.getByTestId('backlog-import-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Sẽ nhập: 1 mới, 0 cập nhật.');
    const warning = await page.getByTestId('backlog-import-warnings').getByRole('row').nth(1).innerText();
    expect(warning).toMatch(/^2\s+Khối tài liệu\s+.*TCVN3/);
    expect(warning).toContain(`"${TCVN3}" → "${UNICODE}"`);
    expect(await items()).toBe(0);
    await shot(page, 'import-preview', '1-warnings-before-confirm');

    await preview.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByTestId('backlog-import-done').waitFor();
    expect(await page.getByTestId('backlog-import-done').innerText()).toBe('Đã nhập: 1 khối mới, 0 khối cập nhật.');
    const row = page.getByTestId('backlog-table').getByRole('row', { name: new RegExp(UNICODE) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/1\.250,5 m[\s\S]*1999–2015/);
    expect(await items()).toBe(1);
    await shot(page, 'import-preview', '2-confirmed');
    expect(env.pageErrors).toEqual([]);
  });
});
