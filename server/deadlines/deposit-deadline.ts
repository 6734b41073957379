/**
 * When a file must go into the historical archive, under the two regimes of docs/domain.md §2.3.
 * Pure: no I/O, so every rule is unit-tested (test/unit/deadlines/deposit-deadline.test.ts).
 *
 * - Luật Lưu trữ 2011, art. 21(1): within 10 years from the year the work ended → end_year + 10.
 * - Luật Lưu trữ 2024, art. 17: into the current archive within 1 year of the work ending, then into
 *   the historical archive within 5 years of that deposit year; 30 where another law sets its own period;
 *   files with secret-marked documents only after declassification (clause 6).
 * - Work ended before 2025-07-01: the law's transition is unclear (docs/domain.md §9), so a setting decides
 *   (DEADLINE_TRANSITION_RULE): 'law2011' (default: the rule in force when the work ended),
 *   'law2024', 'earlier' or 'later' of the two.
 */
export type TransitionRule = 'law2011' | 'law2024' | 'earlier' | 'later';

export type DueRule =
  | 'law2011_art21'
  | 'law2024_art17'
  | 'law2024_art17_estimated' // current-archive deposit year unknown: assumed end year + 1
  | 'law2024_art17_special' // another law's own period
  | 'secret_pending'; // not depositable until declassified

export interface DeadlineInput {
  endDate: string; // YYYY-MM-DD
  currentArchiveDepositYear?: number | null;
  specialLawYears?: number | null;
  secrecy?: string | null;
  declassifiedYear?: number | null;
}

export interface Deadline {
  dueYear2011: number;
  dueYear2024: number;
  dueYear: number | null;
  rule: DueRule;
}

/** Luật Lưu trữ 2024 takes effect for work that ended on or after this day. */
export const LAW_2024_EFFECTIVE = '2025-07-01';

export function computeDeadline(input: DeadlineInput, transition: TransitionRule): Deadline {
  const endYear = Number(input.endDate.slice(0, 4));
  const dueYear2011 = endYear + 10;
  const depositYear = input.currentArchiveDepositYear ?? endYear + 1;
  const dueYear2024 = depositYear + (input.specialLawYears ?? 5);
  const rule2024: DueRule = input.specialLawYears
    ? 'law2024_art17_special'
    : input.currentArchiveDepositYear
      ? 'law2024_art17'
      : 'law2024_art17_estimated';

  let rule: DueRule;
  let dueYear: number;
  if (input.endDate >= LAW_2024_EFFECTIVE || transition === 'law2024') {
    [rule, dueYear] = [rule2024, dueYear2024];
  } else if (transition === 'law2011') {
    [rule, dueYear] = ['law2011_art21', dueYear2011];
  } else {
    const pick2011 = transition === 'earlier' ? dueYear2011 <= dueYear2024 : dueYear2011 >= dueYear2024;
    [rule, dueYear] = pick2011 ? ['law2011_art21', dueYear2011] : [rule2024, dueYear2024];
  }

  if (input.secrecy) {
    if (input.declassifiedYear == null) return { dueYear2011, dueYear2024, dueYear: null, rule: 'secret_pending' };
    dueYear = Math.max(dueYear, input.declassifiedYear);
  }
  return { dueYear2011, dueYear2024, dueYear, rule };
}

export const DUE_RULE_LABELS: Record<DueRule, string> = {
  law2011_art21: 'Luật Lưu trữ 2011, Điều 21: năm kết thúc + 10',
  law2024_art17: 'Luật Lưu trữ 2024, Điều 17: năm nộp lưu trữ hiện hành + 5',
  law2024_art17_estimated: 'Luật Lưu trữ 2024, Điều 17: ước tính (năm kết thúc + 1) + 5',
  law2024_art17_special: 'Luật Lưu trữ 2024, Điều 17: thời hạn theo luật chuyên ngành',
  secret_pending: 'Tài liệu mật: chỉ nộp lưu sau khi giải mật',
};
