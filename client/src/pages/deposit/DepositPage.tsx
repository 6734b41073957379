/**
 * Nộp lưu tài liệu số: an agency (or staff on its behalf) uploads a SIP; a refusal lists every problem by file and
 * field, an accepted package shows its handover (submitted for appraisal) and its files.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.js';
import { depositApi, type Deposit, type DepositProblem } from '../../api/deposit.js';
import { isStaff, useAction, useAsync, useSession } from '../../hooks.js';
import { deposit as i18n } from '../../i18n/deposit.js';
import { Link } from '../../router.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Section } from '../../components/ui.js';

const t = i18n.dep;

function problemsOf(error: unknown): DepositProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'DEPOSIT_REJECTED') return null;
  const p = (error.details as { problems?: DepositProblem[] } | undefined)?.problems;
  return Array.isArray(p) ? p : null;
}

const problemColumns: Column<DepositProblem>[] = [
  { header: t.colFile, cell: (p) => (p.file ? <code>{p.file}</code> : <span className="muted">{t.wholePackage}</span>), className: 'nowrap' },
  { header: t.colField, cell: (p) => p.field ?? '—' },
  { header: t.colMessage, cell: (p) => p.message },
  { header: t.colCode, cell: (p) => <code className="small">{p.code}</code>, className: 'nowrap' },
];

const fileColumns: Column<Deposit['files'][number]>[] = [
  { header: t.colRow, cell: (f) => f.rowNo, align: 'right' },
  { header: t.colNotation, cell: (f) => f.fileNotation, className: 'nowrap' },
  { header: t.colTitle, cell: (f) => f.title },
  { header: t.colPages, cell: (f) => f.pages, align: 'right' },
  { header: t.colSha, cell: (f) => <code className="small" title={f.sha256}>{f.sha256.slice(0, 12)}…</code> },
];

export function DepositPage() {
  const { user } = useSession();
  const staff = isStaff(user);
  const agencies = useAsync(() => (staff ? api.agencies.list({ limit: 500 }) : Promise.resolve({ items: [], total: 0 })), [staff]);
  const [agencyId, setAgencyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [accepted, setAccepted] = useState<Deposit | null>(null);
  const action = useAction();
  const record = useAction();
  const problems = problemsOf(action.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setAccepted(null);
    setProgress(0);
    const done = await action.run(() =>
      depositApi.deposits.upload(file, { agencyId: staff && agencyId ? Number(agencyId) : undefined }, (sent, total) =>
        setProgress(total ? Math.round((sent / total) * 100) : 0)).promise);
    setProgress(null);
    if (done) setAccepted(done);
  };

  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <Section title={t.submit}>
        <form onSubmit={submit} className="form-grid" data-testid="deposit-form">
          {staff && (
            <Field label={t.agency}>
              <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)} required data-testid="deposit-agency">
                <option value="">{t.chooseAgency}</option>
                {(agencies.data?.items ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </Field>
          )}
          <Field label={t.file}>
            <input type="file" accept=".zip,application/zip" required data-testid="deposit-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!file || action.busy} data-testid="deposit-submit">{t.submit}</button>
            {action.busy && <span className="muted" role="status">{progress !== null && progress < 100 ? t.uploading(progress) : t.checking}</span>}
          </div>
        </form>
      </Section>

      {problems ? (
        <Section title={t.rejected}>
          <div className="alert alert-error" role="alert" data-testid="deposit-rejected">{(action.error as ApiError).message}</div>
          <DataTable columns={problemColumns} rows={problems} rowKey={(_, i) => i} testId="deposit-problems" />
        </Section>
      ) : (
        <ErrorMessage error={action.error} />
      )}

      {accepted && (
        <Section title={t.summary(accepted.files.length, accepted.pages)}>
          <div className="alert alert-ok" role="status" data-testid="deposit-accepted">
            {t.accepted(accepted.handoverId)}{' '}
            <Link to={`/handovers/${accepted.handoverId}`}>{t.openHandover}</Link>
          </div>
          <p>
            <button type="button" onClick={() => record.run(() => depositApi.deposits.record(accepted))} data-testid="deposit-record">{t.record}</button>
          </p>
          <ErrorMessage error={record.error} />
          <DataTable columns={fileColumns} rows={accepted.files} rowKey={(f) => f.recordFileId} testId="deposit-files" />
        </Section>
      )}
    </div>
  );
}
