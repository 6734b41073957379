/**
 * Issue 4 in the browser: create and edit a backlog item, edit a restoration item, check the norms say "chưa xác minh",
 * make a plan, remove a person in the what-if panel and see the finish date move; compare both plans side by side.
 * Screenshots at every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'scheduling';
const LABEL = 'Tài liệu UBND huyện Văn Giang 1999–2015 (lô thử)';
const REF = 'Hồ sơ số 7: Báo cáo tổng kết năm 2001';

describe('backlog scheduling in the browser', () => {
  let env: BrowserEnv;
  let admin: HttpClient;

  beforeAll(async () => {
    env = await openBrowser();
    admin = await env.t.as('admin');
    const agency = await admin.post('/api/agencies', { code: 'H05', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' });
    expect(agency.status).toBe(201);
    const restoration = { agencyId: agency.body.id, unitKind: 'file', reference: REF, pages: 60, damageType: 'mould', damageLevel: 'light' };
    expect((await admin.post('/api/scheduling/restoration', restoration)).status).toBe(201);
    for (const body of [
      { name: 'Nguyễn Văn Thành', grade: 3, skills: ['processing'], fte: 1 },
      { name: 'Lê Văn Hải', grade: 2, skills: ['processing'], fte: 1 },
      { name: 'Phạm Thị Thu', grade: 2, skills: ['processing'], fte: 1 },
      { name: 'Nguyễn Thị Bích', grade: 2, skills: ['restoration'], fte: 1 },
    ]) expect((await admin.post('/api/scheduling/staff', body)).status).toBe(201);
    await createUser(env.t, 'luutru.cl', 'archivist');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('when staff create a backlog, plan it and remove a person in the what-if, then the finish date moves later', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.cl', PASSWORD);
    await page.getByRole('link', { name: 'Chỉnh lý, tu bổ' }).click();
    await page.getByRole('heading', { name: 'Chỉnh lý và tu bổ tồn đọng' }).waitFor();

    // 1. A backlog item, entered in the form.
    await page.getByRole('button', { name: 'Thêm khối tài liệu tồn đọng' }).first().click();
    const form = page.getByRole('form', { name: 'Thêm khối tài liệu tồn đọng' });
    await form.getByRole('group', { name: 'Cơ quan' }).getByRole('searchbox').fill('van giang');
    await form.getByRole('group', { name: 'Cơ quan' }).locator('select').selectOption({ label: 'H05 — Ủy ban nhân dân huyện Văn Giang' });
    await form.getByLabel('Khối tài liệu').fill(LABEL);
    await form.getByLabel('Mét đo được').fill('2,5');
    await form.getByLabel('Năm bắt đầu').fill('1999');
    await form.getByLabel('Năm kết thúc').fill('2015');
    await form.getByLabel('Tình trạng vật lý').selectOption('05');
    await form.getByRole('button', { name: 'Thêm khối tài liệu tồn đọng' }).click();
    const row = page.getByTestId('backlog-table').getByRole('row', { name: new RegExp(LABEL.slice(0, 20)) });
    await row.waitFor();
    expect(await row.innerText()).toContain('2,5 m');
    // …and edited: the measurement is corrected.
    await page.getByRole('button', { name: `Sửa: ${LABEL}` }).click();
    const edit = page.getByRole('form', { name: 'Sửa' });
    await edit.getByLabel('Mét đo được').fill('3');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('backlog-table').getByRole('row', { name: /3 m/ }).waitFor();
    // A restoration item recorded earlier is corrected in the browser: more pages, heavier damage.
    await page.getByRole('button', { name: `Sửa: ${REF}` }).click();
    const editR = page.getByRole('form', { name: 'Sửa hạng mục tu bổ' });
    await editR.getByLabel('Số trang').fill('120');
    await editR.getByLabel('Mức độ').selectOption('heavy');
    await editR.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('restoration-table').getByRole('row', { name: /120.*Nặng/ }).waitFor();
    await shot(page, T, '1-backlog');

    // 2. Norms: only the confirmed value is verified; the rest say "chưa xác minh".
    await page.getByRole('tab', { name: 'Định mức' }).click();
    await page.getByTestId('norms-table').waitFor();
    expect(await page.getByTestId('norms-table').getByText('chưa xác minh').count()).toBeGreaterThan(20);
    expect(await page.getByTestId('norms-table').locator('tbody').getByText('Đã xác minh', { exact: true }).count()).toBe(1);
    await shot(page, T, '2-norms');

    // 3. A plan for 2027 with a target date.
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    const planForm = page.getByRole('form', { name: 'Lập kế hoạch' });
    await planForm.getByLabel('Tên kế hoạch').fill('Kế hoạch chỉnh lý 2027 (thử)');
    await planForm.getByLabel('Bắt đầu từ tuần').fill('2027-01-04');
    await planForm.getByLabel('Số tuần').fill('52');
    await planForm.getByLabel('Mục tiêu hoàn thành').fill('2027-03-31');
    await planForm.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await page.getByTestId('plan-finish').waitFor();
    const finish = (await page.getByTestId('plan-finish').innerText()).trim();
    expect(finish).toMatch(/^\d{2}\/\d{2}\/2027$/);
    expect(await page.getByTestId('plan-agencies').innerText()).toContain('Ủy ban nhân dân huyện Văn Giang');
    await page.getByTestId('gantt-agency').waitFor();
    // Month labels read the Vietnamese way ("thg 1/2027"), not "01/27".
    expect(await page.locator('.gantt-month').first().textContent()).toBe('thg 1/2027');
    await page.getByRole('button', { name: 'Vì sao?' }).first().click();
    await page.locator('.explain li').first().waitFor();
    expect(await page.locator('.explain li').first().innerText()).toMatch(/^Tuần \d{2}\/\d{2}\/2027/);
    await shot(page, T, '3-plan');

    // 4. What-if: two of the three processing staff leave.
    await page.getByRole('checkbox', { name: 'Giữ: Lê Văn Hải' }).uncheck();
    await page.getByRole('checkbox', { name: 'Giữ: Phạm Thị Thu' }).uncheck();
    await page.getByRole('button', { name: 'Tính lại' }).click();
    await page.getByTestId('whatif-finish').waitFor();
    const later = (await page.getByTestId('whatif-finish').innerText()).trim();
    const iso = (d: string) => d.split('/').reverse().join('-');
    expect(iso(later) > iso(finish)).toBe(true);
    const summary = await page.getByTestId('whatif-finish').locator('xpath=ancestor::p[1]').innerText();
    expect(summary).toContain(`(kế hoạch gốc: ${finish})`);
    expect(summary).not.toContain('kế hoạch kế hoạch');
    await shot(page, T, '4-what-if');

    // 5. Both plans side by side.
    await page.getByRole('link', { name: 'So sánh', exact: true }).click();
    await page.getByTestId('compare-items').waitFor();
    expect((await page.getByTestId('compare-finish-a').innerText()).trim()).toBe(finish);
    expect((await page.getByTestId('compare-finish-b').innerText()).trim()).toBe(later);
    await shot(page, T, '5-compare');

    // 6. The team view of the original plan.
    await page.getByRole('link', { name: 'Kế hoạch chỉnh lý 2027 (thử)', exact: true }).click();
    await page.getByRole('button', { name: 'Theo tổ' }).click();
    await page.getByTestId('gantt-team').waitFor();
    await shot(page, T, '6-gantt-team');
    expect(env.pageErrors).toEqual([]);
  });

  it('when restored pages are recorded, then the dashboard charts them per year', async () => {
    const { page, base } = env;
    const item = (await admin.get('/api/scheduling/restoration')).body.items[0];
    const r = await admin.post('/api/scheduling/progress', { restorationItemId: item.id, stepId: 'r1', workDate: '2026-11-02', pages: 20 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await page.goto(`${base}/`);
    await page.getByTestId('trend-metric').selectOption('pagesRestored');
    const chart = page.getByTestId('yearly-trend');
    await chart.locator('rect title', { hasText: '2026: 20' }).waitFor({ state: 'attached' });
    await shot(page, T, '7-dashboard-trend');
    expect(env.pageErrors).toEqual([]);
  });
});
