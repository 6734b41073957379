import { vi } from '../i18n/vi.js';
import { num } from '../format.js';
import { Link } from '../router.js';
import type { AgencyDeadlines, RecordFileDue } from '../types.js';
import { DueStatusBadge, Empty, Section, Stat } from './ui.js';

function FilesTable({ files, linkHandovers }: { files: RecordFileDue[]; linkHandovers: boolean }) {
  if (files.length === 0) return <Empty text={vi.deadlines.noFiles} />;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{vi.deadlines.fileNotation}</th>
            <th>{vi.deadlines.fileTitle}</th>
            <th className="num">{vi.deadlines.endYear}</th>
            <th className="num">{vi.deadlines.dueYear}</th>
            <th>{vi.deadlines.ruleApplied}</th>
            <th>{vi.agencies.status}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id}>
              <td className="nowrap">
                {linkHandovers && f.handoverId ? <Link to={`/handovers/${f.handoverId}`}>{f.fileNotation}</Link> : f.fileNotation}
              </td>
              <td>{f.title}</td>
              <td className="num">{f.endYear}</td>
              <td className="num">{f.dueYear ?? '—'}</td>
              <td className="small">{f.dueRuleLabel}</td>
              <td>
                <DueStatusBadge status={f.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
      <Section title={vi.deadlines.overdueFiles}>
        <FilesTable files={data.overdueFiles} linkHandovers={linkHandovers} />
      </Section>
      <Section title={vi.deadlines.upcoming}>
        <FilesTable files={data.upcoming} linkHandovers={linkHandovers} />
      </Section>
      <Section title={vi.deadlines.byYear}>
        {data.byYear.length === 0 ? (
          <Empty text={vi.deadlines.noFiles} />
        ) : (
          <div className="table-wrap">
            <table className="table table-narrow">
              <thead>
                <tr>
                  <th className="num">{vi.deadlines.dueYear}</th>
                  <th className="num">{vi.common.files}</th>
                  <th>{vi.deadlines.ruleApplied}</th>
                </tr>
              </thead>
              <tbody>
                {data.byYear.map((y, i) => (
                  <tr key={i} className={y.dueYear !== null && y.dueYear < data.currentYear ? 'row-bad' : undefined}>
                    <td className="num">{y.dueYear ?? '—'}</td>
                    <td className="num">{num(y.files, 0)}</td>
                    <td className="small">{vi.dueRules[y.rule] ?? y.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
