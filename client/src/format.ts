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

/** Every count shown to people: vi-VN grouping (1.689), decimals only when asked for (60,5). */
export function formatNumber(n: number | null | undefined, maxDigits = 0): string {
  return num(n, maxDigits);
}

export function metres(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${num(n, 2)} m`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnam keeps UTC+7 all year: the day and hour people mean, whatever time zone the browser is set to. */
const VN_OFFSET_MS = 7 * 3600_000;
const inVietnam = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS);

/** 'YYYY-MM-DD' is shown as written (no time-zone shift); full timestamps in Vietnam time. */
export function date(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const v = inVietnam(d);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const v = inVietnam(d);
  return `${date(value)} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

export function yearSpan(from: number | null | undefined, to: number | null | undefined): string {
  if (!from && !to) return '—';
  if (from === to || !to) return String(from);
  if (!from) return String(to);
  return `${from}–${to}`;
}

/** Today in Vietnam as 'YYYY-MM-DD' (the default of date fields): not the browser's zone, not UTC. */
export function todayIso(now: Date = new Date()): string {
  const v = inVietnam(now);
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

/** What a date field shows for an ISO day: dd/mm/yyyy, or '' for none. */
export function dayInputText(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * A typed day as ISO, or null when it is not a real day. Day first: d/m/yyyy (also with '.' or '-');
 * a pasted ISO 'YYYY-MM-DD' is accepted too.
 */
export function parseDayInput(text: string): string | null {
  const t = text.trim();
  let d: number, mo: number, y: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * The dd/mm/yyyy mask while typing: digits fill day, month, year in turn ("02122026" reads 02/12/2026), a typed
 * separator closes a part early ("2/12/2026"), anything else is dropped. A pasted ISO day is left for parseDayInput.
 */
export function maskDayInput(raw: string): string {
  if (/^\d{4}-/.test(raw.trim())) return raw.trim().slice(0, 10);
  const limits = [2, 2, 4];
  const parts: string[] = [];
  let cur = '';
  let closed = false;
  for (const ch of raw) {
    if (/\d/.test(ch)) {
      if (cur.length === limits[parts.length] && parts.length < 2) {
        parts.push(cur);
        cur = '';
      }
      if (cur.length < limits[parts.length]) cur += ch;
      closed = false;
    } else if ('/.-'.includes(ch) && cur && parts.length < 2) {
      parts.push(cur);
      cur = '';
      closed = true;
    }
  }
  return parts.join('/') + (parts.length && (cur || closed) ? '/' : '') + cur;
}

export function percent(part: number, whole: number): number {
  if (!whole || whole <= 0) return 0;
  return Math.max(0, Math.min(100, (part / whole) * 100));
}
