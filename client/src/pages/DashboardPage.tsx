import { useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { metres, num } from '../format.js';
import { Link } from '../router.js';
import type { OverdueAgency, OverdueList, YearlyReport } from '../types.js';
import { DemoPanel } from '../components/DemoPanel.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Loading, OccupancyBar, Section, Stat } from '../components/ui.js';
import { YearlyTrend } from './reports/YearlyTrend.js';

/** True when any yearly figure (not the running holdings) is above zero. */
function hasFigures(y: YearlyReport): boolean {
  const walk = (v: unknown, key: string): boolean =>
    key === 'holdings' || key === 'year' ? false : typeof v === 'number' ? v > 0 : !!v && typeof v === 'object' && Object.entries(v).some(([k, x]) => walk(x, k));
  return walk(y, '');
}

function YearlyFigures({ year, onYear, years }: { year: number; onYear: (y: number) => void; years: number[] }) {
  const r = useAsync(() => api.reports.yearly(year), [year]);
  const xlsx = useAction();
  const d = r.data;
  return (
    <Section
      title={vi.dashboard.yearly(year)}
      actions={
        <>
          <button type="button" onClick={() => onYear(year - 1)} aria-label={vi.a11y.previousYear}>‹ {year - 1}</button>
          <select aria-label={vi.dashboard.chooseYear} value={year} onChange={(e) => onYear(Number(e.target.value))}>
            {[...new Set([...years, year])].sort((x, y) => y - x).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
          <button type="button" onClick={() => onYear(year + 1)} aria-label={vi.a11y.nextYear}>{year + 1} ›</button>
          <button type="button" disabled={xlsx.busy} onClick={() => xlsx.run(() => api.reports.yearlyXlsx(year - 4, year))}>
            {vi.dashboard.yearlyXlsx(year - 4, year)}
          </button>
        </>
      }
    >
      {r.loading && !d ? <Loading /> : <ErrorMessage error={r.error} />}
      <ErrorMessage error={xlsx.error} />
      {d && (
        <>
          <div className="stats">
            <Stat label={vi.dashboard.filesReceived} value={num(d.filesReceived, 0)} />
            <Stat label={vi.dashboard.handoversReceived} value={num(d.handoversReceived, 0)} />
            <Stat label={vi.dashboard.agenciesDeposited} value={num(d.agenciesDeposited, 0)} />
            <Stat label={vi.dashboard.metresMeasured} value={metres(d.metresReceived.measured)} />
            <Stat label={vi.dashboard.metresEstimated} value={metres(d.metresReceived.estimated)} />
            <Stat label={vi.dashboard.agenciesAppraised} value={num(d.agenciesAppraised, 0)} />
            <Stat label={vi.dashboard.pagesDigitised} value={num(d.pagesDigitised, 0)} />
            <Stat label={vi.dashboard.processedFiles} value={num(d.processed.files, 0)} sub={`${vi.dashboard.processedMetres}: ${metres(d.processed.metres)}`} />
            <Stat label={vi.dashboard.pagesRestored} value={num(d.pagesRestored, 0)} />
          </div>
          <p className="muted">
            {vi.dashboard.holdings}: {vi.dashboard.holdingsLine(num(d.holdings.files, 0), num(d.holdings.agencies, 0))} —{' '}
            {metres(d.holdings.metres.measured)} ({vi.dashboard.metresMeasured.toLowerCase()}), {metres(d.holdings.metres.estimated)} (
            {vi.dashboard.metresEstimated.toLowerCase()}) · {vi.dashboard.holdingsPages(num(d.holdings.pagesDigitised, 0))}
          </p>
        </>
      )}
      <h3>{vi.dashboard.trend}</h3>
      <YearlyTrend to={year} />
    </Section>
  );
}

const OVERDUE_COLUMNS: Column<OverdueAgency>[] = [
  { header: vi.agencies.code, cell: (a) => a.code, className: 'nowrap' },
  { header: vi.agencies.name, cell: (a) => <Link to={`/agencies/${a.agencyId}`}>{a.name}</Link> },
  { header: vi.overdue.overdueFiles, cell: (a) => num(a.overdueFiles, 0), align: 'right' },
  { header: vi.overdue.earliestDueYear, cell: (a) => a.earliestDueYear ?? '—', align: 'right' },
  { header: vi.overdue.yearsOverdue, cell: (a) => num(a.yearsOverdue, 0), align: 'right' },
];

function OverdueTop({ r }: { r: { data: OverdueList | null; error: unknown; loading: boolean } }) {
  const items = (r.data?.items ?? []).slice(0, 10);
  return (
    <Section title={vi.dashboard.overdueTop} actions={<Link to="/overdue">{vi.dashboard.seeAll}</Link>}>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && <DataTable columns={OVERDUE_COLUMNS} rows={items} rowKey={(a) => a.agencyId} empty={vi.dashboard.noOverdue} />}
    </Section>
  );
}

function CapacitySummary() {
  const r = useAsync(() => api.stacks.capacity(), []);
  const c = r.data;
  return (
    <Section title={vi.dashboard.capacity} actions={<Link to="/stacks">{vi.nav.stacks}</Link>}>
      {r.loading && !c ? <Loading /> : <ErrorMessage error={r.error} />}
      {c && (
        <>
          <OccupancyBar used={c.totals.usedM} capacity={c.totals.capacityM} />
          <p className="muted">
            {vi.stacks.free}: {metres(c.totals.freeM)} ·{' '}
            {c.forecast.yearsUntilFull !== null && c.forecast.fullByYear !== null
              ? vi.stacks.yearsUntilFull(num(c.forecast.yearsUntilFull, 1), c.forecast.fullByYear)
              : vi.stacks.noForecast}
          </p>
        </>
      )}
    </Section>
  );
}

export function DashboardPage() {
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const overdue = useAsync(() => api.deadlines.overdue({ sort: 'overdueFiles', order: 'desc' }), []);
  const [chosenYear, setYear] = useState<number | null>(null);
  // The server's clock decides "this year" (it may differ from the browser's near New Year).
  const thisYear = overdue.data?.currentYear ?? (overdue.loading ? null : new Date().getFullYear());
  // Opens on the latest year that has figures (the demo's last year, not an empty current one).
  const series = useAsync(() => (thisYear === null ? Promise.resolve(null) : api.reports.series(thisYear)), [thisYear, version]);
  const withData = (series.data?.years ?? []).filter(hasFigures).map((y) => y.year);
  const years = series.data ? Array.from({ length: series.data.to - series.data.from + 1 }, (_, i) => series.data!.from + i) : [];
  const opening = thisYear === null || (series.loading && !series.data) ? null : (withData.length ? Math.max(...withData) : thisYear);
  const year = chosenYear ?? opening;
  return (
    <div className="page">
      <h1>{vi.dashboard.title}</h1>
      {user.role === 'admin' && <DemoPanel onDone={() => { setVersion((v) => v + 1); overdue.reload(); }} />}
      {year !== null ? <YearlyFigures key={version} year={year} onYear={setYear} years={years} /> : <Loading />}
      <div className="grid-2">
        <OverdueTop r={overdue} />
        <CapacitySummary key={version} />
      </div>
    </div>
  );
}
