/**
 * TT 05/2025 metadata in the browser: staff open a digitised file's metadata page, convert it to TT 05/2025, see
 * the mapped fields and the flags to resolve, resolve one (backup mode), save, and find it persisted after a reload;
 * an over-long mã hồ sơ gốc giấy is refused with the server's Vietnamese message and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { createUser, login, openBrowser, shot, type BrowserEnv } from './support/browser.js';

const T = 'tt05-metadata';

describe('TT 05/2025 metadata in the browser', () => {
  let env: BrowserEnv;
  let fileId: number;

  beforeAll(async () => {
    env = await openBrowser();
    const a = await archive(env.t, [{ notation: '21-VP', title: 'Hồ sơ về công tác lưu trữ năm 2010' }]);
    fileId = a.fileIds[0]!;
    const staff = await env.t.as('archivist');
    expect((await staff.put(`/api/digitization/files/${fileId}/metadata`, { fileCode: 'HY.2010.21' })).status).toBe(200);
    const b = await batch(staff, fileId);
    expect((await uploadScans(staff, b, [{ name: 'trang-01.png', data: await pagePng() }])).status).toBe(201);
    await createUser(env.t, 'luutru.lan', 'archivist');
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it('when staff convert a file to TT 05/2025 and resolve a flag, then it is saved; an over-long value is refused in Vietnamese', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.lan', 'mat-khau-thu-nghiem');
    await page.goto(`${base}/digitization/files/${fileId}`);
    const section = page.getByTestId('tt05');
    await section.waitFor();
    expect(await page.getByTestId('tt05-regime').innerText()).toBe('TT 02/2019/TT-BNV');
    expect(await page.getByTestId('tt05-files').innerText()).toContain('trang-01.png');
    await page.getByRole('button', { name: 'Chuyển sang TT 05/2025' }).click();
    await expect.poll(() => page.getByTestId('tt05-regime').innerText()).toBe('TT 05/2025/TT-BNV');
    const form = page.getByTestId('tt05-file-form');
    expect(await form.locator('select[name=retentionKind]').inputValue()).toBe('permanent');
    expect(await form.locator('input[name=paperFileCode]').inputValue()).toBe('HY.2010.21');
    const flags = page.getByTestId('tt05-file-form-flags');
    expect(await flags.locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')))).toEqual(['confidenceLevel', 'backupMode', 'backupStatus']);
    expect(await page.getByTestId('tt05-history').innerText()).toContain('Số hóa (lưu bản gốc ảnh quét) — trang-01.png');
    await shot(page, T, '01-converted');

    await form.locator('select[name=backupMode]').selectOption('02');
    await form.getByRole('button', { name: 'Lưu TT 05/2025' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await expect.poll(() => flags.locator('[data-flag]').count()).toBe(2);
    await page.reload();
    await page.getByTestId('tt05-file-form').waitFor();
    expect(await page.getByTestId('tt05-file-form').locator('select[name=backupMode]').inputValue()).toBe('02');
    expect(await page.getByTestId('tt05-file-form-flags').locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')))).toEqual(['confidenceLevel', 'backupStatus']);
    await shot(page, T, '02-saved');

    const again = page.getByTestId('tt05-file-form');
    await again.locator('input[name=paperFileCode]').fill('X'.repeat(31));
    await again.getByRole('button', { name: 'Lưu TT 05/2025' }).click();
    const alert = again.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('paperFileCode: Tối đa 30 ký tự');
    await shot(page, T, '03-refused');
    const stored = await env.t.db.query<{ code: string }>(`SELECT paper_file_code AS code FROM tt05_file_metadata WHERE record_file_id = $1`, [fileId]);
    expect(stored[0]!.code).toBe('HY.2010.21');
  }, 180_000);
});
