/** Display formats for Vietnamese users: dd/mm/yyyy dates, vi-VN numbers (1.924 and 60,5). */

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(maxDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maxDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDigits });
    numberFormats.set(maxDigits, f);
  }
  return f;
}

export function num(n: number | null | undefined, maxDigits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return numberFormat(maxDigits).format(n);
}

export function metres(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${num(n, 2)} m`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' is shown as written (no time-zone shift); full timestamps in local time. */
export function date(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${date(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function yearSpan(from: number | null | undefined, to: number | null | undefined): string {
  if (!from && !to) return '—';
  if (from === to || !to) return String(from);
  if (!from) return String(to);
  return `${from}–${to}`;
}

/** Today as 'YYYY-MM-DD' in local time, for date inputs. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function percent(part: number, whole: number): number {
  if (!whole || whole <= 0) return 0;
  return Math.max(0, Math.min(100, (part / whole) * 100));
}
