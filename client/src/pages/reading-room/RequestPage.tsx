import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime } from '../../format.js';
import type { AccessRequest } from '../../types/reading-room.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../../components/ui.js';
import { DecisionList, DueLine, StatusBadge } from './request-parts.js';

const t = vi.rr;

function Lines({ r, onChange }: { r: AccessRequest; onChange: () => void }) {
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const action = useAction();
  const open = ['submitted', 'needs_info', 'approved'].includes(r.status);
  return (
    <div className="table-wrap">
      <ErrorMessage error={action.error} />
      <table className="table" data-testid="request-lines">
        <thead><tr><th>{t.notation}</th><th>{t.title}</th><th>{t.pages}</th><th /></tr></thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.id}>
              <td className="nowrap">{l.fondsCode ? `${l.fondsCode} · ` : ''}<strong>{l.fileNotation}</strong></td>
              <td>{l.title} {l.restricted && <Badge tone="warn">{t.restricted}</Badge>}</td>
              <td>{l.pageFrom || l.pageTo ? `${l.pageFrom ?? ''}–${l.pageTo ?? ''}` : '—'}</td>
              <td>
                {l.serveAs === 'digital' ? t.serveDigital : t.serveOriginal}
                {l.overrideReason && <div className="small muted">{l.overrideReason}</div>}
                {open && l.serveAs === 'digital' && (
                  <div className="inline">
                    <input aria-label={t.overrideReason} placeholder={t.overrideReason} value={reasons[l.id] ?? ''} maxLength={1000} onChange={(e) => setReasons({ ...reasons, [l.id]: e.target.value })} />
                    <button type="button" disabled={action.busy || !(reasons[l.id] ?? '').trim()} onClick={async () => { if (await action.run(() => api.rr.serveAs(r.id, l.id, { serveAs: 'original', reason: reasons[l.id] }))) onChange(); }}>{t.serveOriginalOverride}</button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One slip for staff: its files, deadline, every decision, and the decision buttons of the level it waits for. */
export function RequestPage({ id }: { id: number }) {
  const req = useAsync(() => api.rr.request(id), [id]);
  const action = useAction();
  const [reason, setReason] = useState('');
  const r = req.data;
  const decide = async (decision: 'approve' | 'refuse' | 'ask_info') => {
    if (await action.run(() => api.rr.decide(id, { decision, reason: reason || null }))) { setReason(''); req.reload(); }
  };
  if (!r) return <div className="page"><ErrorMessage error={req.error} />{!req.error && <Loading />}</div>;
  const open = r.status === 'submitted' || r.status === 'needs_info';
  return (
    <div className="page">
      <div className="page-head"><h1>{t.requestTitle(r.number)}</h1><StatusBadge status={r.status} /></div>
      <Section title={`${t.kind[r.kind]} · ${r.readerName}${r.readerCardNo ? ` (${r.readerCardNo})` : ''}`}>
        <p className="small">{t.submittedAt}: {dateTime(r.submittedAt)} · {t.channel[r.channel]}{r.createdByName ? ` · ${r.createdByName}` : ''}</p>
        <p><DueLine r={r} /></p>
        {r.purpose && <p className="small">{t.purpose}: {r.purpose}</p>}
        {r.restricted && <p className="small"><Badge tone="warn">{t.restricted}</Badge> {t.restrictedNote}</p>}
        {r.approvalLevel && <p data-testid="approval-level">{t.awaiting}: <strong>{t.level[r.approvalLevel]}</strong></p>}
      </Section>
      <Section title={t.linesTitle}><Lines r={r} onChange={req.reload} /></Section>
      <Section title={t.decisions}>
        <DecisionList r={r} />
        {open && (
          <>
            <Field label={t.reason}><textarea value={reason} maxLength={2000} rows={2} onChange={(e) => setReason(e.target.value)} /></Field>
            <div className="inline">
              <button type="button" className="primary" disabled={action.busy || r.status === 'needs_info'} onClick={() => decide('approve')}>{t.approve}</button>
              <button type="button" disabled={action.busy || !reason.trim()} onClick={() => decide('ask_info')}>{t.askInfo}</button>
              <button type="button" disabled={action.busy || !reason.trim()} onClick={() => decide('refuse')}>{t.refuse}</button>
            </div>
          </>
        )}
        <ErrorMessage error={action.error} />
      </Section>
    </div>
  );
}
