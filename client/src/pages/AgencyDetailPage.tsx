import { useState } from 'react';
import { api } from '../api.js';
import { isStaff, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, yearSpan } from '../format.js';
import { Link } from '../router.js';
import type { Fonds, User } from '../types.js';
import { DeadlinesView } from '../components/DeadlinesView.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadButton } from '../components/DownloadButton.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { RegisterImport } from '../components/RegisterImport.js';
import { RemindersList } from '../components/RemindersList.js';
import { AgencyInfoSection, FondsSection } from '../components/RegisterEditForms.js';
import { AgencyStatusBadge, Badge, Loading, Section } from '../components/ui.js';

const FONDS_COLUMNS: Column<Fonds>[] = [
  { header: vi.agency.fondsCode, cell: (f) => f.code, className: 'nowrap' },
  { header: vi.agency.fondsName, cell: (f) => f.name },
  { header: vi.agency.fondsKind, cell: (f) => vi.fondsKind[f.kind] ?? f.kind },
  {
    header: vi.agencies.status,
    cell: (f) => <Badge tone={f.status === 'open' ? 'ok' : 'neutral'}>{vi.fondsStatus[f.status] ?? f.status}</Badge>,
  },
  { header: vi.agency.years, cell: (f) => yearSpan(f.startYear, f.endYear) },
  {
    header: 'EAD3',
    cell: (f) => <DownloadButton label={vi.agency.downloadEad3} title={vi.agency.downloadEad3Hint} download={() => api.fonds.ead3(f.id)} />,
  },
];

function Deadlines({ agencyId, user }: { agencyId: number; user: User }) {
  const r = useAsync(() => api.agencies.deadlines(agencyId), [agencyId]);
  const [showImport, setShowImport] = useState(false);
  return (
    <Section
      title={vi.agency.deadlines}
      actions={
        <button type="button" onClick={() => setShowImport((s) => !s)}>
          {vi.agency.registerImport}
        </button>
      }
    >
      {showImport && <RegisterImport agencyId={agencyId} onDone={r.reload} />}
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && <DeadlinesView data={r.data} linkHandovers={user.role !== 'researcher'} />}
    </Section>
  );
}

export function AgencyDetailPage({ id }: { id: number }) {
  const { user } = useSession();
  // The server decides what an agency account may see (403 with its reason for other agencies).
  const r = useAsync(() => api.agencies.get(id), [id]);
  if (r.loading && !r.data) return <Loading />;
  if (r.error || !r.data) return <ErrorMessage error={r.error} />;
  const a = r.data;
  const showDeadlines = user.role !== 'researcher';
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {a.name} <span className="muted">({a.code})</span>
        </h1>
        <AgencyStatusBadge status={a.status} />
        <DownloadButton label={vi.agency.downloadEacCpf} title={vi.agency.downloadEacCpfHint} download={() => api.interop.agencyEacCpf(a.id)} />
      </div>
      <AgencyInfoSection agency={a} canEdit={isStaff(user)} onSaved={r.reload}>
        <dl className="facts">
          <dt>{vi.agencies.level}</dt>
          <dd>{vi.levels[a.level] ?? a.level}</dd>
          <dt>{vi.agencies.parent}</dt>
          <dd>{a.parentId ? <Link to={`/agencies/${a.parentId}`}>{a.parentName ?? '#' + a.parentId}</Link> : '—'}</dd>
          <dt>{vi.agencies.successor}</dt>
          <dd>{a.successorId ? <Link to={`/agencies/${a.successorId}`}>{a.successorName ?? '#' + a.successorId}</Link> : '—'}</dd>
          <dt>{vi.agencies.statusDate}</dt>
          <dd>{date(a.statusDate)}</dd>
          <dt>{vi.agencies.decision}</dt>
          <dd>{a.listingDecision || '—'}</dd>
          <dt>{vi.agencies.address}</dt>
          <dd>{a.address || '—'}</dd>
          <dt>{vi.common.notes}</dt>
          <dd>{a.notes || '—'}</dd>
        </dl>
      </AgencyInfoSection>
      <FondsSection agency={a} canEdit={isStaff(user)} onSaved={r.reload} columns={FONDS_COLUMNS} />
      {(a.children.length > 0 || a.predecessors.length > 0) && (
        <div className="grid-2">
          {a.children.length > 0 && (
            <Section title={vi.agency.children}>
              <ul className="plain-list">
                {a.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/agencies/${c.id}`}>{c.code} — {c.name}</Link>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {a.predecessors.length > 0 && (
            <Section title={vi.agency.predecessors}>
              <ul className="plain-list">
                {a.predecessors.map((c) => (
                  <li key={c.id}>
                    <Link to={`/agencies/${c.id}`}>{c.code} — {c.name}</Link> {c.status && <AgencyStatusBadge status={c.status} />}
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      )}
      {showDeadlines && <Deadlines agencyId={a.id} user={user} />}
      {showDeadlines && <RemindersList agencyId={a.id} staff={isStaff(user)} />}
    </div>
  );
}
