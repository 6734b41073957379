import { describe, expect, it } from 'vitest';
import { planLateness } from '../../../server/intake/plan-lateness.js';

describe('planLateness', () => {
  it('when it is still the last day of the scheduled month in Vietnam, then not late', () => {
    expect(planLateness(2026, 2, 'planned', new Date('2026-02-28T23:59:59+07:00'))).toEqual({ late: false, lateDays: 0 });
  });

  it('when the month is over in Vietnam but not yet in UTC, then late by one day', () => {
    expect(planLateness(2026, 2, 'approved', new Date('2026-02-28T17:00:00Z'))).toEqual({ late: true, lateDays: 1 });
  });

  it('when December of the plan year is over, then days count into the next year', () => {
    expect(planLateness(2026, 12, 'planned', new Date('2027-01-10T08:00:00+07:00'))).toEqual({ late: true, lateDays: 10 });
  });

  it('when a leap year February is scheduled, then the 29th is still on time', () => {
    expect(planLateness(2028, 2, 'planned', new Date('2028-02-29T12:00:00+07:00')).late).toBe(false);
    expect(planLateness(2028, 2, 'planned', new Date('2028-03-02T12:00:00+07:00')).lateDays).toBe(2);
  });

  it('when the agency has been received, then it is never late', () => {
    expect(planLateness(2020, 1, 'received', new Date('2026-01-01T00:00:00Z'))).toEqual({ late: false, lateDays: 0 });
  });
});
