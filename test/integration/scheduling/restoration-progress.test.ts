/** Issue 9: recording more restored pages than the file has is an input error, and the totals never exceed the pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let staff: HttpClient;
let agency: number;
let item: number;

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  agency = (await staff.post('/api/agencies', { code: 'T02', name: 'Văn phòng UBND tỉnh', level: 'province' })).body.id;
  item = (await staff.post('/api/scheduling/restoration', {
    agencyId: agency, unitKind: 'file', reference: 'Hồ sơ 12: Tập công văn về thủy lợi, đê điều 1958', pages: 380, damageType: 'torn', damageLevel: 'medium',
  })).body.id;
});
afterAll(() => t?.close());

const record = (pages: number, workDate: string) => staff.post('/api/scheduling/progress', { restorationItemId: item, stepId: 'r2', workDate, pages });

describe('restoration progress', () => {
  it('when recorded pages would exceed the file’s pages, then 422 with a Vietnamese message and nothing is recorded', async () => {
    for (const d of ['2026-10-05', '2026-10-12', '2026-10-19']) expect((await record(110, d)).status).toBe(201);
    const over = await record(110, '2026-10-26');
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('PROGRESS_EXCEEDS_ITEM');
    expect(over.body.error.message).toBe('Hồ sơ/tài liệu chỉ có 380 trang, đã ghi nhận 330 trang: ghi thêm 110 trang sẽ vượt quá số trang.');
    const list = await staff.get(`/api/scheduling/restoration?agencyId=${agency}`);
    expect(list.body.items[0].donePages).toBe(330);
    expect(list.body.totals).toMatchObject({ pages: 380, donePages: 330 });
    expect((await staff.get(`/api/scheduling/progress?restorationItemId=${item}`)).body.items).toHaveLength(3);
  });

  it('when the remaining pages are recorded, then the item is exactly done and one page more is refused', async () => {
    expect((await record(50, '2026-10-26')).status).toBe(201);
    expect((await staff.get(`/api/scheduling/restoration?agencyId=${agency}`)).body.totals).toMatchObject({ pages: 380, donePages: 380 });
    expect((await record(1, '2026-11-02')).body.error.code).toBe('PROGRESS_EXCEEDS_ITEM');
  });

  it('when the item’s pages are edited below the pages already restored, then 422 and the item keeps its pages', async () => {
    const r = await staff.patch(`/api/scheduling/restoration/${item}`, { pages: 300 });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('RESTORATION_PAGES_BELOW_DONE');
    expect(r.body.error.message).toMatch(/380 trang/);
    expect((await staff.get(`/api/scheduling/restoration?agencyId=${agency}`)).body.items[0].pages).toBe(380);
    expect((await staff.patch(`/api/scheduling/restoration/${item}`, { pages: 400 })).status).toBe(200);
  });
});
