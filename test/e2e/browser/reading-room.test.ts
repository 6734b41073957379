/**
 * Reading room, readers and request side, in a real browser: a person registers online; staff verify and issue the
 * card; the reader finds an undigitised file through the finding aids (accent-free search), requests it and sees
 * the deadline counted across New Year's Day and the weekend; staff approve; a restricted file's slip goes on to
 * the director; an 11th file is refused. The reader's pages also fit a 390 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { holding, type Holding } from '../../integration/reading-room/rr-core-fixtures.js';
import { createUser, login, logout, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'reading-room';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 900 };

async function sideways(page: Page) {
  return page.evaluate(() => ({ width: document.documentElement.scrollWidth, visible: document.documentElement.clientWidth }));
}

describe('readers, finding aids, request slips and approvals', () => {
  let env: BrowserEnv;
  let open: Holding;
  let restricted: Holding;
  let eleven: Holding;

  beforeAll(async () => {
    env = await openBrowser();
    const { t } = env;
    // Thursday 31 December 2026: New Year's Day is a Friday, then the weekend.
    t.now.value = new Date('2026-12-31T10:00:00+07:00');
    await createUser(t, 'truongphong', 'archivist');
    await createUser(t, 'giamdoc', 'archivist');
    await t.db.query(`UPDATE users SET duties = '{reading_room_head}' WHERE username = 'truongphong'`);
    await t.db.query(`UPDATE users SET duties = '{director}' WHERE username = 'giamdoc'`);
    open = await holding(t, [{ title: 'Hồ sơ tu bổ đê điều huyện Khoái Châu năm 1995', notation: '15/ĐĐ', catalog: '01' }], 'Phông Sở Thủy lợi');
    restricted = await holding(t, [{ title: 'Hồ sơ giải quyết tranh chấp đất đai xã Tân Dân', notation: '7/TC', accessLevel: 'restricted' }], 'Phông UBND huyện');
    eleven = await holding(t, Array.from({ length: 11 }, (_, i) => ({ title: `Tập công văn xây dựng cơ bản số ${i + 1}` })), 'Phông Sở Xây dựng');
  }, 120_000);
  afterAll(async () => env?.close());

  it('when a person registers online and staff verify them, then the reader sees their card', async () => {
    const { page, base } = env;
    await page.goto(base + '/reading-room/register');
    const form = page.getByTestId('reader-register');
    await form.waitFor();
    await page.getByLabel('Họ và tên').fill('Trần Thị Nghiên Cứu');
    await page.getByLabel('Số giấy tờ').fill('033190001234');
    await page.getByLabel('Mục đích khai thác').fill('Viết luận văn về lịch sử đê điều Hưng Yên');
    await page.getByLabel('Tên đăng nhập').fill('nghiencuu.tran');
    await page.getByLabel('Mật khẩu (tối thiểu 10 ký tự)').fill('mat-khau-doc-gia');
    await shot(page, T, '1-register');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { name: 'Phiếu yêu cầu của tôi' }).waitFor();
    await expect.poll(() => page.getByTestId('my-card').innerText()).toContain('Chờ duyệt');
    await logout(page);

    await login(page, base, 'truongphong', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/readers');
    const row = page.getByTestId('readers').locator('tr', { hasText: 'Trần Thị Nghiên Cứu' });
    await row.getByRole('button', { name: 'Duyệt, cấp thẻ' }).click();
    await expect.poll(() => row.innerText()).toContain('0001/2026');
    expect(await row.innerText()).toContain('Đã cấp thẻ');
    await shot(page, T, '2-readers');
    await logout(page);
  });

  it('when the reader finds an undigitised file and requests it, then the deadline skips New Year and the weekend and staff approve', async () => {
    const { page, base } = env;
    await login(page, base, 'nghiencuu.tran', 'mat-khau-doc-gia');
    await page.getByRole('heading').first().waitFor();
    await page.goto(base + '/reading-room/finding-aids');
    await page.getByTestId('finding-q').fill('de dieu khoai chau');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = page.getByTestId('finding-files').locator('tr', { hasText: '15/ĐĐ' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Chưa số hóa');
    await shot(page, T, '3-finding-aids');
    await row.getByRole('button', { name: 'Thêm vào giỏ' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã thêm 1 hồ sơ vào giỏ');
    await page.goto(base + '/reading-room/cart');
    await page.getByTestId('cart').waitFor();
    await page.getByRole('button', { name: 'Gửi phiếu yêu cầu' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã gửi phiếu yêu cầu số 1/2026');
    const slip = page.getByTestId('my-request-1/2026');
    // 1 working day from Thursday 31/12: Friday 1/1 is a holiday, 2–3/1 the weekend → Monday 04/01/2027.
    await expect.poll(() => slip.innerText()).toContain('Hạn giải quyết: 04/01/2027');
    expect(await slip.innerText()).toContain('1 ngày làm việc');
    expect(await slip.innerText()).toContain('Chờ duyệt');
    await shot(page, T, '4-my-requests');
    await logout(page);

    await login(page, base, 'truongphong', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/requests');
    const q = page.getByTestId('request-queue').locator('tr', { hasText: '1/2026' });
    expect(await q.innerText()).toContain('Trần Thị Nghiên Cứu');
    await q.getByRole('link', { name: 'Xem' }).click();
    await page.getByRole('heading', { name: 'Phiếu yêu cầu số 1/2026' }).waitFor();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => page.getByTestId('decisions').innerText()).toContain('Duyệt (Trưởng phòng đọc) — Người dùng truongphong');
    await shot(page, T, '5-approved');
    await logout(page);
  });

  it('when a restricted file is requested, then the head passes it to the director who approves; an 11th file is refused', async () => {
    const { page, base } = env;
    await login(page, base, 'nghiencuu.tran', 'mat-khau-doc-gia');
    await page.getByRole('heading').first().waitFor();
    await page.goto(base + '/reading-room/finding-aids');
    await page.getByTestId('finding-q').fill('tranh chap dat dai tan dan');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = page.getByTestId('finding-files').locator('tr', { hasText: '7/TC' });
    expect(await row.innerText()).toContain('Hạn chế tiếp cận');
    await row.getByRole('button', { name: 'Thêm vào giỏ' }).click();
    await page.getByRole('status').waitFor();
    await page.goto(base + '/reading-room/cart');
    await page.getByRole('button', { name: 'Gửi phiếu yêu cầu' }).click();
    const slip = page.getByTestId('my-request-2/2026');
    await expect.poll(() => slip.innerText()).toContain('7 ngày làm việc');

    // Eleven files of one box: the slip is refused and the cart keeps them.
    await page.goto(base + '/reading-room/finding-aids');
    await page.getByRole('button', { name: /Phông Sở Xây dựng/ }).click();
    await page.getByTestId('finding-files').locator('tr').nth(1).getByRole('button', { name: 'Thêm cả hộp' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã thêm 11 hồ sơ vào giỏ');
    await page.goto(base + '/reading-room/cart');
    await expect.poll(() => page.getByTestId('cart-count').innerText()).toContain('11 hồ sơ trong giỏ');
    await page.getByRole('button', { name: 'Gửi phiếu yêu cầu' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('tối đa 10 hồ sơ');
    expect(await page.getByRole('alert').innerText()).toContain('có 11 hồ sơ');
    await shot(page, T, '6-eleven-refused');
    await logout(page);

    await login(page, base, 'truongphong', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/requests');
    await page.getByTestId('request-queue').locator('tr', { hasText: '2/2026' }).getByRole('link', { name: 'Xem' }).click();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => page.getByTestId('approval-level').innerText()).toContain('Giám đốc');
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('chờ Giám đốc duyệt');
    await shot(page, T, '7-to-director');

    // A slip received by post, entered by the head for the same reader.
    await page.goto(base + '/reading-room/readers');
    await page.getByTestId('readers').locator('tr', { hasText: 'Trần Thị Nghiên Cứu' }).getByRole('link', { name: 'Nhập phiếu' }).click();
    await page.getByRole('search').getByRole('textbox').fill('15/DD');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('staff-found').getByRole('button', { name: 'Thêm vào giỏ' }).first().click();
    await page.getByLabel('Hình thức nhận phiếu').selectOption('post');
    await page.getByLabel('Loại phiếu').selectOption('copy');
    await page.getByRole('button', { name: 'Gửi phiếu yêu cầu' }).click();
    await page.getByRole('heading', { name: 'Phiếu yêu cầu số 3/2026' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Bưu chính');
    expect(await page.getByTestId('due').innerText()).toContain('05/01/2027');
    await logout(page);

    await login(page, base, 'giamdoc', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/requests?x=1');
    await page.getByLabel('Chờ cấp duyệt').selectOption('director');
    await page.getByTestId('request-queue').locator('tr', { hasText: '2/2026' }).getByRole('link', { name: 'Xem' }).click();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => page.getByTestId('decisions').innerText()).toContain('Duyệt (Giám đốc) — Người dùng giamdoc');
    await logout(page);
    expect(env.pageErrors).toEqual([]);
  });

  it('when the reader uses a 390 px phone, then their requests, the finding aids and the cart fit the screen', async () => {
    const { page, base } = env;
    await page.setViewportSize(PHONE);
    await login(page, base, 'nghiencuu.tran', 'mat-khau-doc-gia');
    await page.getByRole('heading').first().waitFor();
    for (const [path, ready] of [['/reading-room/my-requests', 'my-request-1/2026'], ['/reading-room/finding-aids', 'fonds-list'], ['/reading-room/cart', 'cart']] as const) {
      await page.goto(base + path);
      await page.getByTestId(ready).waitFor();
      const m = await sideways(page);
      expect(m.width, path).toBeLessThanOrEqual(m.visible);
      await shot(page, T, `phone-${path.split('/').pop()}`);
    }
    const slip = page.getByTestId('my-request-2/2026');
    await page.goto(base + '/reading-room/my-requests');
    await expect.poll(() => slip.innerText()).toContain('Đã duyệt');
    expect(await slip.innerText()).toContain('Chuyển cấp duyệt (Giám đốc)');
    await page.setViewportSize(DESKTOP);
    expect(env.pageErrors).toEqual([]);
  });
});
