import { useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { num } from '../format.js';
import { Link } from '../router.js';
import type { AgencyDeadlines, RecordFileDue } from '../types.js';
import { DataTable, type Column, type TableSort } from './DataTable.js';
import { ErrorMessage } from './ErrorMessage.js';
import { DueStatusBadge, Loading, Pagination, Section, Stat } from './ui.js';

type YearCount = AgencyDeadlines['byYear'][number];
type DueList = 'overdue' | 'upcoming';

const PAGE = 50;

const YEAR_COLUMNS: Column<YearCount>[] = [
  { header: vi.deadlines.dueYear, cell: (y) => y.dueYear ?? '—', align: 'right' },
  { header: vi.common.files, cell: (y) => num(y.files, 0), align: 'right' },
  { header: vi.deadlines.ruleApplied, cell: (y) => vi.dueRules[y.rule] ?? y.rule, className: 'small' },
];

/** One list of files still owed, a page at a time, with its total, sortable by header, exportable whole. */
function DueFiles(props: { agencyId: number; list: DueList; title: string; linkHandovers: boolean; version: unknown }) {
  const { agencyId, list, title, linkHandovers } = props;
  const [sort, setSort] = useState('dueYear');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [offset, setOffset] = useState(0);
  const r = useAsync(() => api.deadlines.files(agencyId, { list, sort, order, limit: PAGE, offset }), [agencyId, list, sort, order, offset, props.version]);
  const xlsx = useAction();
  const tableSort: TableSort = {
    key: sort,
    order,
    onSort: (key) => {
      setOrder(sort === key && order === 'asc' ? 'desc' : 'asc');
      setSort(key);
      setOffset(0);
    },
  };
  const columns: Column<RecordFileDue>[] = [
    {
      header: vi.deadlines.fileNotation,
      cell: (f) => (linkHandovers && f.handoverId ? <Link to={`/handovers/${f.handoverId}`}>{f.fileNotation}</Link> : f.fileNotation),
      className: 'nowrap',
      sortKey: 'fileNotation',
    },
    { header: vi.deadlines.fileTitle, cell: (f) => f.title, sortKey: 'title' },
    { header: vi.deadlines.endYear, cell: (f) => f.endYear, align: 'right', sortKey: 'endYear' },
    { header: vi.deadlines.dueYear, cell: (f) => f.dueYear ?? '—', align: 'right', sortKey: 'dueYear' },
    { header: vi.deadlines.ruleApplied, cell: (f) => f.dueRuleLabel, className: 'small' },
    { header: vi.agencies.status, cell: (f) => <DueStatusBadge status={f.status} /> },
  ];
  const total = r.data?.total ?? 0;
  return (
    <Section
      title={r.data ? vi.deadlines.listTitle(title, total) : title}
      actions={
        total > 0 ? (
          <button type="button" disabled={xlsx.busy} onClick={() => xlsx.run(() => api.deadlines.filesXlsx(agencyId, { list, sort, order }))}>
            {vi.deadlines.xlsx}
          </button>
        ) : undefined
      }
    >
      <ErrorMessage error={xlsx.error} />
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && (
        <>
          <DataTable columns={columns} rows={r.data.items} rowKey={(f) => f.id} empty={vi.deadlines.noFiles} sort={tableSort} testId={`due-files-${list}`} />
          <Pagination total={total} limit={PAGE} offset={offset} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}

/** Deadline summary, per-year counts and the two file lists for one agency (staff and the agency itself). */
export function DeadlinesView({ data, linkHandovers = true }: { data: AgencyDeadlines; linkHandovers?: boolean }) {
  const s = data.summary;
  return (
    <div className="stack-gap">
      <p className="muted">
        {vi.deadlines.currentYear(data.currentYear)} · {vi.deadlines.rule}: {vi.deadlines.rules[data.transitionRule] ?? data.transitionRule}
      </p>
      <div className="stats">
        <Stat
          label={vi.deadlines.overdue}
          value={num(s.overdue.files, 0)}
          sub={s.overdue.earliestDueYear ? vi.deadlines.earliest(s.overdue.earliestDueYear) : undefined}
          tone={s.overdue.files > 0 ? 'bad' : 'ok'}
        />
        <Stat label={vi.deadlines.dueThisYear} value={num(s.dueThisYear.files, 0)} tone={s.dueThisYear.files > 0 ? 'warn' : 'neutral'} />
        <Stat label={vi.deadlines.dueNextYear} value={num(s.dueNextYear.files, 0)} tone="info" />
        <Stat label={vi.deadlines.later} value={num(s.later.files, 0)} />
        <Stat label={vi.deadlines.pending} value={num(s.pendingDeclassification.files, 0)} />
        <Stat label={vi.deadlines.deposited} value={num(s.deposited.files, 0)} tone="ok" />
      </div>
      <DueFiles agencyId={data.agency.id} list="overdue" title={vi.deadlines.overdueFiles} linkHandovers={linkHandovers} version={data} />
      <DueFiles agencyId={data.agency.id} list="upcoming" title={vi.deadlines.upcoming} linkHandovers={linkHandovers} version={data} />
      <Section title={vi.deadlines.byYear}>
        <DataTable
          columns={YEAR_COLUMNS}
          rows={data.byYear}
          rowKey={(_, i) => i}
          rowClassName={(y) => (y.dueYear !== null && y.dueYear < data.currentYear ? 'row-bad' : undefined)}
          empty={vi.deadlines.noFiles}
          className="table-narrow"
        />
      </Section>
    </div>
  );
}
