import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime } from '../../format.js';
import type { Loan } from '../../types/reading-room-circulation.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, FilterSelect, Loading } from '../../components/ui.js';

const t = vi.circ;

/** One loan still out: check-in with the condition found. */
function CheckIn({ loan, onDone }: { loan: Loan; onDone: () => void }) {
  const [code, setCode] = useState('01');
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <div className="inline">
      <select aria-label={t.condition} value={code} onChange={(e) => setCode(e.target.value)}>
        {Object.entries(t.conditions).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </select>
      <input aria-label={t.conditionNote} placeholder={t.conditionNote} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      <button type="button" disabled={action.busy} onClick={async () => {
        if (await action.run(() => api.circ.checkIn(loan.id, { conditionCode: code, conditionNote: note || null }))) onDone();
      }}>{t.checkIn}</button>
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** The Sổ giao nhận: files out in the reading room, overdue, waiting to go back on the shelf. */
export function CirculationDeskPage() {
  const [state, setState] = useState('out');
  const loans = useAsync(() => api.circ.loans(state), [state]);
  const action = useAction();
  const rows = loans.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.deskTitle}</h1>
        <FilterSelect label={t.status} value={state} options={t.states} onChange={setState} />
      </div>
      <ErrorMessage error={action.error ?? loans.error} />
      {loans.loading && !loans.data ? <Loading /> : rows.length === 0 ? <Empty text={t.loansEmpty} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="loans">
            <thead><tr><th>{t.file}</th><th>{t.reader}</th><th>{t.handedOver}</th><th>{t.dueOn}</th><th>{t.condition}</th></tr></thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} className={l.overdue ? 'row-bad' : undefined}>
                  <td><strong>{l.fileNotation}</strong> {l.title}<div className="small muted">{l.shelfLabel ?? t.notShelved}</div></td>
                  <td>{l.readerName}<div className="small muted">{t.request} {l.requestNo}/{l.requestYear}</div></td>
                  <td className="small">{l.handedOverByName} → {l.receivedByName}<div>{dateTime(l.checkedOutAt)}</div></td>
                  <td className="nowrap">{date(l.dueOn)} {l.overdue && <Badge tone="bad">{t.overdue}</Badge>}</td>
                  <td>
                    {!l.checkedInAt ? <CheckIn loan={l} onDone={loans.reload} /> : (
                      <div className="small">
                        {t.conditions[l.conditionCode ?? ''] ?? l.conditionCode} · {t.returnedAt} {dateTime(l.checkedInAt)}
                        {l.conditionNote && <div>{l.conditionNote}</div>}
                        {!l.reshelvedAt && (
                          <button type="button" disabled={action.busy} onClick={async () => { if (await action.run(() => api.circ.reshelve(l.id))) loans.reload(); }}>{t.reshelve}</button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
