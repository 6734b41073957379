import { useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { metres, num } from '../format.js';
import { Link } from '../router.js';
import type { OverdueAgency, OverdueList } from '../types.js';
import { DemoPanel } from '../components/DemoPanel.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Loading, OccupancyBar, Section, Stat } from '../components/ui.js';

function YearlyFigures({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const r = useAsync(() => api.reports.yearly(year), [year]);
  const xlsx = useAction();
  const d = r.data;
  return (
    <Section
      title={vi.dashboard.yearly(year)}
      actions={
        <>
          <button type="button" onClick={() => onYear(year - 1)} aria-label={vi.a11y.previousYear}>‹ {year - 1}</button>
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
          </div>
          <p className="muted">
            {vi.dashboard.holdings}: {vi.dashboard.holdingsLine(num(d.holdings.files, 0), num(d.holdings.agencies, 0))} —{' '}
            {metres(d.holdings.metres.measured)} ({vi.dashboard.metresMeasured.toLowerCase()}), {metres(d.holdings.metres.estimated)} (
            {vi.dashboard.metresEstimated.toLowerCase()})
          </p>
        </>
      )}
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
  const year = chosenYear ?? overdue.data?.currentYear ?? (overdue.loading ? null : new Date().getFullYear());
  return (
    <div className="page">
      <h1>{vi.dashboard.title}</h1>
      {user.role === 'admin' && <DemoPanel onDone={() => { setVersion((v) => v + 1); overdue.reload(); }} />}
      {year !== null ? <YearlyFigures key={version} year={year} onYear={setYear} /> : <Loading />}
      <div className="grid-2">
        <OverdueTop r={overdue} />
        <CapacitySummary key={version} />
      </div>
    </div>
  );
}
