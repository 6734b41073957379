/**
 * Reading room, the admin screens in a real browser: an admin gives a staff account the director duty and it shows
 * (and stays after a reload); stacks staff put a file out of service and lift the hold; a researcher sees their
 * copy order's state, fee and receipt on "Phiếu của tôi"; the login page links to online reader registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedRequest, reader } from '../../integration/reading-room/circulation-fixtures.js';
import { holding } from '../../integration/reading-room/rr-core-fixtures.js';
import { createUser, login, logout, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'reading-room-admin';

describe('reading-room duties, service holds, the reader copy orders and the registration link', () => {
  let env: BrowserEnv;
  let heldFile: number;

  beforeAll(async () => {
    env = await openBrowser();
    const { t } = env;
    await createUser(t, 'quantri.pd', 'admin');
    await createUser(t, 'canbo.giamdoc', 'archivist');
    await createUser(t, 'docgia.sao', 'researcher');
    const h = await holding(t, [
      { title: 'Hồ sơ chỉnh lý phông Ty Thủy lợi năm 1978', notation: '42/CL' },
      { title: 'Tập bản đồ đê điều huyện Văn Giang', notation: '43/BĐ' },
    ], 'Phông Ty Thủy lợi');
    heldFile = h.fileIds[0]!;
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.sao'`);
    const rd = await reader(t, 'Phạm Văn Sao Chụp', u!.id);
    const { requestId } = await approvedRequest(t, rd, [h.fileIds[1]!], { kind: 'copy' });
    // The order goes through the staff API up to "paid", so the reader's page has a fee and a receipt to show.
    const staff = await t.as('archivist', { username: 'kho.sao' });
    const q = await staff.post<{ id: number }>('/api/reading-room/copy-orders', { requestId, pages: 3 });
    expect(q.status).toBe(201);
    expect((await staff.post(`/api/reading-room/copy-orders/${q.body.id}/transition`, { to: 'awaiting_payment' })).status).toBe(200);
    expect((await staff.post(`/api/reading-room/copy-orders/${q.body.id}/transition`, { to: 'paid', receiptNo: 'BL-DG-07' })).status).toBe(200);
  }, 120_000);
  afterAll(async () => env?.close());

  it('when the login page is open, then it links to online reader registration', async () => {
    const { page, base } = env;
    await page.goto(base + '/');
    await page.getByRole('link', { name: 'Đăng ký độc giả' }).click();
    await page.getByTestId('reader-register').waitFor();
    expect(new URL(page.url()).pathname).toBe('/reading-room/register');
    expect(env.pageErrors).toEqual([]);
  });

  it('when an admin gives a staff account the director duty, then it shows and is stored', async () => {
    const { page, base, t } = env;
    await login(page, base, 'quantri.pd', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/staff-duties');
    const row = page.getByTestId('staff-canbo.giamdoc');
    await row.waitFor();
    expect(await row.getByTestId('duties-current').innerText()).toContain('Chưa giao');
    await row.getByLabel('Giám đốc').check();
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('status').innerText().catch(() => '')).toContain('Đã lưu nhiệm vụ của Người dùng canbo.giamdoc');
    await expect.poll(() => row.getByTestId('duties-current').innerText()).toBe('Giám đốc');
    const [u] = await t.db.query<{ duties: string[] }>(`SELECT duties FROM users WHERE username = 'canbo.giamdoc'`);
    expect(u!.duties).toEqual(['director']);
    await shot(page, T, '1-duties');
    await page.reload();
    await expect.poll(() => page.getByTestId('staff-canbo.giamdoc').getByTestId('duties-current').innerText()).toBe('Giám đốc');
    expect(await page.getByTestId('staff-canbo.giamdoc').getByLabel('Giám đốc').isChecked()).toBe(true);
    expect(env.pageErrors).toEqual([]);
  });

  it('when staff put a file under processing out of service and lift the hold, then the list shows both states', async () => {
    const { page, base, t } = env;
    await page.goto(base + '/reading-room/holds');
    await page.getByTestId('hold-search').fill('chinh ly ty thuy loi');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const found = page.getByTestId('hold-found').locator('li', { hasText: '42/CL' });
    await found.getByRole('button', { name: 'Chọn' }).click();
    expect(await page.getByTestId('hold-chosen').innerText()).toContain('Hồ sơ chỉnh lý phông Ty Thủy lợi năm 1978');
    await page.getByLabel('Lý do').selectOption('processing');
    await page.getByLabel('Ghi chú').fill('Chỉnh lý lại mục lục 1978');
    await page.getByRole('button', { name: 'Tạm ngừng phục vụ', exact: true }).click();
    const row = page.getByTestId('holds').locator('tr', { hasText: '42/CL' });
    await expect.poll(() => row.getByTestId('hold-state').innerText().catch(() => '')).toContain('Đang áp dụng');
    expect(await row.innerText()).toContain('Đang chỉnh lý');
    const active = await t.db.query(`SELECT 1 FROM reading_holds WHERE record_file_id = $1 AND lifted_at IS NULL`, [heldFile]);
    expect(active).toHaveLength(1);
    await shot(page, T, '2-hold-placed');
    await row.getByRole('button', { name: 'Gỡ lệnh' }).click();
    await expect.poll(() => row.getByTestId('hold-state').innerText()).toContain('Đã kết thúc');
    expect(await row.getByRole('button', { name: 'Gỡ lệnh' }).count()).toBe(0);
    const lifted = await t.db.query(`SELECT 1 FROM reading_holds WHERE record_file_id = $1 AND lifted_at IS NOT NULL`, [heldFile]);
    expect(lifted).toHaveLength(1);
    await page.getByLabel('Chỉ lệnh đang áp dụng').check();
    await expect.poll(() => page.getByText('Không có hồ sơ nào tạm ngừng phục vụ.').count()).toBe(1);
    expect(env.pageErrors).toEqual([]);
    await logout(page);
  });

  it('when a researcher opens their requests, then their copy order shows its state, fee and receipt, also on a phone', async () => {
    const { page, base } = env;
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, base, 'docgia.sao', PASSWORD);
    await page.waitForURL(/\/search/);
    await page.goto(base + '/reading-room/my-requests');
    const orders = page.getByTestId('my-copy-orders');
    await orders.waitFor();
    const order = orders.locator('li').first();
    expect(await order.getByTestId('my-copy-status').innerText()).toBe('Đã thanh toán');
    const text = await order.innerText();
    expect(text).toContain('6.000 đ');
    expect(text).toContain('3 trang × 2.000 đ');
    expect(text).toContain('Số biên lai: BL-DG-07');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, T, '3-my-copy-orders-phone');
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(env.pageErrors).toEqual([]);
  });
});
