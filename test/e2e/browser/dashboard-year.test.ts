/**
 * The dashboard opens on the latest year that has figures (a demo or a centre whose last receipt was in an
 * earlier year would otherwise open on a year of zeros), and any year can be chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../server/audit/audit.repository.js';
import { SYSTEM } from '../../../server/core/actor.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

describe('dashboard year', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await openBrowser();
    const [a] = await env.t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('SOYTE', 'Sở Y tế', 'province') RETURNING id`);
    // The event the handover service writes on receipt: 1.689 files in 2024, nothing since.
    await recordEvent(env.t.db, SYSTEM, {
      entityType: 'handover', entityId: 1, action: 'handover.received', at: new Date('2024-09-10T10:00:00+07:00'),
      data: { agencyId: a.id, fondsId: null, filesReceived: 1689, filesListed: 1689, filesMissing: 0, filesExtra: 0, filesDamaged: 0, boxes: 120, metresEstimated: 20, metresMeasured: 21.5, handoverDate: '2024-09-10' },
    });
    await createUser(env.t, 'luutru.yen', 'archivist');
  });
  afterAll(async () => env?.close());

  it('when the last receipt was in 2024, then the dashboard opens on 2024 with its figures, and the year selector switches years', async () => {
    const { page, base } = env;
    await login(page, base, 'luutru.yen', PASSWORD);
    await page.getByRole('heading', { name: 'Số liệu năm 2024' }).waitFor();
    expect(await page.locator('.stats').first().innerText()).toMatch(/1\.689\s*Hồ sơ đã tiếp nhận/);
    await shot(page, 'dashboard', '1-latest-year');
    // The app's clock is in 2026: that year is offered too, with its zeros.
    await page.getByLabel('Chọn năm').selectOption('2026');
    await page.getByRole('heading', { name: 'Số liệu năm 2026' }).waitFor();
    expect(env.pageErrors).toEqual([]);
  });
});
