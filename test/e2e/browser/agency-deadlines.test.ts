import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryRows, writeInventoryXlsx, type InventoryRow } from '../../support/inventory-factory.js';
import type { HttpClient } from '../../support/http-client.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'agency';
const OTHER_NAME = 'Sở Y tế tỉnh Hưng Yên';
const OTHER_CODE = 'T-SYT';

/** A register: `overdue` files ended 2005–2009 (due ≤ 2019) and `dueNow` ended 2016 (due 2026, the test clock's year). */
function register(overdue: number, dueNow: number, label: string): InventoryRow[] {
  const old = inventoryRows(overdue, { fromYear: 2005, years: 5 });
  const recent = inventoryRows(dueNow, { fromYear: 2016, years: 1 }).map((r, i) => ({
    ...r,
    stt: overdue + i + 1,
    fileNotation: `${overdue + i + 1}-HT`,
  }));
  return [...old, ...recent].map((r) => ({ ...r, title: `${label}: ${r.title}` }));
}

describe('agency account', () => {
  let env: BrowserEnv;
  let admin: HttpClient;
  let ownId: number;
  let otherId: number;
  let otherHandoverId: number;
  let tmp: string;

  beforeAll(async () => {
    env = await openBrowser();
    admin = await env.t.as('admin');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-agency-'));
    ownId = (await admin.post('/api/agencies', { code: 'T-SNV', name: 'Sở Nội vụ tỉnh Hưng Yên', level: 'province' })).body.id;
    otherId = (await admin.post('/api/agencies', { code: OTHER_CODE, name: OTHER_NAME, level: 'province' })).body.id;
    const own = await writeInventoryXlsx(path.join(tmp, 'own.xlsx'), register(10, 4, 'Hồ sơ Nội vụ'));
    const other = await writeInventoryXlsx(path.join(tmp, 'other.xlsx'), register(7, 2, 'Hồ sơ Y tế'));
    expect((await admin.upload(`/api/agencies/${ownId}/files/import`, 'file', own)).status).toBe(200);
    expect((await admin.upload(`/api/agencies/${otherId}/files/import`, 'file', other)).status).toBe(200);
    expect((await admin.post('/api/handovers', { agencyId: ownId, title: 'Giao nộp tài liệu Nội vụ 2005–2009' })).status).toBe(201);
    const h = await admin.post('/api/handovers', { agencyId: otherId, title: 'Giao nộp tài liệu Y tế 2005–2009' });
    expect(h.status).toBe(201);
    otherHandoverId = h.body.id;
    await createUser(env.t, 'vanthu.snv', 'agency', ownId);
    await createUser(env.t, 'luutru.ha', 'archivist');
  });
  afterAll(async () => {
    await env?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("when an agency user signs in, then it sees only its own deadlines and handovers, and another agency's page is refused in Vietnamese", async () => {
    const { page, base } = env;
    const neverOther = async () => {
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(OTHER_NAME);
      expect(text).not.toContain(OTHER_CODE);
      expect(text).not.toContain('Hồ sơ Y tế');
      expect(text).not.toContain('Giao nộp tài liệu Y tế');
    };

    await login(page, base, 'vanthu.snv', PASSWORD);
    await page.getByRole('heading', { name: 'Hạn nộp lưu — Sở Nội vụ tỉnh Hưng Yên' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/my-deadlines');
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Hạn nộp lưu của cơ quan', 'Giao nhận', 'Nộp lưu số', 'Tra cứu']);
    const stats = await page.locator('.stats').first().innerText();
    expect(stats).toMatch(/10\s*Quá hạn/);
    expect(stats).toMatch(/4\s*Đến hạn năm nay/);
    expect(await page.getByText('Hồ sơ Nội vụ: Tập văn bản').count()).toBeGreaterThan(0);
    await neverOther();
    await shot(page, T, '1-my-deadlines');

    await page.getByRole('navigation').getByRole('link', { name: 'Giao nhận' }).click();
    await page.getByTestId('handovers-table').waitFor();
    expect(await page.getByTestId('handovers-table').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('Giao nộp tài liệu Nội vụ 2005–2009'),
    ]);
    await neverOther();
    await shot(page, T, '2-handovers');

    await page.goto(`${base}/agencies/${otherId}`);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Không có quyền truy cập');
    await neverOther();
    await shot(page, T, '3-other-agency-refused');

    await page.goto(`${base}/handovers/${otherHandoverId}`);
    await page.getByRole('alert').waitFor();
    await neverOther();

    // Its own agency page opens, with the same figures.
    await page.goto(`${base}/agencies/${ownId}`);
    await page.getByRole('heading', { name: /Sở Nội vụ tỉnh Hưng Yên/ }).waitFor();
    await page.getByText('Hạn nộp lưu', { exact: true }).waitFor();
    await neverOther();
    expect(env.pageErrors).toEqual([]);
  });

  it('when staff open the overdue list, then both agencies are ranked, re-sorted by a header click, and exported to Excel', async () => {
    const { page, base, context } = env;
    await context.clearCookies();
    await login(page, base, 'luutru.ha', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    // The dashboard's overdue panel ranks the same two agencies.
    await page.getByRole('link', { name: OTHER_NAME }).waitFor();
    await shot(page, T, '4-staff-dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'Quá hạn nộp lưu' }).click();
    const table = page.getByTestId('overdue-table');
    await table.waitFor();
    // The name is each row's link to the agency (the first column holds the reminder checkbox).
    const names = () => table.locator('tbody tr td a').allInnerTexts();
    expect(await names()).toEqual(['Sở Nội vụ tỉnh Hưng Yên', OTHER_NAME]);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/T-SNV.*\t10\t2015\t/s);

    await table.getByRole('button', { name: /Tên cơ quan/ }).click();
    await expect.poll(names).toEqual([OTHER_NAME, 'Sở Nội vụ tỉnh Hưng Yên']);
    expect(new URL(page.url()).search).toContain('sort=name');
    await table.getByRole('button', { name: /Tên cơ quan/ }).click();
    await expect.poll(names).toEqual(['Sở Nội vụ tỉnh Hưng Yên', OTHER_NAME]);
    await shot(page, T, '5-staff-overdue');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng Excel' }).click()]);
    const file = path.join(tmp, download.suggestedFilename());
    expect(file).toMatch(/\.xlsx$/);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('Sở Nội vụ tỉnh Hưng Yên');
    expect(cells).toContain(OTHER_NAME);
    expect(env.pageErrors).toEqual([]);
  });

  it('when the agency cancels its abandoned draft, then it reads "Đã hủy", leaves the list unless filtered, and its overdue list keeps its total', async () => {
    const { page, base, context } = env;
    await context.clearCookies();
    await login(page, base, 'vanthu.snv', PASSWORD);
    await page.getByRole('heading', { name: 'Hạn nộp lưu — Sở Nội vụ tỉnh Hưng Yên' }).waitFor();
    await page.getByRole('heading', { name: 'Hồ sơ quá hạn (10)' }).waitFor();
    expect(await page.getByTestId('due-files-overdue').locator('tbody tr').count()).toBe(10);

    await page.getByRole('navigation').getByRole('link', { name: 'Giao nhận' }).click();
    await page.getByRole('link', { name: 'Giao nộp tài liệu Nội vụ 2005–2009' }).click();
    await page.getByRole('button', { name: 'Hủy bản nháp' }).click();
    await page.getByLabel('Lý do hủy (không bắt buộc)').fill('Bản nháp lập thử');
    await page.getByRole('button', { name: 'Hủy bản nháp này' }).click();
    await page.getByTestId('handover-cancelled').waitFor();
    expect(await page.locator('.page-head').innerText()).toContain('Đã hủy');
    await shot(page, T, '6-draft-cancelled');

    await page.getByRole('navigation').getByRole('link', { name: 'Giao nhận' }).click();
    await page.getByText('Trạng thái: Tất cả').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('handovers-table').count()).toBe(0);
    await page.getByLabel('Trạng thái').selectOption('cancelled');
    await page.getByTestId('handovers-table').waitFor();
    expect(await page.getByTestId('handovers-table').locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('Đã hủy')]);
    expect(env.pageErrors).toEqual([]);
  });
});
