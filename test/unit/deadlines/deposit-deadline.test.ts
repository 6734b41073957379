import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../server/deadlines/deposit-deadline.js';

describe('computeDeadline', () => {
  it('when work ended in 2011 under the 2011 law, then due year is 2021 (the 2021 decision took records to 2011)', () => {
    expect(computeDeadline({ endDate: '2011-12-31' }, 'law2011')).toMatchObject({ dueYear: 2021, rule: 'law2011_art21' });
  });

  it('when work ended after 2025-07-01, then the 2024 law applies whatever the transition setting', () => {
    const d = computeDeadline({ endDate: '2025-09-30', currentArchiveDepositYear: 2026 }, 'law2011');
    expect(d).toMatchObject({ dueYear: 2031, rule: 'law2024_art17', dueYear2011: 2035 });
  });

  it('when the current-archive deposit year is unknown, then the 2024 rule assumes end year + 1 and says so', () => {
    expect(computeDeadline({ endDate: '2026-03-01' }, 'law2011')).toMatchObject({ dueYear: 2032, rule: 'law2024_art17_estimated' });
  });

  it('when another law sets its own period, then 30 years from the current-archive deposit', () => {
    const d = computeDeadline({ endDate: '2025-08-01', currentArchiveDepositYear: 2026, specialLawYears: 30 }, 'law2011');
    expect(d).toMatchObject({ dueYear: 2056, rule: 'law2024_art17_special' });
  });

  it('when a file holds secret documents not yet declassified, then it has no due year', () => {
    expect(computeDeadline({ endDate: '2010-01-01', secrecy: 'mat' }, 'law2011')).toMatchObject({ dueYear: null, rule: 'secret_pending' });
  });

  it('when a secret file was declassified late, then it is due no earlier than the declassification year', () => {
    expect(computeDeadline({ endDate: '2005-01-01', secrecy: 'mat', declassifiedYear: 2024 }, 'law2011').dueYear).toBe(2024);
  });

  it('when the transition setting is earlier/later, then the earlier/later of the two regimes is chosen for pre-2025 work', () => {
    const input = { endDate: '2018-06-30', currentArchiveDepositYear: 2019 };
    expect(computeDeadline(input, 'earlier')).toMatchObject({ dueYear: 2024, rule: 'law2024_art17' });
    expect(computeDeadline(input, 'later')).toMatchObject({ dueYear: 2028, rule: 'law2011_art21' });
    expect(computeDeadline(input, 'law2024')).toMatchObject({ dueYear: 2024 });
  });
});
