/**
 * Phones (390×844): the pages agencies and researchers use fit the screen width (tables scroll inside their own
 * frame, never the page) and the navigation opens from the menu button. Each page is captured at 1440×900 too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { inventoryRows, writeInventoryXlsx } from '../../support/inventory-factory.js';
import { pagesProcessed, createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'phone';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The page's width, and (to say why when it is too wide) the outermost elements sticking out of the screen. */
function measure(page: Page) {
  return page.evaluate(() => {
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (p === document.body || p === document.documentElement) return false;
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    // The visible width: the screen less a classic scrollbar, where the browser draws one.
    const limit = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && !clipped(el))
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= limit + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, '.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { width: document.documentElement.scrollWidth, visible: limit, wide };
  });
}

async function fitsPhone(page: Page, name: string) {
  const m = await measure(page);
  expect(m.width, `${name} overflows: ${m.wide.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
  expect(m.width, `${name} scrolls sideways: ${m.wide.join(', ')}`).toBeLessThanOrEqual(m.visible);
}

/**
 * At phone width: no sideways scroll; the navigation is folded behind the menu button, and opening it shows
 * every link inside the screen. Then the same page at desktop width, with the navigation in the top bar.
 */
async function checkPage(page: Page, name: string, links: string[]) {
  await page.setViewportSize(PHONE);
  await fitsPhone(page, name);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const menu = page.getByRole('button', { name: 'Menu' });
  expect(await nav.isVisible()).toBe(false);
  await shot(page, T, `${name}-390x844`);
  await menu.click();
  await nav.waitFor();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  expect(await nav.getByRole('link').allTextContents()).toEqual(links);
  for (const link of await nav.getByRole('link').all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  expect(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
  await fitsPhone(page, `${name} (menu open)`);
  await shot(page, T, `${name}-390x844-menu`);
  await menu.click();
  await nav.waitFor({ state: 'hidden' });

  await page.setViewportSize(DESKTOP);
  expect(await menu.isVisible()).toBe(false);
  expect(await nav.getByRole('link').allTextContents()).toEqual(links);
  await shot(page, T, `${name}-1440x900`);
  await page.setViewportSize(PHONE);
}

/** Follows a navigation link from the phone menu; the menu folds away again on the new page. */
async function viaMenu(page: Page, link: string) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: link }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor({ state: 'hidden' });
}

describe('phone screens', () => {
  let env: BrowserEnv;
  let tmp: string;
  let agencyId: number;
  let handoverId: number;
  let pageId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-phone-'));
    const admin = await env.t.as('admin');
    const a = await archive(env.t, [{ notation: '12-VP', title: 'Biên bản giao nhận tài liệu của Văn phòng UBND tỉnh Hưng Yên' }]);
    agencyId = a.agencyId;
    handoverId = a.handoverId;
    // A register with overdue files, so the deadline tables are full width.
    const rows = inventoryRows(14, { fromYear: 2005, years: 5 }).map((r) => ({ ...r, title: `Tập văn bản về công tác tổ chức cán bộ, thi đua khen thưởng: ${r.title}` }));
    const file = await writeInventoryXlsx(path.join(tmp, 'register.xlsx'), rows);
    expect((await admin.upload(`/api/agencies/${agencyId}/files/import`, 'file', file)).status).toBe(200);
    const b = await batch(admin, a.fileIds[0]);
    expect((await uploadScans(admin, b, [{ name: 'trang-01.png', data: await pagePng(['BIÊN BẢN GIAO NHẬN TÀI LIỆU', 'Ủy ban nhân dân tỉnh Hưng Yên']) }])).status).toBeLessThan(300);
    await pagesProcessed(env);
    pageId = (await env.t.db.query<{ id: number }>(`SELECT id FROM pages`))[0].id;
    await createUser(env.t, 'vanthu.vp', 'agency', agencyId);
    await createUser(env.t, 'docgia.mai', 'researcher');
  });
  afterAll(async () => {
    await env?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when an agency user works on a 390 px phone, then no page scrolls sideways and the menu reaches every page', async () => {
    const { page, base } = env;
    const links = ['Hạn nộp lưu của cơ quan', 'Giao nhận', 'Nộp lưu số', 'Tra cứu'];
    await page.setViewportSize(PHONE);
    await login(page, base, 'vanthu.vp', PASSWORD);
    await page.getByRole('heading', { name: /^Hạn nộp lưu — / }).waitFor();
    await page.getByRole('cell', { name: /Tập văn bản về công tác tổ chức/ }).first().waitFor();
    await checkPage(page, 'agency-1-my-deadlines', links);

    await viaMenu(page, 'Giao nhận');
    await page.getByTestId('handovers-table').waitFor();
    await checkPage(page, 'agency-2-handovers', links);

    await page.goto(`${base}/handovers/${handoverId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage(page, 'agency-3-handover', links);

    await page.goto(`${base}/agencies/${agencyId}`);
    await page.getByText('Hạn nộp lưu', { exact: true }).waitFor();
    await checkPage(page, 'agency-4-agency', links);

    await viaMenu(page, 'Tra cứu');
    await page.getByRole('searchbox', { name: 'Tra cứu tài liệu số hóa' }).waitFor();
    await checkPage(page, 'agency-5-search', links);
    expect(env.pageErrors).toEqual([]);
  });

  it('when a researcher searches and opens a page on a 390 px phone, then results and the viewer fit the screen', async () => {
    const { page, base, context } = env;
    const links = ['Cơ quan nộp lưu', 'Tra cứu', 'Mục lục hồ sơ', 'Giỏ yêu cầu', 'Phiếu của tôi'];
    await context.clearCookies();
    await page.setViewportSize(PHONE);
    await login(page, base, 'docgia.mai', PASSWORD);
    await page.getByRole('searchbox', { name: 'Tra cứu tài liệu số hóa' }).fill('hung yen');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('search-hit').first().waitFor();
    await checkPage(page, 'researcher-1-search', links);

    await page.goto(`${base}/viewer/pages/${pageId}`);
    await page.getByTestId('deep-zoom').waitFor();
    await page.getByTestId('ocr-text').waitFor();
    await page.waitForTimeout(1000);
    await checkPage(page, 'researcher-2-viewer', links);

    await viaMenu(page, 'Cơ quan nộp lưu');
    await page.getByTestId('agencies-table').waitFor();
    await checkPage(page, 'researcher-3-agencies', links);

    await page.goto(`${base}/agencies/${agencyId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage(page, 'researcher-4-agency', links);
    expect(env.pageErrors).toEqual([]);
  });
});
