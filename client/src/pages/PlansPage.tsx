import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, num } from '../format.js';
import { Link, navigate } from '../router.js';
import type { Plan } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormActions } from '../components/FormActions.js';
import { Badge, Field, Loading, Section } from '../components/ui.js';
import { DateInput } from '../components/DateInput.js';

const STATUSES = ['planned', 'inventory_submitted', 'appraised', 'approved', 'received'] as const;

function Progress({ plan }: { plan: Plan }) {
  const c = plan.counts ?? ({} as Plan['counts']);
  const total = STATUSES.reduce((n, s) => n + (c[s] ?? 0), 0);
  return (
    <div className="progress-line">
      <span>
        {num(c.received ?? 0, 0)}/{num(total, 0)} {vi.planStatus.received.toLowerCase()}
      </span>
      {(c.late ?? 0) > 0 && <Badge tone="bad">{vi.plans.late}: {num(c.late, 0)}</Badge>}
    </div>
  );
}

const COLUMNS: Column<Plan>[] = [
  { header: vi.plans.year, cell: (p) => p.year, align: 'right' },
  { header: vi.plans.decisionNo, cell: (p) => <Link to={`/plans/${p.id}`}>{p.decisionNo}</Link> },
  { header: vi.plans.decisionDate, cell: (p) => date(p.decisionDate) },
  { header: vi.plans.recordsToYear, cell: (p) => p.recordsToYear, align: 'right' },
  { header: vi.plans.handoverPlanNo, cell: (p) => p.handoverPlanNo ?? '—' },
  { header: vi.plans.progress, cell: (p) => <Progress plan={p} /> },
];

function CreatePlan({ onCancel }: { onCancel: () => void }) {
  const action = useAction();
  const [f, setF] = useState({ year: '', decisionNo: '', decisionDate: '', recordsToYear: '', issuer: vi.plans.defaultIssuer, handoverPlanNo: '', handoverPlanDate: '', notes: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const plan = await action.run(() =>
      api.plans.create({
        year: Number(f.year),
        decisionNo: f.decisionNo.trim(),
        decisionDate: f.decisionDate,
        recordsToYear: Number(f.recordsToYear),
        issuer: f.issuer.trim() || undefined,
        handoverPlanNo: f.handoverPlanNo.trim() || undefined,
        handoverPlanDate: f.handoverPlanDate || undefined,
        notes: f.notes.trim() || undefined,
      }),
    );
    if (plan) navigate(`/plans/${plan.id}`);
  };
  return (
    <Section title={vi.plans.create}>
      <form className="form-grid" onSubmit={submit}>
        <Field label={vi.plans.year}>
          <input type="number" required min={1900} max={2200} value={f.year} onChange={set('year')} />
        </Field>
        <Field label={vi.plans.decisionNo}>
          <input required value={f.decisionNo} onChange={set('decisionNo')} placeholder={vi.plans.decisionPlaceholder} />
        </Field>
        <Field label={vi.plans.decisionDate}>
          <DateInput required value={f.decisionDate} onChange={(v) => setF({ ...f, decisionDate: v })} />
        </Field>
        <Field label={vi.plans.recordsToYear}>
          <input type="number" required min={1800} max={2200} value={f.recordsToYear} onChange={set('recordsToYear')} />
        </Field>
        <Field label={vi.plans.issuer}>
          <input value={f.issuer} onChange={set('issuer')} />
        </Field>
        <Field label={vi.plans.handoverPlanNo}>
          <input value={f.handoverPlanNo} onChange={set('handoverPlanNo')} />
        </Field>
        <Field label={vi.plans.handoverPlanDate}>
          <DateInput value={f.handoverPlanDate} onChange={(v) => setF({ ...f, handoverPlanDate: v })} />
        </Field>
        <Field label={vi.common.notes} wide>
          <textarea rows={2} value={f.notes} onChange={set('notes')} />
        </Field>
        <FormActions error={action.error} busy={action.busy} onCancel={onCancel} />
      </form>
    </Section>
  );
}

export function PlansPage() {
  const r = useAsync(() => api.plans.list(), []);
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{vi.plans.title}</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {vi.plans.create}
          </button>
        )}
      </div>
      {creating && <CreatePlan onCancel={() => setCreating(false)} />}
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && <DataTable columns={COLUMNS} rows={r.data.items} rowKey={(p) => p.id} empty={vi.plans.none} />}
    </div>
  );
}
