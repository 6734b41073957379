/**
 * Reminder letters an agency has received: on its own page as notices, on the agency page as the staff's history,
 * where staff also record when the signed letter left the centre.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, num, todayIso } from '../format.js';
import type { DispatchChannel, Reminder } from '../types.js';
import { DataTable, type Column } from './DataTable.js';
import { DateInput } from './DateInput.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Field, Loading, Section } from './ui.js';

function Downloads({ r }: { r: Reminder }) {
  const action = useAction();
  return (
    <span className="nowrap">
      <button type="button" className="text-link" onClick={() => action.run(() => api.reminders.letter(r.id))}>{vi.reminders.letter}</button>{' · '}
      <button type="button" className="text-link" onClick={() => action.run(() => api.reminders.attached(r.id))}>{vi.reminders.attached}</button>
      <ErrorMessage error={action.error} />
    </span>
  );
}

function DispatchForm({ r, onDone }: { r: Reminder; onDone: () => void }) {
  const [f, setF] = useState({ dispatchedOn: todayIso(), channel: 'post' as DispatchChannel, number: r.number ? String(r.number) : '' });
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() => api.reminders.dispatch(r.id, { dispatchedOn: f.dispatchedOn, channel: f.channel, number: f.number ? Number(f.number) : null }));
    if (done) onDone();
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={vi.reminders.recordDispatch}>
      <Field label={vi.reminders.dispatchedOn}><DateInput value={f.dispatchedOn} required onChange={(v) => setF({ ...f, dispatchedOn: v })} /></Field>
      <Field label={vi.reminders.channel}>
        <select value={f.channel} onChange={(e) => setF({ ...f, channel: e.target.value as DispatchChannel })}>
          {Object.entries(vi.reminders.channels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
      </Field>
      <Field label={vi.reminders.number}>
        <input type="number" min={1} disabled={r.number !== null} value={f.number} onChange={(e) => setF({ ...f, number: e.target.value })} />
      </Field>
      <div className="form-actions">
        <ErrorMessage error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>{vi.reminders.save}</button>
      </div>
    </form>
  );
}

export function RemindersList(props: { agencyId?: number; staff: boolean }) {
  const r = useAsync(() => (props.agencyId === undefined ? api.reminders.mine() : api.reminders.ofAgency(props.agencyId)), [props.agencyId]);
  const [dispatching, setDispatching] = useState<number | null>(null);
  const columns: Column<Reminder>[] = [
    { header: vi.reminders.reference, cell: (x) => x.reference, className: 'nowrap strong' },
    { header: vi.reminders.issuedOn, cell: (x) => date(x.issuedOn), className: 'nowrap' },
    { header: vi.reminders.overdueFiles, cell: (x) => num(x.overdueFiles, 0), align: 'right' },
    { header: vi.reminders.earliest, cell: (x) => x.earliestDueYear, align: 'right' },
    { header: vi.reminders.replyByShort, cell: (x) => date(x.replyBy), className: 'nowrap' },
    {
      header: vi.reminders.dispatched,
      cell: (x) =>
        x.dispatchedOn ? `${date(x.dispatchedOn)} · ${vi.reminders.channels[x.dispatchChannel!] ?? x.dispatchChannel}`
        : props.staff ? <button type="button" className="text-link" onClick={() => setDispatching(x.id)}>{vi.reminders.recordDispatch}</button>
        : vi.reminders.notDispatched,
    },
    { header: '', cell: (x) => <Downloads r={x} /> },
  ];
  const target = r.data?.items.find((x) => x.id === dispatching);
  // An agency that was never reminded needs no empty box on its home page; staff see the empty history.
  if (!props.staff && r.data?.items.length === 0) return null;
  return (
    <Section title={props.staff ? vi.reminders.history : vi.reminders.received}>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {!props.staff && r.data && r.data.items.length > 0 && (
        <div className="alert alert-warn" role="status" data-testid="reminder-notice">
          {vi.reminders.notice(r.data.items[0].reference, date(r.data.items[0].issuedOn), r.data.items[0].overdueFiles, date(r.data.items[0].replyBy))}
        </div>
      )}
      {r.data && <DataTable columns={columns} rows={r.data.items} rowKey={(x) => x.id} empty={vi.reminders.none} testId="reminders-table" />}
      {target && <DispatchForm r={target} onDone={() => { setDispatching(null); r.reload(); }} />}
    </Section>
  );
}
