/**
 * Reading room, circulation side, in a real browser: the pull list shows the file's shelf; check-out; the stacks'
 * locate reads "đang phục vụ độc giả"; check-in; a certified-copy order from quote to its register number; and the
 * viewer's restricted state with the request button (desktop, and the restricted screen on a 390 px phone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedRequest, reader, shelvedFiles, type Shelved } from '../../integration/reading-room/circulation-fixtures.js';
import { withBlobs } from '../../integration/iiif/iiif-fixtures.js';
import { page as pageRow } from '../../integration/search/search-factory.js';
import { createUser, login, logout, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'reading-room-circulation';

describe('circulation desk, copy orders and restricted files', () => {
  let env: BrowserEnv;
  let shelved: Shelved;
  let notation: string;
  let copyRequestId: number;
  let restrictedFile: number;

  beforeAll(async () => {
    env = await openBrowser();
    const { t } = env;
    await createUser(t, 'kho.doc', 'archivist');
    await createUser(t, 'docgia.web', 'researcher');
    shelved = await shelvedFiles(t, 1);
    notation = (await t.db.query<{ n: string }>('SELECT file_notation AS n FROM record_files WHERE id = $1', [shelved.fileIds[0]]))[0]!.n;
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.web'`);
    const rd = await reader(t, 'Lương Thị Độc Giả', u!.id);
    await approvedRequest(t, rd, shelved.fileIds);
    copyRequestId = (await approvedRequest(t, rd, shelved.fileIds, { kind: 'certified_copy' })).requestId;
    restrictedFile = (await shelvedFiles(t, 1, { accessLevel: 'restricted' })).fileIds[0]!;
    await withBlobs(t, await pageRow(t.db, restrictedFile, 'Trang hạn chế.'));
  }, 120_000);
  afterAll(async () => env?.close());

  it('when staff pull, check out and check in a file, then its shelf shows on the list and the stacks say it is with a reader meanwhile', async () => {
    const { page, base } = env;
    await login(page, base, 'kho.doc', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/reading-room/pull-list');
    const list = page.getByTestId('pull-list');
    await list.waitFor();
    const row = list.locator('tr', { hasText: notation });
    expect(await row.innerText()).toContain(shelved.shelfLabel);
    expect(await row.innerText()).toContain(shelved.boxCode);
    await shot(page, T, '1-pull-list');
    await page.getByTestId('received-by').fill('Lương Thị Độc Giả');
    await row.getByRole('button', { name: 'Giao ra phòng đọc' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain(`Đã giao hồ sơ ${notation}`);

    await page.goto(base + '/stacks');
    const search = page.getByRole('searchbox', { name: 'Mã hộp (quét nhãn), mã hồ sơ hoặc số và ký hiệu' });
    await search.fill(notation);
    await search.press('Enter');
    await expect.poll(() => page.locator('table', { hasText: notation }).innerText()).toContain('đang phục vụ độc giả');
    await shot(page, T, '2-located-out');

    await page.goto(base + '/reading-room/circulation');
    const loans = page.getByTestId('loans');
    await loans.waitFor();
    const loan = loans.locator('tr', { hasText: notation });
    await loan.getByLabel('Tình trạng khi nhận lại').selectOption('02');
    await loan.getByLabel('Ghi chú tình trạng').fill('Mốc nhẹ ở bìa');
    await loan.getByRole('button', { name: 'Nhận lại về kho' }).click();
    await expect.poll(() => page.getByText('Không có lượt giao nhận nào.').count()).toBe(1);
    await page.getByLabel('Trạng thái').selectOption('to_reshelve');
    const back = page.getByTestId('loans').locator('tr', { hasText: notation });
    await expect.poll(() => back.innerText()).toContain('02 — Nấm mốc nhẹ');
    await back.getByRole('button', { name: 'Đã xếp lên giá' }).click();
    await expect.poll(() => page.getByText('Không có lượt giao nhận nào.').count()).toBe(1);

    await page.goto(base + '/stacks');
    await search.fill(notation);
    await search.press('Enter');
    await expect.poll(() => page.locator('table', { hasText: notation }).innerText()).toContain(shelved.shelfLabel);
    expect(await page.locator('table', { hasText: notation }).innerText()).not.toContain('đang phục vụ độc giả');
    expect(env.pageErrors).toEqual([]);
  });

  it('when a certified-copy order runs from quote to signature, then its fee shows and it gets the next register number', async () => {
    const { page, base } = env;
    await page.goto(base + '/reading-room/copy-orders');
    await page.getByTestId('quote-request').fill(String(copyRequestId));
    await page.getByLabel('Số trang (bỏ trống: tính theo khoảng trang đã số hóa)').fill('4');
    await page.getByRole('button', { name: 'Lập báo giá' }).last().click();
    const order = page.getByTestId('copy-orders').locator('tr').nth(1);
    await expect.poll(() => order.innerText()).toContain('28.000 đ');
    expect(await order.innerText()).toContain('4 trang × 2.000 đ + 1 chứng thực × 20.000 đ');
    await order.getByRole('button', { name: '→ Chờ thanh toán' }).click();
    await order.getByLabel('Số biên lai').fill('BL-WEB-01');
    await order.getByRole('button', { name: '→ Đã thanh toán' }).click();
    await expect.poll(() => order.innerText()).toContain('Số biên lai: BL-WEB-01');
    await order.getByRole('button', { name: '→ Đang sao' }).click();
    await order.getByRole('button', { name: '→ Chờ ký, đóng dấu' }).click();
    await expect.poll(() => order.getByTestId('cert-no').innerText().catch(() => '')).toBe('Số chứng thực 1/2026');
    await order.getByRole('button', { name: '→ Đã trả bản sao' }).click();
    await expect.poll(() => order.getByTestId('copy-status').innerText()).toBe('Đã trả bản sao');
    await shot(page, T, '3-copy-delivered');
    await page.getByRole('link', { name: 'Sổ chứng thực' }).click();
    const reg = page.getByTestId('cert-register');
    await reg.waitFor();
    expect(await reg.innerText()).toContain('1/2026');
    expect(await reg.innerText()).toContain('Lương Thị Độc Giả');
    // On a phone the staff screens stay within 390 px: wide tables scroll inside their frame, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/reading-room/pull-list', '/reading-room/circulation', '/reading-room/copy-orders', '/reading-room/access-grants', '/reading-room/certification-register']) {
      await page.goto(base + path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await shot(page, T, '3b-certification-register-phone');
    await page.setViewportSize({ width: 1360, height: 900 });
    await logout(page);
  });

  it('when a researcher opens a restricted file, then the viewer says so and sends an access request, also on a phone', async () => {
    const { page, base } = env;
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, base, 'docgia.web', PASSWORD);
    await page.waitForURL(/\/search/);
    await page.goto(`${base}/viewer/files/${restrictedFile}`);
    const notice = page.getByTestId('restricted-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Tài liệu hạn chế tiếp cận');
    expect(await page.getByText('Không tìm thấy').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await notice.getByLabel('Mục đích khai thác (không bắt buộc)').fill('Nghiên cứu lịch sử đê điều');
    await notice.getByRole('button', { name: 'Gửi yêu cầu tiếp cận' }).click();
    await expect.poll(() => notice.getByRole('status').innerText().catch(() => '')).toContain('Đã gửi yêu cầu số');
    await shot(page, T, '4-restricted-requested-phone');
    await page.reload();
    await page.getByTestId('restricted-notice').waitFor();
    expect(await page.getByTestId('restricted-notice').innerText()).toContain('đang chờ xét duyệt');
    expect(env.pageErrors).toEqual([]);
  });
});
