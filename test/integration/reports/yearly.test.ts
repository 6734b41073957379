import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../server/audit/audit.repository.js';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { SYSTEM } from '../../../server/core/actor.js';

let t: TestApp;
let staff: HttpClient;
const ag: Record<string, number> = {};

/** The event the handover service writes on receipt (contract: 'handover.received'). */
function received(handoverId: number, at: string, data: Record<string, unknown>) {
  return recordEvent(t.db, SYSTEM, {
    entityType: 'handover', entityId: handoverId, action: 'handover.received', at: new Date(at),
    data: { fondsId: null, filesListed: data.filesReceived, filesMissing: 0, filesExtra: 0, filesDamaged: 0, boxes: 1, ...data },
  });
}

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  for (const code of ['SOYTE', 'SOTC', 'SONV']) {
    const [a] = await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ($1, $1, 'province') RETURNING id`, [code]);
    ag[code] = a.id;
  }
  await received(1, '2024-09-10T10:00:00+07:00', { agencyId: ag.SOYTE, filesReceived: 300, metresEstimated: 8, metresMeasured: 9.5, handoverDate: '2024-09-10' });
  await received(2, '2025-06-03T10:00:00+07:00', { agencyId: ag.SOTC, filesReceived: 1200, metresEstimated: 30, metresMeasured: 28, handoverDate: '2025-06-03' });
  // Logged after New Year for a handover signed in October: its handover date puts it in 2025.
  await received(3, '2026-01-03T10:00:00+07:00', { agencyId: ag.SONV, filesReceived: 724, metresEstimated: 32, metresMeasured: null, handoverDate: '2025-10-20' });
  await received(4, '2026-01-05T10:00:00+07:00', { agencyId: ag.SOYTE, filesReceived: 50, metresEstimated: 1.5, metresMeasured: null, handoverDate: '2026-01-02' });
  // Other events, even about handovers, never count.
  await recordEvent(t.db, SYSTEM, { entityType: 'handover', entityId: 2, action: 'handover.approved', at: new Date('2025-05-01T00:00:00Z'), data: { agencyId: ag.SOTC, filesReceived: 999 } });
});
afterAll(() => t?.close());

describe('yearly figures from the event log', () => {
  it('when two agencies’ handovers were received in 2025, then the year counts both, keeps metres apart and holdings include 2024', async () => {
    const r = await staff.get('/api/reports/yearly?year=2025');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      year: 2025,
      filesReceived: 1924,
      handoversReceived: 2,
      agenciesDeposited: 2,
      metresReceived: { measured: 28, estimated: 62 },
      agenciesAppraised: 0, pagesDigitised: 0, processed: { files: 0, metres: 0 }, pagesRestored: 0,
      holdings: { files: 2224, agencies: 3, metres: { measured: 37.5, estimated: 70 }, pagesDigitised: 0 },
      readingRoom: { readersServed: 0, requests: 0, filesIssued: 0, slaMet: 0, slaBreached: 0 },
    });
  });

  it('when no year is given, then the clock’s year is reported', async () => {
    const r = await staff.get('/api/reports/yearly');
    expect(r.body).toMatchObject({ year: 2026, filesReceived: 50, handoversReceived: 1, agenciesDeposited: 1, holdings: { files: 2274, agencies: 3 } });
  });

  it('when a year range is exported, then the XLSX has one readable row per year', async () => {
    const r = await staff.get('/api/reports/yearly.xlsx?from=2023&to=2026');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buffer as any);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((x) => x[0] === 'Năm');
    expect(rows[header].slice(0, 7)).toEqual(['Năm', 'Số hồ sơ thu', 'Mét giá đo thực tế', 'Mét giá ước tính', 'Số lần giao nộp', 'Số cơ quan được thẩm định', 'Số cơ quan nộp lưu']);
    const col = (name: string) => rows.slice(header + 1).map((x) => x[rows[header].indexOf(name)]);
    expect(rows.slice(header + 1).map((x) => x.slice(0, 7))).toEqual([
      [2023, 0, 0, 0, 0, 0, 0],
      [2024, 300, 9.5, 8, 1, 0, 1],
      [2025, 1924, 28, 62, 2, 0, 2],
      [2026, 50, 0, 1.5, 1, 0, 1],
    ]);
    expect(col('Tổng hồ sơ trong kho (cuối năm)')).toEqual([0, 300, 2224, 2274]);
    expect(col('Tổng cơ quan đã nộp (cuối năm)')).toEqual([0, 1, 3, 3]);
  });

  it('when the range is reversed or the year is not a number, then 400 and a Vietnamese message', async () => {
    const reversed = await staff.get('/api/reports/yearly.xlsx?from=2026&to=2020');
    expect([reversed.status, reversed.body.error.code]).toEqual([400, 'YEAR_RANGE_INVALID']);
    expect(reversed.body.error.message).toMatch(/Năm bắt đầu/);
    expect((await staff.get('/api/reports/yearly?year=abc')).status).toBe(400);
    expect((await staff.get('/api/reports/yearly?year=2025&extra=1')).status).toBe(400);
  });

  it('when an agency user asks for the report, then 403', async () => {
    const c = await t.as('agency', { agencyId: ag.SOYTE });
    expect((await c.get('/api/reports/yearly?year=2025')).status).toBe(403);
  });
});
