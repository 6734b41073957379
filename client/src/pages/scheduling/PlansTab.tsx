/** Stored plans, the form that makes a new one, and recording work done. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime, num, todayIso } from '../../format.js';
import { Link, navigate } from '../../router.js';
import type { ProgressEntry, SchedulePlanSummary } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../../components/ui.js';
import { PlanFinish } from './PlanPage.js';
import { DateInput } from '../../components/DateInput.js';

const s = vi.sched;

const PLAN_COLUMNS: Column<SchedulePlanSummary>[] = [
  { header: s.planLabel, cell: (p) => <Link to={`/scheduling/plans/${p.id}`}>{p.label}</Link> },
  { header: '', cell: (p) => <Badge tone={p.kind === 'plan' ? 'info' : p.kind === 'replan' ? 'ok' : 'neutral'}>{s.kinds[p.kind]}</Badge> },
  { header: s.start, cell: (p) => date(p.startDate) },
  { header: s.target, cell: (p) => date(p.targetDate) },
  { header: s.finish, cell: (p) => <PlanFinish p={p} /> },
  { header: s.items, cell: (p) => <span title={s.packagesHint}>{s.itemsCount(num(p.itemCount, 0))}<div className="muted small">{s.packagesCount(num(p.packageCount, 0))}</div></span>, align: 'right' },
  { header: s.unplaced, cell: (p) => (p.unplacedCount ? <Badge tone="bad">{s.itemsCount(num(p.unplacedCount, 0))}</Badge> : '0'), align: 'right' },
  { header: s.normsUsed, cell: (p) => s.normVersionShort(p.normVersionId) },
  { header: s.createdAt, cell: (p) => <span className="small">{dateTime(p.createdAt)}{p.createdBy ? ` · ${p.createdBy}` : ''}</span> },
  { header: '', cell: (p) => (p.basedOnId ? <Link to={`/scheduling/compare/${p.basedOnId}/${p.id}`}>{s.compareWith}</Link> : null) },
];

function CreatePlan() {
  const action = useAction();
  const year = new Date().getFullYear() + 1;
  const [f, setF] = useState({ label: `Kế hoạch chỉnh lý, tu bổ năm ${year}`, start: `${year}-01-04`, horizonWeeks: '52', targetDate: `${year}-12-31` });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const plan = await action.run(() => api.scheduling.createPlan({ label: f.label, start: f.start || undefined, horizonWeeks: Number(f.horizonWeeks), targetDate: f.targetDate || null }));
    if (plan) navigate(`/scheduling/plans/${plan.id}`);
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={s.createPlan}>
      <Field label={s.planLabel} wide><input required value={f.label} onChange={set('label')} /></Field>
      <Field label={s.start}><DateInput value={f.start} onChange={(v) => setF({ ...f, start: v })} /></Field>
      <Field label={s.horizon}><input type="number" min={1} max={260} value={f.horizonWeeks} onChange={set('horizonWeeks')} /></Field>
      <Field label={s.target}><DateInput value={f.targetDate} onChange={(v) => setF({ ...f, targetDate: v })} /></Field>
      <div className="form-actions"><button type="submit" className="primary" disabled={action.busy}>{action.busy ? vi.common.loading : s.createPlan}</button></div>
      <ErrorMessage error={action.error} />
    </form>
  );
}

export function PlansTab() {
  const plans = useAsync(() => api.scheduling.plans(), []);
  return (
    <>
      <Section title={s.createPlan}><CreatePlan /></Section>
      <Section title={s.plans}>
        {plans.loading && !plans.data ? <Loading /> : <ErrorMessage error={plans.error} />}
        {plans.data && <DataTable columns={PLAN_COLUMNS} rows={plans.data.items} rowKey={(p) => p.id} testId="plans-table" className="table-dense" />}
      </Section>
    </>
  );
}

const PROGRESS_COLUMNS: Column<ProgressEntry>[] = [
  { header: s.workDate, cell: (e) => date(e.workDate) },
  { header: s.item, cell: (e) => e.itemLabel },
  { header: s.step, cell: (e) => e.stepId },
  { header: s.metres, cell: (e) => num(e.metres, 2), align: 'right' },
  { header: s.files, cell: (e) => num(e.files, 0), align: 'right' },
  { header: s.pages, cell: (e) => num(e.pages, 0), align: 'right' },
  { header: s.staff, cell: (e) => e.staffName ?? '—' },
];

export function ProgressTab() {
  const list = useAsync(() => api.scheduling.progress(), []);
  const refs = useAsync(() => Promise.all([api.scheduling.backlog(), api.scheduling.restoration(), api.scheduling.norms(), api.scheduling.staff()]), []);
  const action = useAction();
  const [f, setF] = useState({ item: '', stepId: '', workDate: todayIso(), metres: '', files: '', pages: '', staffId: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const [backlog, restoration, norms, staff] = refs.data ?? [null, null, null, null];
  const isRestoration = f.item.startsWith('R');
  const steps = norms?.current.steps.filter((st) => (isRestoration ? st.skill === 'restoration' : st.skill === 'processing')) ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const id = Number(f.item.slice(1));
    const opt = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
    if (await action.run(() => api.scheduling.recordProgress({
      ...(isRestoration ? { restorationItemId: id } : { backlogItemId: id }), stepId: f.stepId, workDate: f.workDate,
      metres: opt(f.metres), files: opt(f.files), pages: opt(f.pages), staffId: opt(f.staffId),
    }))) list.reload();
  };
  return (
    <Section title={s.recordProgress}>
      <form className="form-grid" onSubmit={submit} aria-label={s.recordProgress}>
        <Field label={s.item} wide>
          <select required value={f.item} onChange={set('item')}>
            <option value="">{s.choose}</option>
            {backlog?.items.map((b) => <option key={`B${b.id}`} value={`B${b.id}`}>{b.agencyName} — {b.label}</option>)}
            {restoration?.items.map((r) => <option key={`R${r.id}`} value={`R${r.id}`}>{s.tabs.restoration}: {r.reference}</option>)}
          </select>
        </Field>
        <Field label={s.step}><select required value={f.stepId} onChange={set('stepId')}><option value="">{s.choose}</option>{steps.map((st) => <option key={st.stepId} value={st.stepId}>{st.stepId} {st.name.slice(0, 50)}</option>)}</select></Field>
        <Field label={s.workDate}><DateInput required value={f.workDate} onChange={(v) => setF({ ...f, workDate: v })} /></Field>
        {isRestoration
          ? <Field label={s.pages}><input type="number" min={1} value={f.pages} onChange={set('pages')} /></Field>
          : <><Field label={s.metres}><input inputMode="decimal" value={f.metres} onChange={set('metres')} /></Field>
              <Field label={s.files}><input type="number" min={0} value={f.files} onChange={set('files')} /></Field></>}
        <Field label={s.staff}><select value={f.staffId} onChange={set('staffId')}><option value="">{s.choose}</option>{staff?.items.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select></Field>
        <div className="form-actions"><button type="submit" className="primary" disabled={action.busy}>{s.recordProgress}</button></div>
        <ErrorMessage error={action.error ?? refs.error} />
      </form>
      {list.data ? <DataTable columns={PROGRESS_COLUMNS} rows={[...list.data.items].reverse()} rowKey={(e) => e.id} frame="scroll" className="table-dense" /> : <Loading />}
    </Section>
  );
}
