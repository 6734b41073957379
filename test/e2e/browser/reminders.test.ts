import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { insertRecordFile } from '../../integration/deadlines/record-file.factory.js';
import { createUser, login, logout, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'reminders';
const OWN = 'Sở Tư pháp tỉnh Hưng Yên';
const OTHER = 'Sở Giao thông vận tải tỉnh Hưng Yên';

describe('reminder letters (công văn đôn đốc)', () => {
  let env: BrowserEnv;
  let admin: HttpClient;

  beforeAll(async () => {
    env = await openBrowser();
    admin = await env.t.as('admin');
    const own = (await admin.post('/api/agencies', { code: 'T-STP', name: OWN, level: 'province' })).body.id;
    const other = (await admin.post('/api/agencies', { code: 'T-SGT', name: OTHER, level: 'province' })).body.id;
    for (let i = 1; i <= 4; i++) await insertRecordFile(env.t.db, { agencyId: own, endDate: '2006-12-31', fileNotation: `${i}/TP-2006`, title: `Hồ sơ hộ tịch số ${i}` });
    await insertRecordFile(env.t.db, { agencyId: other, endDate: '2007-12-31', fileNotation: '1/GT-2007' });
    await createUser(env.t, 'luutru.dd', 'archivist');
    await createUser(env.t, 'vanthu.stp', 'agency', own);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('when staff tick an agency on the overdue page and send a reminder, then the letter downloads and the agency sees the notice on its own page', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.dd', PASSWORD);
    await page.goto(`${base}/overdue`);
    await page.getByTestId('overdue-table').waitFor();
    const send = page.getByRole('button', { name: 'Gửi công văn đôn đốc' });
    expect(await send.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: `Chọn ${OWN}` }).check();
    await page.getByText('Đã chọn 1 cơ quan').waitFor();
    await send.click();
    await page.getByLabel(/Số công văn đầu tiên/).fill('21');
    await shot(page, T, '1-send-form');
    await page.getByRole('button', { name: 'Tạo và gửi' }).click();
    const sent = page.getByTestId('reminders-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain(`${OWN} — Số 21/TTLT-NV`);
    expect(await sent.innerText()).not.toContain(OTHER);
    const letter = page.waitForEvent('download');
    await sent.getByRole('button', { name: 'Công văn (Word)' }).click();
    expect((await letter).suggestedFilename()).toMatch(/^cong-van-don-doc-T-STP-\d+\.docx$/);
    await shot(page, T, '2-sent');

    // The agency's page keeps the history; staff record when the signed letter went out.
    await page.getByRole('link', { name: OWN }).click();
    const history = page.getByTestId('reminders-table');
    await history.waitFor();
    await history.getByRole('button', { name: 'Ghi nhận đã gửi' }).click();
    const dispatch = page.getByRole('form', { name: 'Ghi nhận đã gửi' });
    await dispatch.getByLabel('Ngày gửi').fill('22/11/2026');
    await dispatch.getByLabel('Hình thức gửi').selectOption({ label: 'Hệ thống quản lý văn bản' });
    await dispatch.getByRole('button', { name: 'Lưu' }).click();
    await history.getByText('22/11/2026 · Hệ thống quản lý văn bản').waitFor();
    await shot(page, T, '3-agency-history');
    await logout(page);

    await login(page, base, 'vanthu.stp', PASSWORD);
    const notice = page.getByTestId('reminder-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Công văn số 21/TTLT-NV ngày 22/11/2026');
    expect(text).toContain('còn 4 hồ sơ quá hạn nộp lưu');
    expect(text).toContain('trước ngày 22/12/2026');
    const row = page.getByTestId('reminders-table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('22/11/2026 · Hệ thống quản lý văn bản');
    const mine = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Công văn (Word)' }).click();
    expect((await mine).suggestedFilename()).toMatch(/\.docx$/);
    await shot(page, T, '4-agency-notice');
    expect(env.pageErrors).toEqual([]);
  }, 120_000);
});
