/** Calendar-day arithmetic on 'YYYY-MM-DD' strings (UTC, so no zone can shift a day). */
const DAY = 86_400_000;

export const toDay = (s: string) => Math.round(Date.parse(`${s}T00:00:00Z`) / DAY);
export const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
export const addDays = (s: string, n: number) => fromDay(toDay(s) + n);
/** 0 = Monday … 6 = Sunday. */
export const weekday = (s: string) => (new Date(`${s}T00:00:00Z`).getUTCDay() + 6) % 7;
export const mondayOf = (s: string) => addDays(s, -weekday(s));
export const daysBetween = (a: string, b: string) => toDay(b) - toDay(a);

export function* eachDay(from: string, to: string): Generator<string> {
  for (let d = toDay(from); d <= toDay(to); d++) yield fromDay(d);
}

/** dd/mm/yyyy, as Vietnamese users read dates. */
export const viDate = (s: string | null | undefined) => (s ? `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}` : '—');
