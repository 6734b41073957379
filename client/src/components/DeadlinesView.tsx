import { vi } from '../i18n/vi.js';
import { num } from '../format.js';
import { Link } from '../router.js';
import type { AgencyDeadlines, RecordFileDue } from '../types.js';
import { DataTable, type Column } from './DataTable.js';
import { DueStatusBadge, Section, Stat } from './ui.js';

type YearCount = AgencyDeadlines['byYear'][number];

const YEAR_COLUMNS: Column<YearCount>[] = [
  { header: vi.deadlines.dueYear, cell: (y) => y.dueYear ?? '—', align: 'right' },
  { header: vi.common.files, cell: (y) => num(y.files, 0), align: 'right' },
  { header: vi.deadlines.ruleApplied, cell: (y) => vi.dueRules[y.rule] ?? y.rule, className: 'small' },
];

function FilesTable({ files, linkHandovers }: { files: RecordFileDue[]; linkHandovers: boolean }) {
  const columns: Column<RecordFileDue>[] = [
    {
      header: vi.deadlines.fileNotation,
      cell: (f) => (linkHandovers && f.handoverId ? <Link to={`/handovers/${f.handoverId}`}>{f.fileNotation}</Link> : f.fileNotation),
      className: 'nowrap',
    },
    { header: vi.deadlines.fileTitle, cell: (f) => f.title },
    { header: vi.deadlines.endYear, cell: (f) => f.endYear, align: 'right' },
    { header: vi.deadlines.dueYear, cell: (f) => f.dueYear ?? '—', align: 'right' },
    { header: vi.deadlines.ruleApplied, cell: (f) => f.dueRuleLabel, className: 'small' },
    { header: vi.agencies.status, cell: (f) => <DueStatusBadge status={f.status} /> },
  ];
  return <DataTable columns={columns} rows={files} rowKey={(f) => f.id} empty={vi.deadlines.noFiles} />;
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
      <Section title={vi.deadlines.overdueFiles}>
        <FilesTable files={data.overdueFiles} linkHandovers={linkHandovers} />
      </Section>
      <Section title={vi.deadlines.upcoming}>
        <FilesTable files={data.upcoming} linkHandovers={linkHandovers} />
      </Section>
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
