import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, pagePng } from '../../integration/digitization/digitization-fixtures.js';
import { createUser, login, logout, openBrowser, shot, type BrowserEnv } from './support/browser.js';

const T = 'digitization';

describe('digitisation in the browser', () => {
  let env: BrowserEnv;
  let notation: string;
  let batchUrl: string;
  const pageNames = async () =>
    (await env.t.db.query<{ name: string }>('SELECT m.original_name AS name FROM pages p JOIN masters m ON m.id = p.master_id ORDER BY p.seq')).map((r) => r.name);

  beforeAll(async () => {
    // The in-process job runner does derivatives and OCR, as `npm start` does.
    env = await openBrowser({ jobs: true });
    notation = '07-VP';
    await archive(env.t, [{ notation, title: 'Biên bản giao nhận tài liệu của Văn phòng UBND tỉnh Hưng Yên' }]);
    await createUser(env.t, 'soha.lan', 'archivist');
    await createUser(env.t, 'docgia.duc', 'researcher');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('when staff upload scans into a batch, then each file gets its verdict and the batch is watched through OCR', async () => {
    const { page, base } = env;
    await login(page, base, 'soha.lan', 'mat-khau-thu-nghiem');
    await page.getByRole('link', { name: 'Số hóa' }).click();
    await page.getByLabel('Tìm hồ sơ (số ký hiệu, mã hoặc tiêu đề)').fill('bien ban giao nhan');
    await page.getByRole('radio').first().check();
    await page.getByLabel('Ghi chú đợt').fill('Đợt thử nghiệm');
    await page.getByRole('button', { name: 'Tạo đợt' }).click();
    await page.getByRole('heading', { name: /Đợt số hóa #\d+/ }).waitFor();
    batchUrl = page.url();

    const good1 = await pagePng(['BIÊN BẢN GIAO NHẬN TÀI LIỆU', 'Ủy ban nhân dân tỉnh Hưng Yên', 'Năm 2010']);
    const good2 = await pagePng(['DANH MỤC HỒ SƠ NỘP LƯU', 'Lưu trữ tỉnh Hưng Yên']);
    await page.locator('input[type=file][name=files]').setInputFiles([
      { name: 'trang-01.png', mimeType: 'image/png', buffer: good1 },
      { name: 'trang-02.png', mimeType: 'image/png', buffer: good2 },
      { name: 'khong-phai-anh.png', mimeType: 'image/png', buffer: Buffer.from('Đây là văn bản, không phải ảnh quét.') },
    ]);
    await page.getByRole('button', { name: 'Bắt đầu tải lên' }).click();
    const items = page.getByTestId('upload-item');
    // The list is shown (and sent) in natural file-name order: the order the pages get.
    await expect.poll(() => items.locator('.upload-name').allInnerTexts()).toEqual(['khong-phai-anh.png', 'trang-01.png', 'trang-02.png']);
    await expect.poll(async () => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 60_000 }).toEqual(['rejected', 'stored', 'stored']);
    const rejected = items.nth(0);
    await expect.poll(() => rejected.innerText()).toMatch(/Bị từ chối/);
    // The Vietnamese reason only, never the error code behind it (IMAGE_TYPE_UNSUPPORTED and the like).
    expect(await rejected.innerText()).not.toMatch(/\b[A-Z]+(_[A-Z]+)+\b/);
    await shot(page, T, '01-uploaded');

    // Progress is polled by the page; OCR of two small pages finishes on its own.
    await page.locator('[data-testid=batch-progress][data-finished=true]').waitFor({ timeout: 180_000 });
    const rows = await env.t.db.query<{ ocr_status: string }>('SELECT ocr_status FROM pages ORDER BY seq');
    expect(rows.map((r) => r.ocr_status)).toEqual(['done', 'done']);
    // Pages are numbered in selection order, whichever of the two parallel uploads finished first.
    expect(await pageNames()).toEqual(['trang-01.png', 'trang-02.png']);
    await shot(page, T, '02-ocr-done');
  });

  it('when a researcher searches "hung yen", then hits are highlighted and the page opens with the words boxed', async () => {
    const { page, base } = env;
    await logout(page);
    await login(page, base, 'docgia.duc', 'mat-khau-thu-nghiem');
    await page.getByRole('searchbox', { name: 'Tra cứu tài liệu số hóa' }).fill('hung yen');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    // The file's title and both OCR'd pages mention Hưng Yên.
    await expect.poll(() => page.getByTestId('search-hit').count()).toBe(3);
    const marks = await page.locator('.snippet mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['hưng', 'yên']));
    await shot(page, T, '03-search');

    await hit.getByRole('link').last().click();
    await page.getByTestId('deep-zoom').waitFor();
    await expect.poll(() => page.locator('.word-hit').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('ocr-text').innerText()).toMatch(/Hưng Yên/);
    // Tiles really arrived through the IIIF endpoint (the canvas is drawn), then the screenshot shows the boxes.
    await page.waitForTimeout(1500);
    await shot(page, T, '04-viewer');
    expect(env.pageErrors).toEqual([]);
  });

  it('when staff move a page down and delete one after confirming, then the stored page order follows', async () => {
    const { page, base } = env;
    await logout(page);
    await login(page, base, 'soha.lan', 'mat-khau-thu-nghiem');
    await page.goto(batchUrl);
    const editor = page.getByTestId('page-editor');
    await editor.waitFor();
    await page.getByRole('button', { name: 'Chuyển trang 1 xuống' }).click();
    await expect.poll(pageNames).toEqual(['trang-02.png', 'trang-01.png']);
    await expect.poll(() => editor.locator('tbody tr').first().innerText()).toMatch(/Trang 1/);
    await shot(page, T, '05-pages-reordered');

    await page.getByRole('button', { name: 'Xóa trang 2' }).click();
    await page.getByRole('alert').filter({ hasText: 'Xóa hẳn trang 2?' }).waitFor();
    await shot(page, T, '06-delete-confirm');
    await page.getByRole('button', { name: 'Xóa hẳn', exact: true }).click();
    await expect.poll(pageNames).toEqual(['trang-02.png']);
    await expect.poll(() => editor.locator('tbody tr').count()).toBe(1);
    expect(env.pageErrors).toEqual([]);
  });
});
