import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, dateTime } from '../format.js';
import { Link } from '../router.js';
import type { PlanAgency, PlanAgencyStatus } from '../types.js';
import { AgencyPicker } from '../components/AgencyPicker.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../components/ui.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const STATUSES: PlanAgencyStatus[] = ['planned', 'inventory_submitted', 'appraised', 'approved', 'received'];

function AgencyRow({ planId, a, onChanged }: { planId: number; a: PlanAgency; onChanged: () => void }) {
  const action = useAction();
  const update = (patch: { scheduledMonth?: number; status?: PlanAgencyStatus }) =>
    action.run(() => api.plans.updateAgency(planId, a.agencyId, patch)).then((r) => r !== undefined && onChanged());
  return (
    <tr className={a.late ? 'row-bad' : undefined}>
      <td className="nowrap">{a.agencyCode}</td>
      <td>
        <Link to={`/agencies/${a.agencyId}`}>{a.agencyName}</Link>
        {action.error ? <ErrorMessage error={action.error} /> : null}
      </td>
      <td>
        <select aria-label={vi.plans.month} value={a.scheduledMonth} disabled={action.busy} onChange={(e) => update({ scheduledMonth: Number(e.target.value) })}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>{vi.plans.monthLabel(m)}</option>
          ))}
        </select>
      </td>
      <td>
        <div className="inline">
          <select
            aria-label={vi.agencies.status}
            value={a.status}
            disabled={action.busy}
            onChange={(e) => update({ status: e.target.value as PlanAgencyStatus })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>{vi.planStatus[s]}</option>
            ))}
          </select>
        </div>
      </td>
      <td>{a.late ? <Badge tone="bad">{vi.plans.lateDays(a.lateDays)}</Badge> : a.status === 'received' ? '' : <Badge tone="ok">{vi.plans.onTime}</Badge>}</td>
      <td className="small">{dateTime(a.statusChangedAt)}</td>
      <td className="nowrap">
        {a.handoverId ? (
          <Link to={`/handovers/${a.handoverId}`}>#{a.handoverId}</Link>
        ) : (
          <Link to={`/handovers/new?agencyId=${a.agencyId}&planId=${planId}`}>{vi.handovers.new}</Link>
        )}
      </td>
      <td className="small">{a.note ?? ''}</td>
    </tr>
  );
}

function AddAgency({ planId, onAdded }: { planId: number; onAdded: () => void }) {
  const action = useAction();
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [month, setMonth] = useState(5);
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agencyId) return;
    const r = await action.run(() => api.plans.addAgency(planId, { agencyId, scheduledMonth: month, note: note.trim() || undefined }));
    if (r !== undefined) {
      setAgencyId(null);
      setNote('');
      onAdded();
    }
  };
  return (
    <form className="form-grid" onSubmit={submit}>
      <Field label={vi.handovers.agency} wide>
        <AgencyPicker value={agencyId} onChange={(v) => setAgencyId(v)} />
      </Field>
      <Field label={vi.plans.month}>
        <select value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>{vi.plans.monthLabel(m)}</option>
          ))}
        </select>
      </Field>
      <Field label={vi.common.notes}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="form-actions">
        <ErrorMessage error={action.error} />
        <button type="submit" className="primary" disabled={action.busy || !agencyId}>{vi.common.add}</button>
      </div>
    </form>
  );
}

export function PlanDetailPage({ id }: { id: number }) {
  const r = useAsync(() => api.plans.get(id), [id]);
  if (r.loading && !r.data) return <Loading />;
  if (!r.data) return <ErrorMessage error={r.error} />;
  const p = r.data;
  return (
    <div className="page">
      <h1>
        {vi.plans.title} {p.year}
      </h1>
      <Section title={`${vi.plans.decisionNo} ${p.decisionNo}`}>
        <dl className="facts">
          <dt>{vi.plans.decisionDate}</dt>
          <dd>{date(p.decisionDate)}</dd>
          <dt>{vi.plans.issuer}</dt>
          <dd>{p.issuer ?? '—'}</dd>
          <dt>{vi.plans.recordsToYear}</dt>
          <dd>{p.recordsToYear}</dd>
          <dt>{vi.plans.handoverPlanNo}</dt>
          <dd>{p.handoverPlanNo ? `${p.handoverPlanNo} (${date(p.handoverPlanDate)})` : '—'}</dd>
          <dt>{vi.common.notes}</dt>
          <dd>{p.notes || '—'}</dd>
        </dl>
      </Section>
      <Section title={vi.plans.agencies}>
        <ErrorMessage error={r.error} />
        {p.agencies.length === 0 ? (
          <Empty />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="plan-agencies">
              <thead>
                <tr>
                  <th>{vi.agencies.code}</th>
                  <th>{vi.agencies.name}</th>
                  <th>{vi.plans.month}</th>
                  <th>{vi.agencies.status}</th>
                  <th>{vi.plans.late}</th>
                  <th>{vi.plans.statusChangedAt}</th>
                  <th>{vi.plans.handover}</th>
                  <th>{vi.common.notes}</th>
                </tr>
              </thead>
              <tbody>
                {p.agencies.map((a) => (
                  <AgencyRow key={a.agencyId} planId={p.id} a={a} onChanged={r.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={vi.plans.addAgency}>
        <AddAgency planId={p.id} onAdded={r.reload} />
      </Section>
    </div>
  );
}
