import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime } from '../../format.js';
import type { PendingAccessRequest } from '../../types/reading-room-circulation.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Loading, Section } from '../../components/ui.js';

const t = vi.circ;

function Decide({ r, onDone }: { r: PendingAccessRequest; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const decide = async (decision: 'approve' | 'refuse') => {
    if (await action.run(() => api.circ.decideAccess(r.id, { decision, reason: reason || null }))) onDone();
  };
  return (
    <div className="inline">
      <button type="button" className="primary" disabled={action.busy} onClick={() => decide('approve')}>{t.approve}</button>
      <input aria-label={t.refuseReason} placeholder={t.refuseReason} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <button type="button" disabled={action.busy || !reason.trim()} onClick={() => decide('refuse')}>{t.refuse}</button>
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** Access to restricted files: the pending access requests to decide, and every grant with its expiry. */
export function AccessGrantsPage() {
  const pending = useAsync(() => api.circ.pendingAccess(), []);
  const grants = useAsync(() => api.circ.grants(), []);
  const action = useAction();
  const reload = () => { pending.reload(); grants.reload(); };
  return (
    <div className="page">
      <div className="page-head"><h1>{t.grantsTitle}</h1></div>
      <Section title={t.pendingTitle}>
        <ErrorMessage error={pending.error} />
        {!pending.data ? <Loading /> : pending.data.items.length === 0 ? <Empty text={t.pendingEmpty} /> : (
          <div className="table-wrap">
            <table className="table" data-testid="pending-access">
              <thead><tr><th>{t.request}</th><th>{t.file}</th><th>{t.purpose}</th><th>{t.due}</th><th /></tr></thead>
              <tbody>
                {pending.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{r.requestNo}/{r.requestYear} · {r.readerName}</td>
                    <td><strong>{r.fileNotation}</strong> {r.fileTitle}</td>
                    <td className="small">{r.purpose ?? '—'}</td>
                    <td className="nowrap">{dateTime(r.dueAt)}</td>
                    <td><Decide r={r} onDone={reload} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={t.grantsList}>
        <ErrorMessage error={action.error ?? grants.error} />
        {!grants.data ? <Loading /> : grants.data.length === 0 ? <Empty text={t.grantsEmpty} /> : (
          <div className="table-wrap">
            <table className="table" data-testid="grants">
              <thead><tr><th>{t.reader}</th><th>{t.file}</th><th>{t.expiresOn}</th><th /></tr></thead>
              <tbody>
                {grants.data.map((g) => (
                  <tr key={g.id} className={g.active ? undefined : 'row-muted'}>
                    <td>{g.userDisplayName} <span className="small muted">({g.username})</span></td>
                    <td><strong>{g.fileNotation}</strong> {g.fileTitle}</td>
                    <td className="nowrap">{g.expiresOn ? date(g.expiresOn) : t.noExpiry} <Badge tone={g.active ? 'ok' : 'neutral'}>{g.active ? t.active : t.expired}</Badge></td>
                    <td><button type="button" disabled={action.busy} onClick={async () => { await action.run(() => api.circ.revokeGrant(g.id)); grants.reload(); }}>{t.revoke}</button></td>
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
