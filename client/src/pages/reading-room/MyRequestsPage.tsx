import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime } from '../../format.js';
import type { AccessRequest } from '../../types/reading-room.js';
import { useSearch } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Empty, Field, Loading, Section } from '../../components/ui.js';
import { DecisionList, DueLine, LineList, StatusBadge } from './request-parts.js';
import { MyCopyOrdersSection } from './MyCopyOrdersPage.js';

const t = vi.rr;

function RequestCard({ r, onChange }: { r: AccessRequest; onChange: () => void }) {
  const [reply, setReply] = useState('');
  const action = useAction();
  return (
    <section className="card" data-testid={`my-request-${r.number}`}>
      <header className="card-head">
        <h2>{t.number} {r.number} · {t.kind[r.kind]}</h2>
        <div className="card-actions"><StatusBadge status={r.status} /></div>
      </header>
      <p className="small">{t.submittedAt}: {dateTime(r.submittedAt)} · {t.channel[r.channel]}</p>
      <p className="small"><DueLine r={r} /></p>
      {r.approvalLevel && <p className="small">{t.awaiting}: {t.level[r.approvalLevel]}</p>}
      <LineList r={r} />
      <h3 className="small">{t.decisions}</h3>
      <DecisionList r={r} />
      <ErrorMessage error={action.error} />
      {r.status === 'needs_info' && (
        <div className="inline">
          <input aria-label={t.replyPlaceholder} placeholder={t.replyPlaceholder} value={reply} maxLength={2000} onChange={(e) => setReply(e.target.value)} />
          <button type="button" className="primary" disabled={action.busy || !reply.trim()} onClick={async () => { if (await action.run(() => api.rr.reply(r.id, reply))) onChange(); }}>{t.reply}</button>
        </div>
      )}
      {(r.status === 'submitted' || r.status === 'needs_info') && (
        <button type="button" disabled={action.busy} onClick={async () => { if (await action.run(() => api.rr.cancel(r.id))) onChange(); }}>{t.cancel}</button>
      )}
    </section>
  );
}

/** One page for the reader (works on a phone): their card, every slip with its status, deadline and decisions. */
export function MyRequestsPage() {
  const me = useAsync(() => api.rr.me(), []);
  const list = useAsync(() => api.rr.myRequests(), []);
  const action = useAction();
  const submitted = useSearch().get('submitted');
  const reader = me.data;
  return (
    <div className="page">
      <div className="page-head"><h1>{t.mineTitle}</h1></div>
      {submitted && <div className="alert alert-ok" role="status">{t.submitted(submitted)}</div>}
      <ErrorMessage error={me.error ?? list.error ?? action.error} />
      {reader && (
        <Section title={t.myCard}>
          <p data-testid="my-card">
            <strong>{reader.fullName}</strong> · {t.readerStatus[reader.status]}
            {reader.cardNo && <> · {t.cardNo} <strong>{reader.cardNo}</strong> · {t.cardValid} {date(reader.cardValidFrom)} – {date(reader.cardValidUntil)}</>}
          </p>
          {reader.status === 'pending' && <p className="muted small">{t.pendingNote}</p>}
          {reader.status === 'rejected' && <p className="small">{t.rejectedNote(reader.statusReason)}</p>}
          {reader.status === 'pending' && (
            <Field label={t.letterUpload}>
              <input type="file" accept=".pdf,.jpg,.jpeg,.png" onChange={async (e) => { const f = e.target.files?.[0]; if (f && (await action.run(() => api.rr.uploadMyLetter(f)))) me.reload(); }} />
            </Field>
          )}
          {reader.hasLetter && <p className="small muted">{t.letterUploaded} ({reader.letterName})</p>}
        </Section>
      )}
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty text={t.mineEmpty} /> : (
        list.data.items.map((r) => <RequestCard key={r.id} r={r} onChange={list.reload} />)
      )}
      <MyCopyOrdersSection />
    </div>
  );
}
