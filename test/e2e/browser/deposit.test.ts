/**
 * Digital deposit in Chromium: an agency user opens "Nộp lưu số" from the navigation, uploads a valid SIP (real
 * PDF/A, XLSX inventory, manifest) and sees it accepted as a handover submitted for appraisal; then a broken SIP shows
 * the problem table (file, field, Vietnamese message, code), also on a 390 px phone without sideways scrolling.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../../integration/handover/fixture.js';
import { manifestOf, packSip, sipEntries, sipRows, validSip } from '../../support/sip-factory.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'deposit';

describe('digital deposit in the browser', () => {
  let env: BrowserEnv;
  let w: World;
  let tmp: string;
  let good: string;
  let bad: string;

  beforeAll(async () => {
    env = await openBrowser();
    w = await seedWorld(env.t);
    await createUser(env.t, 'vanthu.so', 'agency', w.agencyId);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-browser-'));
    good = path.join(tmp, 'goi-nop-luu-2026.zip');
    fs.writeFileSync(good, (await validSip(2, 'TRINH')).zip);
    // Two problems at once: a 10-year retention in the inventory and a PDF whose bytes are not those of the manifest.
    const files = sipRows(2, 'LOI');
    files[0]!.row.retention = '10 năm';
    const entries = await sipEntries(files);
    const manifest = manifestOf(entries).toString('utf8').replace(/^[0-9a-f]{64}(?=  data\/2\.pdf)/m, 'f'.repeat(64));
    bad = path.join(tmp, 'goi-loi.zip');
    fs.writeFileSync(bad, await packSip(entries, Buffer.from(manifest)));
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    if (w?.dir) fs.rmSync(w.dir, { recursive: true, force: true });
  });

  it('when an agency user deposits a valid SIP, then it is accepted as a handover sent for appraisal', async () => {
    const { page, base } = env;
    await login(page, base, 'vanthu.so', PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Nộp lưu số' }).click();
    await page.getByRole('heading', { name: 'Nộp lưu tài liệu số (gói SIP)' }).waitFor();
    await page.getByTestId('deposit-file').setInputFiles(good);
    await page.getByTestId('deposit-submit').click();
    const ok = page.getByTestId('deposit-accepted');
    await ok.waitFor({ timeout: 60_000 });
    expect(await ok.innerText()).toMatch(/Gói đã được nhận và gửi thẩm định: hồ sơ giao nhận số \d+/);
    const files = await page.getByTestId('deposit-files').innerText();
    expect(files).toContain('01-TRINH');
    expect(files).toContain('Hồ sơ quyết toán ngân sách tỉnh Hưng Yên năm 2009');
    await shot(page, T, '01-accepted');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deposit-record').click()]);
    expect(dl.suggestedFilename()).toMatch(/^bien-ban-thu-nop-.+\.docx$/);
    await ok.getByRole('link', { name: 'Mở hồ sơ giao nhận' }).click();
    await page.waitForURL(/\/handovers\/\d+$/);
    await page.getByText('Đã gửi', { exact: true }).first().waitFor();
    const [row] = await env.t.db.query<{ kind: string; status: string }>(`SELECT kind, status FROM handovers WHERE agency_id = $1`, [w.agencyId]);
    expect(row).toEqual({ kind: 'digital', status: 'submitted' });
  }, 120_000);

  it('when the agency deposits a broken SIP, then every problem is listed by file and field in Vietnamese, also at 390 px', async () => {
    const { page, base } = env;
    const handoversBefore = (await env.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM handovers`))[0]!.n;
    await page.goto(`${base}/deposits/new`);
    await page.getByTestId('deposit-file').setInputFiles(bad);
    await page.getByTestId('deposit-submit').click();
    await page.getByTestId('deposit-rejected').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('deposit-rejected').innerText()).toContain('Gói nộp lưu không được nhận: có 2 lỗi');
    const table = page.getByTestId('deposit-problems');
    const headers = await table.locator('th').allTextContents();
    expect(headers).toEqual(['Tệp', 'Trường', 'Nội dung', 'Mã lỗi']);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('SIP_CHECKSUM_MISMATCH'))).toMatch(/data\/2\.pdf[\s\S]*SHA-256[\s\S]*Mã SHA-256 của tệp là/);
    expect(rows.find((r) => r.includes('SIP_RETENTION_NOT_PERMANENT'))).toMatch(/muc-luc\.xlsx[\s\S]*Thời hạn bảo quản[\s\S]*10 năm/);
    await shot(page, T, '02-rejected');
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await shot(page, T, '03-rejected-390');
    expect((await env.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM handovers`))[0]!.n).toBe(handoversBefore);
    expect(env.pageErrors).toEqual([]);
  }, 120_000);
});
