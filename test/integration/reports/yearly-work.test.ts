/**
 * Issue 9: the yearly figures cover all of docs/domain.md §7 the system knows — agencies appraised, pages digitised,
 * files and metres processed, pages restored — each from the event its area writes, per year, in the XLSX and the series.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../server/audit/audit.repository.js';
import { SYSTEM } from '../../../server/core/actor.js';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let staff: HttpClient;
const ag: Record<string, number> = {};

async function handover(agency: string): Promise<number> {
  const [h] = await t.db.query<{ id: number }>(`INSERT INTO handovers (agency_id, title) VALUES ($1, $2) RETURNING id`, [ag[agency], `Giao nộp ${agency}`]);
  return h.id;
}
/** The events the handover workflow and the digitisation ingest write (contracts: 'handover.appraised', 'master.stored'). */
const appraised = (handoverId: number, at: string) =>
  recordEvent(t.db, SYSTEM, { entityType: 'handover', entityId: handoverId, action: 'handover.appraised', at: new Date(at), data: { summary: 'Đạt', comments: 0 } });
const stored = (masterId: number, at: string, pages: number) =>
  recordEvent(t.db, SYSTEM, { entityType: 'master', entityId: masterId, action: 'master.stored', at: new Date(at), data: { batchId: 1, pages } });

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  for (const code of ['SOYTE', 'SOTC', 'SONV']) {
    ag[code] = (await staff.post('/api/agencies', { code, name: `Cơ quan ${code}`, level: 'province' })).body.id;
  }
  // Two appraisals of the same agency in 2025 count it once; 31/12/2025 23:00 in Vietnam is still 2025.
  await appraised(await handover('SOYTE'), '2025-03-01T10:00:00+07:00');
  await appraised(await handover('SOYTE'), '2025-12-31T23:00:00+07:00');
  await appraised(await handover('SOTC'), '2025-06-01T10:00:00+07:00');
  await appraised(await handover('SONV'), '2026-01-01T00:30:00+07:00');
  await stored(1, '2025-05-05T10:00:00+07:00', 120);
  await stored(2, '2025-11-05T10:00:00+07:00', 30);
  await stored(3, '2026-02-05T10:00:00+07:00', 7);

  // Processing and restoration progress through the real API: its 'progress.recorded' events are the source.
  const backlog = (await staff.post('/api/scheduling/backlog', { agencyId: ag.SONV, label: 'Sở Nội vụ 2000–2010', measuredMetres: 20 })).body.id;
  const restoration = (await staff.post('/api/scheduling/restoration', {
    agencyId: ag.SONV, unitKind: 'file', reference: 'Hồ sơ 3', pages: 500, damageType: 'mould', damageLevel: 'light',
  })).body.id;
  const progress = async (body: Record<string, unknown>) => {
    const r = await staff.post('/api/scheduling/progress', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as number;
  };
  await progress({ backlogItemId: backlog, stepId: 'p05', workDate: '2025-04-01', metres: 8, files: 300 }); // not the final step
  await progress({ backlogItemId: backlog, stepId: 'p21', workDate: '2025-09-01', metres: 2.5, files: 120 });
  await progress({ backlogItemId: backlog, stepId: 'p21', workDate: '2026-03-01', metres: 1.25, files: 40 });
  const mistaken = await progress({ backlogItemId: backlog, stepId: 'p21', workDate: '2025-10-01', metres: 5, files: 999 });
  expect((await staff.delete(`/api/scheduling/progress/${mistaken}`)).status).toBe(200);
  await progress({ restorationItemId: restoration, stepId: 'r1', workDate: '2025-08-01', pages: 200 });
  await progress({ restorationItemId: restoration, stepId: 'r1', workDate: '2026-01-10', pages: 45 });
});
afterAll(() => t?.close());

describe('yearly figures beyond intake', () => {
  it('when 2025 is asked for, then appraisals, digitised pages, processed files and metres and restored pages are that year’s', async () => {
    const r = await staff.get('/api/reports/yearly?year=2025');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      year: 2025, agenciesAppraised: 2, pagesDigitised: 150, processed: { files: 120, metres: 2.5 }, pagesRestored: 200,
      holdings: { pagesDigitised: 150 },
    });
    expect((await staff.get('/api/reports/yearly?year=2026')).body).toMatchObject({
      agenciesAppraised: 1, pagesDigitised: 7, processed: { files: 40, metres: 1.25 }, pagesRestored: 45, holdings: { pagesDigitised: 157 },
    });
  });

  it('when the series is read, then it runs from the first year with data to this year, one entry per year', async () => {
    const r = await staff.get('/api/reports/yearly-series');
    expect(r.status).toBe(200);
    expect([r.body.from, r.body.to]).toEqual([2025, 2026]);
    expect(r.body.years.map((y: { year: number; pagesRestored: number }) => [y.year, y.pagesRestored])).toEqual([[2025, 200], [2026, 45]]);
    expect((await staff.get('/api/reports/yearly-series?from=2026&to=2020')).body.error.code).toBe('YEAR_RANGE_INVALID');
  });

  it('when the XLSX is exported, then every §7 figure has its column', async () => {
    const r = await staff.get('/api/reports/yearly.xlsx?from=2024&to=2026');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buffer as any);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const head = rows.findIndex((x) => x[0] === 'Năm');
    const col = (name: string) => rows.slice(head + 1).map((x) => x[rows[head].indexOf(name)]);
    expect(col('Năm')).toEqual([2024, 2025, 2026]);
    expect(col('Số cơ quan được thẩm định')).toEqual([0, 2, 1]);
    expect(col('Số trang số hóa')).toEqual([0, 150, 7]);
    expect(col('Số hồ sơ chỉnh lý xong')).toEqual([0, 120, 40]);
    expect(col('Mét giá chỉnh lý xong')).toEqual([0, 2.5, 1.25]);
    expect(col('Số trang tu bổ')).toEqual([0, 200, 45]);
  });
});
