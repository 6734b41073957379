import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date } from '../../format.js';
import type { Reader } from '../../types/reading-room.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Link } from '../../router.js';
import { Badge, Empty, FilterSelect, Loading, Pagination } from '../../components/ui.js';

const t = vi.rr;
const LIMIT = 50;

function Actions({ r, onDone }: { r: Reader; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  return (
    <div className="inline">
      {r.status === 'verified' && <Link to={`/reading-room/readers/${r.id}/new-request`}>{t.staffEntry}</Link>}
      {r.hasLetter && <button type="button" onClick={() => action.run(() => api.rr.letter(r.id))}>{t.letterDownload}</button>}
      {r.status === 'pending' && (
        <>
          <button type="button" className="primary" disabled={action.busy} onClick={async () => { if (await action.run(() => api.rr.verify(r.id))) onDone(); }}>{t.verify}</button>
          <input aria-label={t.rejectReason} placeholder={t.rejectReason} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          <button type="button" disabled={action.busy || !reason.trim()} onClick={async () => { if (await action.run(() => api.rr.reject(r.id, reason))) onDone(); }}>{t.reject}</button>
        </>
      )}
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** The reader register (sổ đăng ký độc giả): verify and issue cards, reject, export. */
export function ReadersPage() {
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useAsync(() => api.rr.readers({ status: status || undefined, q: q || undefined, limit: LIMIT, offset }), [status, q, offset]);
  const action = useAction();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.readersTitle}</h1>
        <button type="button" disabled={action.busy} onClick={() => action.run(() => api.rr.readersXlsx())}>{t.exportXlsx}</button>
      </div>
      <div className="filters">
        <FilterSelect label={t.filterStatus} value={status} options={t.readerStatus} onChange={(v) => { setStatus(v); setOffset(0); }} />
        <input aria-label={t.fullName} placeholder={t.fullName} value={q} maxLength={100} onChange={(e) => { setQ(e.target.value); setOffset(0); }} />
      </div>
      <ErrorMessage error={action.error ?? list.error} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty /> : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="readers">
              <thead><tr><th>{t.cardNo}</th><th>{t.fullName}</th><th>{t.idNo}</th><th>{t.organisation}</th><th>{t.purpose}</th><th>{t.filterStatus}</th><th /></tr></thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id} data-testid={`reader-${r.id}`}>
                    <td className="nowrap">{r.cardNo ?? '—'}{r.cardValidUntil && <div className="small muted">→ {date(r.cardValidUntil)}</div>}</td>
                    <td>{r.fullName}{r.username && <div className="small muted">{r.username}</div>}</td>
                    <td className="nowrap">{t.idKind[r.idDocumentKind]} {r.idDocumentNo}</td>
                    <td>{r.organisation ?? '—'}</td>
                    <td className="small">{r.purpose}</td>
                    <td><Badge tone={r.status === 'verified' ? 'ok' : r.status === 'rejected' ? 'bad' : 'warn'}>{t.readerStatus[r.status]}</Badge></td>
                    <td><Actions r={r} onDone={list.reload} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </div>
  );
}
