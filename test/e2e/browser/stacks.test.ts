/**
 * Issue 9 in the browser: a box code typed (or scanned: a scanner types it and Enter) into the stacks search opens the
 * folded room, selects the shelf and marks the box; the print buttons download PDFs. Screenshots at each step.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agency, handover, layout, place, recordFile } from '../../integration/stacks/stacks-fixtures.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'stacks';

describe('stacks page in the browser', () => {
  let env: BrowserEnv;
  let boxCode = '';

  beforeAll(async () => {
    env = await openBrowser();
    const admin = await env.t.as('admin');
    // Three rooms: a layout this size starts with every room folded.
    const a = await layout(admin, { repo: 'A', room: '101', units: [{ code: '01', shelves: 3, capacityM: 0.3 }] });
    await layout(admin, { repositoryId: a.repositoryId, repo: 'A', room: '102', units: [{ code: '01', shelves: 3, capacityM: 0.3 }] });
    const c = await layout(admin, { repositoryId: a.repositoryId, repo: 'A', room: '103', units: [{ code: '05', shelves: 3, capacityM: 0.3 }] });
    const ag = await agency(env.t, 'SOTN', 'Sở Tài nguyên và Môi trường');
    const h = await handover(env.t, ag);
    for (let i = 1; i <= 4; i++) await recordFile(env.t, { agencyId: ag, handoverId: h, rowNo: i, notation: `0${i}/TNMT`, boxNo: String(Math.ceil(i / 2)) });
    await place(env.t, { handoverId: h, agencyId: ag, boxes: ['1', '2'], shelfIds: [c.units[0].shelves[1]] });
    boxCode = `H-${h}-2`;
    await createUser(env.t, 'kho.nv', 'archivist');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('when a box code is typed with Enter, then its room opens on its shelf with the box marked, and the shelf list downloads as a PDF', async () => {
    const { page, base } = env;
    await login(page, base, 'kho.nv', PASSWORD);
    await page.getByRole('link', { name: 'Kho', exact: true }).first().waitFor({ state: 'attached' });
    await page.goto(base + '/stacks');
    await page.getByRole('heading', { name: 'Kho và giá' }).waitFor();
    expect(await page.locator('.box-list li').count()).toBe(0);
    await shot(page, T, '1-folded');

    const search = page.getByRole('searchbox', { name: 'Mã hộp (quét nhãn), mã hồ sơ hoặc số và ký hiệu' });
    await search.fill(boxCode.toLowerCase());
    await search.press('Enter');
    await page.getByTestId('located-box').waitFor();
    expect(await page.getByTestId('located-box').innerText()).toContain(`Hộp ${boxCode}: Kho A / Phòng 103 / Giá 05 / Tầng 2`);
    const marked = page.locator('.box-list li.located');
    await marked.waitFor();
    expect(await marked.innerText()).toContain(boxCode);
    expect(await marked.getAttribute('aria-current')).toBe('location');
    await shot(page, T, '2-located');

    const room = page.locator('.room', { hasText: '103 — Phòng 103' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      room.getByRole('button', { name: 'In danh mục giá' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^danh-muc-.*\.pdf$/);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(env.pageErrors).toEqual([]);
  });
});
