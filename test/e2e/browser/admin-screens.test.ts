/**
 * Screens staff need in the first week: changing one's own password, editing an agency and a fonds, the change
 * log filtered by who/what/when, and the integrity of the digital masters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { pagesProcessed, createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'admin-screens';
const NEW_PASSWORD = 'mat-khau-moi-cua-toi';

describe('account, register edits, change log and integrity screens', () => {
  let env: BrowserEnv;
  let agencyId: number;
  let fondsId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const a = await archive(env.t, [{ notation: '03-VP', title: 'Hồ sơ hội nghị tổng kết năm 2010' }]);
    agencyId = a.agencyId;
    fondsId = a.fondsId;
    const admin = await env.t.as('admin');
    const b = await batch(admin, a.fileIds[0]);
    expect((await uploadScans(admin, b, [{ name: 'trang-01.png', data: await pagePng() }])).status).toBeLessThan(300);
    // The page's own jobs finish first, so removing its master later is the only thing that goes wrong.
    await pagesProcessed(env);
    await createUser(env.t, 'luutru.thu', 'archivist');
  });
  afterAll(async () => env?.close());

  it('when the login page opens with nobody signed in, then the browser logs no failed request or error', async () => {
    const { page, base } = env;
    const errors: string[] = [];
    const listen = (m: { type(): string; text(): string }) => m.type() === 'error' && errors.push(m.text());
    page.on('console', listen);
    await page.goto(base + '/');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.waitForTimeout(500);
    page.off('console', listen);
    expect(errors).toEqual([]);
  });

  it('when a user changes their own password on the account page, then only the new password signs in', async () => {
    const { page, base, context } = env;
    await login(page, base, 'luutru.thu', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.getByRole('link', { name: 'Người dùng luutru.thu' }).click();
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
    await form.getByLabel('Mật khẩu hiện tại').fill('khong-dung-dau');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Mật khẩu hiện tại không đúng');
    await form.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.getByRole('status').waitFor();
    expect(await form.getByRole('status').innerText()).toContain('Đã đổi mật khẩu');
    await shot(page, T, '1-password-changed');

    await context.clearCookies();
    await login(page, base, 'luutru.thu', PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.getByLabel('Mật khẩu').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    expect(env.pageErrors).toEqual([]);
  });

  it('when staff edit an agency and one of its fonds, then both are saved and the change log finds the edits by who and what', async () => {
    const { page, base, t } = env;
    await page.goto(`${base}/agencies/${agencyId}`);
    await page.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
    const agencyForm = page.getByRole('form', { name: 'Sửa thông tin cơ quan' });
    await agencyForm.getByLabel('Tên cơ quan').fill('Sở Nội vụ tỉnh Hưng Yên (đã sửa)');
    await agencyForm.getByLabel('Địa chỉ').fill('Số 8 đường Chùa Chuông, TP Hưng Yên');
    await agencyForm.getByLabel('Ngày thay đổi trạng thái').fill('01/07/2025');
    await agencyForm.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: /Sở Nội vụ tỉnh Hưng Yên \(đã sửa\)/ }).waitFor();

    const [fondsCode] = (await t.db.query<{ code: string }>(`SELECT code FROM fonds WHERE id = $1`, [fondsId])).map((r) => r.code);
    await page.getByRole('button', { name: `Sửa phông ${fondsCode}` }).click();
    const fondsForm = page.getByRole('form', { name: `Sửa phông ${fondsCode}` });
    await fondsForm.getByLabel('Tên phông').fill('Phông Sở Nội vụ tỉnh Hưng Yên');
    await fondsForm.getByLabel('Từ năm').fill('1997');
    await fondsForm.getByLabel('Đến năm').fill('2020');
    await fondsForm.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Phông Sở Nội vụ tỉnh Hưng Yên' }).waitFor();
    await shot(page, T, '2-agency-edited');
    const [agency] = await t.db.query(`SELECT name, address, status_date::text AS "statusDate" FROM source_agencies WHERE id = $1`, [agencyId]);
    expect(agency).toEqual({ name: 'Sở Nội vụ tỉnh Hưng Yên (đã sửa)', address: 'Số 8 đường Chùa Chuông, TP Hưng Yên', statusDate: '2025-07-01' });
    const [fonds] = await t.db.query(`SELECT name, start_year AS "startYear", end_year AS "endYear" FROM fonds WHERE id = $1`, [fondsId]);
    expect(fonds).toEqual({ name: 'Phông Sở Nội vụ tỉnh Hưng Yên', startYear: 1997, endYear: 2020 });

    await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await page.getByLabel('Người thực hiện').fill('luutru.thu');
    await page.getByLabel('Đối tượng').selectOption({ label: 'Phông' });
    await page.getByLabel('Thao tác').selectOption({ label: 'Sửa phông (1)' });
    await expect.poll(() => table.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/Người dùng luutru\.thu\tSửa phông\tPhông \d+/)]);
    await page.getByLabel('Đối tượng').selectOption({ label: 'Tất cả' });
    // The password change, the agency edit and the fonds edit.
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    // A day range after today leaves nothing.
    await page.getByLabel('Từ ngày').fill('01/01/2099');
    await expect.poll(() => page.getByText('Không có thay đổi nào khớp bộ lọc.').count()).toBe(1);
    await shot(page, T, '3-audit-log');
    // Actions read in Vietnamese, never as their codes.
    expect(await page.locator('body').innerText()).not.toMatch(/fonds\.updated|agency\.updated/);
    expect(env.pageErrors).toEqual([]);
  });

  it('when a master goes missing from storage and staff run a fixity check, then the integrity screen flags it', async () => {
    const { page, base, t } = env;
    const [m] = await t.db.query<{ id: number; key: string }>(`SELECT id, object_key AS key FROM masters`);
    await t.blobs.delete(m.key);
    await page.getByRole('navigation').getByRole('link', { name: 'Toàn vẹn dữ liệu' }).click();
    await page.getByRole('heading', { name: 'Toàn vẹn dữ liệu số' }).waitFor();
    await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await page.getByRole('status').waitFor();
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Cập nhật' }).click();
        return page.getByTestId('fixity-problems').locator('tbody tr').allInnerTexts();
      }, { timeout: 60_000, interval: 1000 })
      .toEqual([expect.stringContaining('MẤT ĐỐI TƯỢNG')]);
    expect(await page.getByTestId('fixity-checks').locator('tbody tr').first().innerText()).toContain(`Bản gốc số ${m.id}`);
    // No digital deposit in this world: the deposited-PDF table is there and says so.
    expect(await page.getByText('Mọi tệp PDF/A nộp lưu số đều khớp SHA-256').count()).toBe(1);
    await shot(page, T, '4-integrity');
    expect(env.pageErrors).toEqual([]);
  });
});

