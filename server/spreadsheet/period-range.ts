/**
 * Many inventories have one column "Thời gian tài liệu" holding the whole span (`02/2021 - 12/2021`, `2019-2020`,
 * `1999`, `12/3/2005 - 4/6/2006`) instead of separate start and end columns. This reads such a cell with the same
 * date parsers as the separate columns, and merges it with them by one rule for every import:
 *   - a separate start or end cell that is filled is used; the combined cell fills the bounds left empty;
 *   - when both are filled and say different things, the row has a problem (never a silent choice).
 */
import { cellText, fail, ok, parsePeriod, type Cell, type Parsed, type Period } from './cells.js';
import type { RowReader } from './import-kernel.js';

export interface PeriodRange { from: Period; to: Period }

/** Header names of the combined column, as agencies write them (matching folds tone marks and case). */
export const PERIOD_RANGE_ALIASES = ['Thời gian tài liệu', 'Thời gian', 'Thời gian của tài liệu', 'Khoảng thời gian', 'Thời gian bắt đầu - kết thúc', 'Thời gian bắt đầu và kết thúc'];

const RANGE_HELP = 'ghi một mốc (dd/mm/yyyy, mm/yyyy, yyyy) hoặc hai mốc nối bằng dấu gạch, vd. 02/2021 - 12/2021, 2019-2020';
// Dashes of every width people type, and the words "đến"/"tới" (folded forms included).
const SEPARATOR = /\s*(?:[-–—‒]|đến|den|tới|toi)\s*/giu;

/** One period, or two joined by a dash or "đến": the split is the one where both sides read as dates. */
export function parsePeriodRange(c: Cell): Parsed<PeriodRange> {
  if (typeof c !== 'string') {
    const p = parsePeriod(c);
    return p.ok ? ok({ from: p.value, to: p.value }) : p;
  }
  const text = cellText(c);
  if (text === null) return fail('Thiếu thời gian.');
  const whole = parsePeriod(text);
  if (whole.ok) return ok({ from: whole.value, to: whole.value });
  let firstFailure: string | null = null;
  for (const m of text.matchAll(SEPARATOR)) {
    const left = text.slice(0, m.index).trim();
    const right = text.slice(m.index + m[0].length).trim();
    if (!left || !right) continue;
    const from = parsePeriod(left);
    const to = parsePeriod(right);
    if (from.ok && to.ok) {
      if (from.value.start > to.value.end) return fail(`Thời gian "${text}": mốc đầu (${left}) sau mốc cuối (${right}).`);
      return ok({ from: from.value, to: to.value });
    }
    // A split where both sides look like dates but one is impossible (month 13) explains itself better than "format".
    const looksLikeDate = (s: string) => /^[\d/.\s-]+$/.test(s);
    if (firstFailure === null && looksLikeDate(left) && looksLikeDate(right)) firstFailure = !from.ok ? from.message : !to.ok ? to.message : null;
  }
  return fail(firstFailure ? `Thời gian "${text}": ${firstFailure}` : `Thời gian "${text}" không đọc được: ${RANGE_HELP}.`);
}

/** How one import's separate start/end cells read, and what a bound of the combined span is in their terms. */
export interface BoundReading<V> {
  parse: (c: Cell) => Parsed<V>;
  /** The combined span's first or last period as a value of the separate columns (a Period, or a year). */
  fromPeriod: (p: Period) => V;
  equal: (a: V, b: V) => boolean;
  show: (v: V) => string;
}

/** Separate inventory date columns hold periods: a bound agrees when it is the very same period. */
export const PERIOD_BOUNDS: BoundReading<Period> = {
  parse: parsePeriod,
  fromPeriod: (p) => p,
  equal: (a, b) => a.start === b.start && a.end === b.end,
  show: (p) => p.text,
};

/**
 * Start and end of a row from the separate columns and/or the combined one (see the rule above). `endRequired`
 * reports a row with neither an end nor a combined value; the problem names the column the file has.
 */
export function readPeriodColumns<K extends string, V>(
  r: RowReader<K>, keys: { range: K; start: K; end: K }, b: BoundReading<V>, opts: { endRequired: boolean },
): { start: V | null; end: V | null } {
  const start = r.value(keys.start, b.parse);
  const end = r.value(keys.end, b.parse);
  const range = r.value(keys.range, parsePeriodRange);
  const filled = (k: K) => cellText(r.cell(k)) !== null;
  if (opts.endRequired && !filled(keys.end) && !filled(keys.range)) {
    r.problem(r.has(keys.end) || !r.has(keys.range) ? keys.end : keys.range, 'Bắt buộc nhập.');
  }
  if (!range) return { start, end };
  const from = b.fromPeriod(range.from);
  const to = b.fromPeriod(range.to);
  const rangeText = cellText(r.cell(keys.range));
  if (start !== null && !b.equal(start, from)) r.problem(keys.range, `"${rangeText}" không khớp với thời gian bắt đầu "${b.show(start)}" ghi ở cột riêng.`);
  if (end !== null && !b.equal(end, to)) r.problem(keys.range, `"${rangeText}" không khớp với thời gian kết thúc "${b.show(end)}" ghi ở cột riêng.`);
  return {
    start: start ?? (filled(keys.start) ? null : from),
    end: end ?? (filled(keys.end) ? null : to),
  };
}
