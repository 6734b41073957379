import { describe, expect, it } from 'vitest';
import { currentYear as vnYear } from '../../../server/core/time/index.js';
import { toReceipt } from '../../../server/reports/received-events.js';
import { forecastFull, intakeRate, yearlyFigures } from '../../../server/reports/yearly-figures.js';

const r = (year: number, agencyId: number, files: number, est: number, meas: number | null) =>
  ({ handoverId: `${year}-${agencyId}`, year, agencyId, filesReceived: files, metresEstimated: est, metresMeasured: meas });

describe('receipts from events', () => {
  it('when the event carries a handover date, then that date decides the year, not the time it was logged', () => {
    const rec = toReceipt({ entityId: '5', at: new Date('2025-01-02T03:00:00Z'), data: { handoverDate: '2024-12-30', agencyId: 3, filesReceived: 7, metresEstimated: 0.5, metresMeasured: null } });
    expect(rec).toEqual({ handoverId: '5', year: 2024, agencyId: 3, filesReceived: 7, metresEstimated: 0.5, metresMeasured: null });
  });

  it('when there is no handover date, then the year is the Vietnam-time year of the event', () => {
    expect(vnYear(new Date('2024-12-31T18:00:00Z'))).toBe(2025);
    expect(toReceipt({ entityId: '6', at: new Date('2024-12-31T18:00:00Z'), data: { filesReceived: 'x' } }).year).toBe(2025);
  });
});

describe('yearly figures', () => {
  it('when two agencies deposit in a year, then counts, distinct agencies, separate metres and holdings add up', () => {
    const receipts = [r(2023, 1, 100, 3, 2.8), r(2024, 1, 40, 1, null), r(2024, 2, 60, 2, 2.5), r(2025, 3, 5, 0.1, null)];
    expect(yearlyFigures({ receipts, appraisals: [], digitised: [], work: [] }, 2024)).toEqual({
      year: 2024, filesReceived: 100, handoversReceived: 2, agenciesDeposited: 2,
      metresReceived: { measured: 2.5, estimated: 3 },
      agenciesAppraised: 0, pagesDigitised: 0, processed: { files: 0, metres: 0 }, pagesRestored: 0,
      holdings: { files: 200, agencies: 2, metres: { measured: 5.3, estimated: 6 }, pagesDigitised: 0 },
    });
  });
});

describe('intake rate and forecast', () => {
  it('when three full years precede the current one, then the rate averages them using measured metres where present', () => {
    const receipts = [r(2022, 1, 1, 50, null), r(2023, 1, 1, 4, 6), r(2025, 2, 1, 3, null), r(2026, 2, 1, 99, 99)];
    expect(intakeRate(receipts, 2026)).toEqual({ metresPerYear: 3, basisYears: [2023, 2024, 2025], measuredMetres: 6, estimatedMetres: 3 });
  });

  it('when nothing comes in, then the stacks never fill (null); otherwise years round up to the full-by year', () => {
    expect(forecastFull(10, 0, 2026)).toEqual({ yearsUntilFull: null, fullByYear: null });
    expect(forecastFull(10, 3, 2026)).toEqual({ yearsUntilFull: 3.33, fullByYear: 2030 });
  });
});
