/**
 * The batch view's OCR quality list in Chromium: after real OCR of a readable and a garbled page, the garbled one
 * carries the "Cần xem lại" badge with its Vietnamese reasons, and "Chỉ trang cần xem lại" hides the good page;
 * at 390 px the list fits the screen (the table scrolls inside its own frame, the page does not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { cleanPng, garbledPng } from '../../integration/digitization/page-quality-fixtures.js';
import { createUser, login, openBrowser, pagesProcessed, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'page-quality';

describe('OCR quality per page in the batch view', () => {
  let env: BrowserEnv;
  let batchId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const a = await archive(env.t, [{ notation: '12-CL', title: 'Biên bản giao nhận tài liệu huyện Kim Động' }]);
    const staff = await env.t.as('archivist');
    batchId = await batch(staff, a.fileIds[0]);
    const r = await uploadScans(staff, batchId, [
      { name: 'trang-1.png', data: await cleanPng() },
      { name: 'trang-2.png', data: await garbledPng() },
    ]);
    expect(r.status).toBe(201);
    await pagesProcessed(env);
    await createUser(env.t, 'soha.chatluong', 'archivist');
  }, 240_000);
  afterAll(async () => {
    await env?.close();
  });

  it('when staff open the batch, then the garbled page has the badge and reasons, and the filter hides the good page', async () => {
    const { page, base } = env;
    await login(page, base, 'soha.chatluong', PASSWORD);
    await page.goto(`${base}/digitization/batches/${batchId}`);
    const list = page.getByTestId('page-quality');
    await list.waitFor();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('needs-review-count').innerText()).toBe('1/2 trang cần xem lại');
    const rows = list.locator('tbody tr');
    expect(await rows.nth(0).innerText()).toMatch(/Trang 1[\s\S]*Đạt/);
    const bad = rows.nth(1);
    expect(await bad.getByTestId('needs-review').innerText()).toMatch(/Cần xem lại[\s\S]*Độ tin cậy trung bình thấp[\s\S]*Nhiều từ đọc không chắc/);
    // Mean confidence and low-confidence share are figures, Vietnamese style ("59" / "42 % từ thấp"), never raw codes.
    expect(await bad.innerText()).toMatch(/Trang 2\s+\d+(,\d)?\s+\d+ % từ thấp/);
    expect(await list.innerText()).not.toMatch(/low_mean_confidence|many_low/);
    await shot(page, T, '01-all-pages');

    await page.getByLabel('Chỉ trang cần xem lại').check();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    expect(await list.locator('tbody tr').first().innerText()).toMatch(/^Trang 2/);
    await shot(page, T, '02-needs-review-only');
    await page.getByLabel('Chỉ trang cần xem lại').uncheck();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
  });

  it('when the batch view is opened on a 390 px phone, then the page does not scroll sideways and the badge is visible', async () => {
    const { page } = env;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Chỉ trang cần xem lại').check();
    const badge = page.getByTestId('needs-review').first();
    await badge.scrollIntoViewIfNeeded();
    expect(await badge.isVisible()).toBe(true);
    // Page number, figures and verdict side by side: the list itself does not scroll sideways either.
    const table = await page.getByTestId('page-quality').evaluate((el) => ({
      right: el.getBoundingClientRect().right,
      frame: el.parentElement!.getBoundingClientRect().right,
      cells: [...el.querySelectorAll('tbody tr:first-child > td')].map((c) => `${c.textContent?.slice(0, 20)}: ${Math.round(c.getBoundingClientRect().width)} px`).join(', '),
    }));
    expect(table.right, table.cells).toBeLessThanOrEqual(table.frame + 0.5);
    const width = await page.evaluate(() => {
      const visible = document.documentElement.clientWidth;
      const scrolls = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      // The outermost elements sticking out of the screen, to say why when the page is too wide.
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > visible + 0.5 && !scrolls(el))
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= visible + 0.5)
        .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, '.')} ${el.textContent?.slice(0, 40)}`);
      return { scroll: document.documentElement.scrollWidth, visible, wide };
    });
    expect(width.scroll, width.wide.join(' | ')).toBeLessThanOrEqual(width.visible);
    await shot(page, T, '03-390px');
    expect(env.pageErrors).toEqual([]);
  });
});
