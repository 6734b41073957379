import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { isStaff, useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { navigate, useSearch } from '../router.js';
import { AgencyPicker } from '../components/AgencyPicker.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Field, Section } from '../components/ui.js';
import { HandoverFields, emptyHeader, headerInput, type HeaderForm } from './handover/HandoverFields.js';

/** Step 1 of the wizard: the handover's header. Agency accounts create only for their own agency. */
export function HandoverNewPage() {
  const { user } = useSession();
  const staff = isStaff(user);
  // Opened from a plan row, the agency and plan come prefilled in the query string.
  const search = useSearch();
  const preset = Number(search.get('agencyId')) || null;
  const [agencyId, setAgencyId] = useState<number | null>(staff ? preset : user.agencyId);
  const [form, setForm] = useState<HeaderForm>({ ...emptyHeader(), planId: search.get('planId') ?? '' });
  const fonds = useAsync(() => (agencyId ? api.fonds.list({ agencyId }) : Promise.resolve(null)), [agencyId]);
  const plans = useAsync(() => (staff ? api.plans.list() : Promise.resolve(null)), [staff]);
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agencyId) return;
    const h = await action.run(() => api.handovers.create({ agencyId, ...headerInput(form) }));
    if (h) navigate(`/handovers/${h.id}`);
  };

  return (
    <div className="page">
      <h1>{vi.handovers.new}</h1>
      <ol className="stepper">
        {vi.wizard.steps.map((s, i) => (
          <li key={s} className={i === 0 ? 'current' : undefined}>
            <span className="step-no">{i + 1}</span> {s}
          </li>
        ))}
      </ol>
      <Section title={vi.wizard.steps[0]}>
        <form className="form-grid" onSubmit={submit}>
          <Field label={vi.handovers.agency} wide>
            {staff ? <AgencyPicker id="agency" value={agencyId} onChange={(v) => setAgencyId(v)} /> : <strong>{user.agencyName}</strong>}
          </Field>
          <Field label={vi.handovers.fonds}>
            <select value={form.fondsId} onChange={(e) => setForm({ ...form, fondsId: e.target.value })}>
              <option value="">{vi.handovers.noneOption}</option>
              {(fonds.data?.items ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.code} — {f.name}
                </option>
              ))}
            </select>
          </Field>
          {staff && (
            <Field label={vi.handovers.plan}>
              <select value={form.planId} onChange={(e) => setForm({ ...form, planId: e.target.value })}>
                <option value="">{vi.handovers.noneOption}</option>
                {(plans.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.year} — {p.decisionNo}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <HandoverFields form={form} onChange={setForm} />
          <div className="form-actions">
            <ErrorMessage error={action.error} />
            <button type="submit" className="primary" disabled={action.busy || !agencyId || !form.title.trim()}>
              {vi.handovers.createSubmit}
            </button>
          </div>
        </form>
      </Section>
    </div>
  );
}
