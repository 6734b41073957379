import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime } from '../../format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Empty, Field, Loading, Section } from '../../components/ui.js';

const t = vi.circ;

/** The stacks' pull list: originals of approved read slips in walking order, each handed over from its row. */
export function PullListPage() {
  const list = useAsync(() => api.circ.pullList(), []);
  const action = useAction();
  const [receiver, setReceiver] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const rows = list.data?.items ?? [];
  const checkOut = async (lineId: number, notation: string) => {
    setDone(null);
    const r = await action.run(() => api.circ.checkOut({ lineId, receivedByName: receiver }));
    if (r) { setDone(t.checkedOut(notation)); list.reload(); }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.pullTitle}</h1>
        <button type="button" className="primary" disabled={action.busy} onClick={() => action.run(() => api.circ.pullListPdf())}>{t.pullPdf}</button>
      </div>
      <Section title={t.handOver}>
        <Field label={t.receivedBy}>
          <input value={receiver} maxLength={200} onChange={(e) => setReceiver(e.target.value)} data-testid="received-by" />
        </Field>
      </Section>
      {done && <div className="alert alert-ok" role="status">{done}</div>}
      <ErrorMessage error={action.error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : rows.length === 0 ? <Empty text={t.pullEmpty} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="pull-list">
            <thead><tr><th>{t.place}</th><th>{t.box}</th><th>{t.file}</th><th>{t.request}</th><th /></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.lineId}>
                  <td>{r.shelfLabel ?? t.notShelved}</td>
                  <td className="nowrap">{r.boxCode ?? '—'}</td>
                  <td><strong>{r.fileNotation}</strong> {r.title}</td>
                  <td className="small">{r.requestNo}/{r.requestYear} · {r.readerName} · {dateTime(r.dueAt)}</td>
                  <td>
                    <button type="button" disabled={action.busy || !receiver.trim()} onClick={() => checkOut(r.lineId, r.fileNotation)}>{t.checkOut}</button>
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
