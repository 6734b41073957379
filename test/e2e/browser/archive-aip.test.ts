/**
 * AIP export from the browser: staff open a digitised file's metadata page, follow the digital-archive link, start
 * an AIP, see its progress move to "Hoàn tất" (polled by the page), and download the ZIP, which starts with a local
 * file header and lists the package's root METS.xml.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { createUser, login, openBrowser, shot, type BrowserEnv } from './support/browser.js';

const T = 'archive-aip';

describe('AIP export in the browser', () => {
  let env: BrowserEnv;
  let fileId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const a = await archive(env.t, [{ notation: '12-VP', title: 'Tờ trình về việc số hóa tài liệu lưu trữ' }]);
    fileId = a.fileIds[0]!;
    const staff = await env.t.as('archivist');
    const b = await batch(staff, fileId);
    expect((await uploadScans(staff, b, [{ name: 'trang-01.png', data: await pagePng(['TỜ TRÌNH', 'Số hóa tài liệu lưu trữ năm 2022']) }])).status).toBe(201);
    await env.t.drainJobs({ timeoutMs: 240_000 });
    await createUser(env.t, 'luutru.mai', 'archivist');
  }, 300_000);
  afterAll(async () => {
    await env?.close();
  });

  it('when staff export an AIP of a digitised file, then progress reaches done and the ZIP downloads with its METS', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.mai', 'mat-khau-thu-nghiem');
    await page.goto(`${base}/digitization/files/${fileId}`);
    await page.getByRole('link', { name: 'Lưu trữ số (AIP, PDF/A)' }).click();
    await page.getByRole('heading', { name: 'Lưu trữ số: gói AIP và PDF/A-2b' }).waitFor();
    await page.getByText('Chưa đóng gói AIP nào cho hồ sơ này.').waitFor();
    await page.getByTestId('aip-export').click();
    await page.getByRole('status').filter({ hasText: 'Đã xếp lịch đóng gói' }).waitFor();
    const progress = page.locator('[data-testid^=aip-progress-]').first();
    await progress.waitFor();
    await shot(page, T, '01-started');
    await expect.poll(() => page.getByTestId('aip-exports').innerText(), { timeout: 180_000 }).toContain('Hoàn tất');
    expect(await page.getByTestId('aip-exports').innerText()).toContain('Thư mục chỉ đọc');
    expect(await progress.innerText()).toMatch(/(\d+)\/\1/);
    await shot(page, T, '02-done');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid^=aip-download-]').first().click()]);
    expect(dl.suggestedFilename()).toMatch(/^AIP_hoso-VN-KLT-F\d+-[0-9a-f]{8}\.zip$/);
    const file = await dl.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const listing = spawnSync('unzip', ['-l', file], { encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/AIP_hoso-VN-KLT-F\d+-[0-9a-f]{8}\/METS\.xml/);
    expect(listing).toMatch(/representations\/rep1\/data\/[^\s]+\.pdf/);
  }, 240_000);
});
