import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, logout, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

describe('login page', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await openBrowser();
    await createUser(env.t, 'luutru.lan', 'archivist');
  });
  afterAll(async () => env?.close());

  it('when the password is wrong, then a Vietnamese error shows; when it is right, then the archivist lands on the dashboard', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.lan', 'mat-khau-sai-roi');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(await page.getByRole('heading', { name: 'Kho Lưu trữ' }).isVisible()).toBe(true);
    await shot(page, 'login', '1-wrong-password');

    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const nav = page.getByRole('navigation');
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(['Tổng quan', 'Cơ quan nộp lưu', 'Kế hoạch thu', 'Giao nhận', 'Nộp lưu số', 'Kho', 'Quá hạn nộp lưu', 'Số hóa', 'Tra cứu', 'Chỉnh lý, tu bổ', 'Nhật ký thay đổi', 'Toàn vẹn dữ liệu', 'Phòng đọc']);
    // The account page is for administrators only: an archivist has neither the link nor the page.
    await page.goto(base + '/users');
    await page.getByText('Không có quyền truy cập').waitFor();
    await shot(page, 'login', '2-dashboard');

    // After a reload the session cookie keeps the user signed in; signing out returns to the login form.
    await page.goto(base + '/dashboard');
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await logout(page);
    expect(env.pageErrors).toEqual([]);
  });

  it('when the app clock is years away from the browser clock, then the login still sticks across a reload', async () => {
    const { page, base, t } = env;
    const saved = t.now.value;
    try {
      for (const appNow of [new Date('2001-01-01T08:00:00+07:00'), new Date('2099-06-01T08:00:00+07:00')]) {
        t.now.value = appNow;
        await login(page, base, 'luutru.lan', PASSWORD);
        await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
        await logout(page);
      }
    } finally {
      t.now.value = saved;
    }
    expect(env.pageErrors).toEqual([]);
  });
});
