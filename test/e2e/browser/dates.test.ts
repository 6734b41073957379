/**
 * Date fields read and take dd/mm/yyyy whatever the browser's locale and time zone: here an en-US browser in
 * New York, where <input type="date"> would show "12/02/2026" for 2 December and today is still 1 December
 * while in Vietnam it is already the 2nd.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'dates';
// 18:30 UTC on 1 December is 13:30 in New York and 01:30 on 2 December in Vietnam.
const NOW = new Date('2026-12-01T18:30:00Z');

describe('date fields', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await openBrowser({}, { locale: 'en-US', timezoneId: 'America/New_York' });
    await env.page.clock.setFixedTime(NOW);
    await createUser(env.t, 'luutru.hanh', 'archivist');
  });
  afterAll(async () => env?.close());

  it('when an en-US browser types 02/12/2026 into a date field, then the field reads day-first and the API receives 2026-12-02', async () => {
    const { page, base, t } = env;
    await login(page, base, 'luutru.hanh', PASSWORD);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(base + '/plans');
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByLabel('Năm', { exact: true }).fill('2027');
    await page.getByLabel('Số quyết định').fill('667/QĐ-UBND');
    const decided = page.getByLabel('Ngày quyết định');
    expect(await decided.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    // Digits only: the mask puts the slashes in, day first.
    await decided.pressSequentially('02122026');
    expect(await decided.inputValue()).toBe('02/12/2026');
    await page.getByLabel('Thu tài liệu đến năm').fill('2016');
    // A day that does not exist blocks the form with a Vietnamese reason.
    const planDate = page.getByLabel('Ngày kế hoạch giao nhận');
    await planDate.fill('31/02/2027');
    expect(await planDate.evaluate((el: HTMLInputElement) => el.validationMessage)).toMatch(/Ngày không hợp lệ/);
    await planDate.fill('5/1/2027');
    await planDate.blur();
    expect(await planDate.inputValue()).toBe('05/01/2027');
    expect(await page.locator('input[type=date]').count()).toBe(0);
    await shot(page, T, '1-plan-form');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    const [plan] = await t.db.query<{ d: string; h: string }>(`SELECT decision_date::text AS d, handover_plan_date::text AS h FROM collection_plans`);
    expect(plan).toEqual({ d: '2026-12-02', h: '2027-01-05' });
    expect(env.pageErrors).toEqual([]);
  });

  it("when a form defaults to today, then it is Vietnam's day (02/12/2026), not the browser's or UTC's 1 December", async () => {
    const { page, base } = env;
    await page.goto(base + '/scheduling');
    await page.getByRole('tab', { name: 'Tiến độ' }).click();
    const workDate = page.getByRole('form', { name: 'Ghi nhận khối lượng đã làm' }).getByLabel('Ngày làm');
    await expect.poll(() => workDate.inputValue()).toBe('02/12/2026');
    await shot(page, T, '2-progress-default');
    expect(env.pageErrors).toEqual([]);
  });
});
