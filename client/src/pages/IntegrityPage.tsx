/** Integrity of the digital holdings: fixity of masters and deposited PDF/A files (runs, flagged ones), the orphan sweep and background jobs. */
import { useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { dateTime, num } from '../format.js';
import { Link } from '../router.js';
import type { AuditEvent, FixityReport } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Badge, Loading, Section, Stat } from '../components/ui.js';

const g = vi.integrity;
type Problem = FixityReport['problems'][number];

const PROBLEM_COLUMNS: Column<Problem>[] = [
  { header: g.master, cell: (p) => p.originalName },
  { header: g.file, cell: (p) => <Link to={`/digitization/files/${p.recordFileId}`}>{g.fileNo(p.recordFileId)}</Link> },
  { header: g.status, cell: (p) => <Badge tone="bad">{vi.dig.fixityStatus[p.status]}</Badge> },
  { header: g.checkedAt, cell: (p) => dateTime(p.checkedAt), className: 'nowrap' },
];

type DepositProblem = FixityReport['depositProblems'][number];
const DEPOSIT_COLUMNS: Column<DepositProblem>[] = [
  { header: g.depositFile, cell: (p) => p.path },
  { header: g.file, cell: (p) => <Link to={`/digitization/files/${p.recordFileId}`}>{g.fileNo(p.recordFileId)}</Link> },
  { header: g.depositDetail, cell: (p) => p.detail },
  { header: g.checkedAt, cell: (p) => dateTime(p.checkedAt), className: 'nowrap' },
];

const resultOf = (e: AuditEvent) => String((e.data as { result?: string } | null)?.result ?? '');
const CHECK_COLUMNS: Column<AuditEvent>[] = [
  { header: g.checkedAt, cell: (e) => dateTime(e.at), className: 'nowrap' },
  { header: g.master, cell: (e) => g.masterNo(e.entityId) },
  { header: g.status, cell: (e) => <Badge tone={resultOf(e) === 'ok' ? 'ok' : 'bad'}>{vi.dig.fixityStatus[resultOf(e)] ?? '—'}</Badge> },
];

export function IntegrityPage() {
  const { user } = useSession();
  const report = useAsync(() => api.integrity.fixity(), []);
  const checks = useAsync(() => api.audit.events({ action: 'fixity.checked', limit: 20 }), []);
  const jobs = useAsync(() => api.integrity.jobs(), []);
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const start = async (what: 'fixity' | 'orphans' | 'reenqueue') => {
    setNotice(null);
    const r = await action.run(() => (what === 'fixity' ? api.integrity.runFixity() : what === 'orphans' ? api.integrity.sweepOrphans() : api.integrity.reenqueue()));
    if (r) {
      setNotice(r.jobId ? g.started[what] : g.alreadyQueued);
      jobs.reload();
    }
  };
  const refresh = () => {
    report.reload();
    checks.reload();
    jobs.reload();
  };
  const d = report.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{g.title}</h1>
        <button type="button" onClick={refresh}>{g.refresh}</button>
      </div>
      <Section
        title={g.fixity}
        actions={<button type="button" className="primary" disabled={action.busy} onClick={() => start('fixity')}>{g.runFixity}</button>}
      >
        <p className="muted small">{g.fixityHint}</p>
        {report.loading && !d ? <Loading /> : <ErrorMessage error={report.error} />}
        {d && (
          <>
            <div className="stats" data-testid="fixity-counts">
              <Stat label={vi.dig.fixityStatus.ok} value={num(d.counts.ok, 0)} tone="ok" />
              <Stat label={vi.dig.fixityStatus.unchecked} value={num(d.counts.unchecked, 0)} />
              <Stat label={g.corrupt} value={num(d.counts.corrupt, 0)} tone={d.counts.corrupt ? 'bad' : 'neutral'} />
              <Stat label={g.missing} value={num(d.counts.missing, 0)} tone={d.counts.missing ? 'bad' : 'neutral'} />
            </div>
            <p className="muted">{g.lastChecked}: {dateTime(d.lastCheckedAt)}</p>
            <h3>{g.flagged}</h3>
            <DataTable columns={PROBLEM_COLUMNS} rows={d.problems} rowKey={(p) => p.masterId} empty={g.noProblems} testId="fixity-problems" />
            <h3>{g.depositFlagged}</h3>
            <DataTable columns={DEPOSIT_COLUMNS} rows={d.depositProblems} rowKey={(p) => p.depositFileId} empty={g.noDepositProblems} testId="fixity-deposit-problems" />
          </>
        )}
      </Section>
      <Section title={g.recentChecks}>
        {checks.loading && !checks.data ? <Loading /> : <ErrorMessage error={checks.error} />}
        {checks.data && <DataTable columns={CHECK_COLUMNS} rows={checks.data} rowKey={(e) => e.id} empty={g.noChecks} testId="fixity-checks" />}
      </Section>
      <Section title={g.orphans}>
        <p className="muted small">{g.orphansHint}</p>
        <div className="inline">
          {user.role === 'admin' && <button type="button" disabled={action.busy} onClick={() => start('orphans')}>{g.sweepOrphans}</button>}
          <button type="button" disabled={action.busy} onClick={() => start('reenqueue')}>{g.reenqueue}</button>
        </div>
      </Section>
      {notice && <div className="alert alert-ok" role="status">{notice}</div>}
      <ErrorMessage error={action.error} />
      <Section title={g.jobs}>
        {jobs.loading && !jobs.data ? <Loading /> : <ErrorMessage error={jobs.error} />}
        {jobs.data && (
          <DataTable
            columns={[
              { header: g.jobName, cell: (j) => g.jobNames[j.name] ?? g.otherJob },
              { header: g.queued, cell: (j) => num(j.queued, 0), align: 'right' },
              { header: g.active, cell: (j) => num(j.active, 0), align: 'right' },
              { header: g.failed, cell: (j) => num(j.failed, 0), align: 'right' },
            ]}
            rows={jobs.data.items}
            rowKey={(j) => j.name}
          />
        )}
      </Section>
    </div>
  );
}
