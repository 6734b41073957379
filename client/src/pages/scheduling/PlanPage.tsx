/** One plan: finish dates (overall, per agency, per item), Gantt, burndown, explanations and the what-if panel. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, num } from '../../format.js';
import { Link } from '../../router.js';
import type { PlanItemView, PlanView, SchedulePlanSummary } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../../components/ui.js';
import { Gantt } from './Gantt.js';
import { BurndownChart } from './Burndown.js';
import { DateInput } from '../../components/DateInput.js';

const s = vi.sched;

function Explain({ planId, itemId }: { planId: number; itemId: string }) {
  const ex = useAsync(() => api.scheduling.explain(planId, itemId), [planId, itemId]);
  if (!ex.data) return ex.error ? <ErrorMessage error={ex.error} /> : <Loading />;
  return (
    <div className="explain" data-testid={`explain-${itemId}`}>
      <p>{ex.data.item.explanation}</p>
      {ex.data.item.unplacedReason && <p className="field-error">{ex.data.item.unplacedReason}</p>}
      <ol className="small">{ex.data.placements.slice(0, 30).map((p, i) => <li key={i}>{p.explanation}</li>)}</ol>
      {ex.data.placements.length > 30 && <p className="muted small">… {ex.data.placements.length - 30} {s.placements.toLowerCase()}</p>}
    </div>
  );
}

/** "Xong toàn bộ" only when everything is placed; otherwise how many are not, and the estimate over a longer horizon. */
export function PlanFinish({ p, testId }: { p: Pick<SchedulePlanSummary, 'complete' | 'finish' | 'itemCount' | 'unplacedCount' | 'horizonWeeks' | 'beyondHorizon'>; testId?: string }) {
  if (p.complete) return <strong data-testid={testId}>{date(p.finish)}</strong>;
  const b = p.beyondHorizon;
  return (
    <span data-testid={testId}>
      <Badge tone="bad">{s.notComplete}</Badge>
      <span className="stat-sub">{s.unplacedOf(num(p.unplacedCount, 0), num(p.itemCount, 0), num(p.horizonWeeks, 0))}</span>
      <span className="stat-sub">{!b ? s.beyondUnknown : b.finish ? s.beyondFinish(date(b.finish), num(b.horizonWeeks, 0)) : s.beyondNever(num(b.unplacedItems, 0), num(b.horizonWeeks, 0))}</span>
    </span>
  );
}

function ItemsTable({ plan }: { plan: PlanView }) {
  const [open, setOpen] = useState<string | null>(null);
  const columns: Column<PlanItemView>[] = [
    { header: s.item, cell: (i) => <>{i.label}<div className="muted small">{i.agencyName}</div></> },
    { header: '', cell: (i) => (i.unit === 'metre' ? `${num(i.quantity, 2)} m` : `${num(i.quantity, 0)} ${s.units.page}`), align: 'right' },
    { header: s.dueDate, cell: (i) => date(i.dueDate) },
    { header: s.start, cell: (i) => date(i.start) },
    { header: s.finish, cell: (i) => (i.finish ? <strong>{date(i.finish)}</strong> : <Badge tone="bad">{s.unplaced}</Badge>) },
    { header: s.lateDays, cell: (i) => (i.missed ? <Badge tone="bad">{num(i.lateDays, 0)}</Badge> : '0'), align: 'right' },
    { header: s.explanation, cell: (i) => <button type="button" onClick={() => setOpen(open === i.itemId ? null : i.itemId)}>{s.why}</button> },
  ];
  return (
    <>
      <DataTable columns={columns} rows={plan.items} rowKey={(i) => i.itemId} className="table-dense" testId="plan-items" />
      {open && <Explain planId={plan.id} itemId={open} />}
    </>
  );
}

function WhatIfPanel({ plan }: { plan: PlanView }) {
  const action = useAction();
  const [keep, setKeep] = useState<Record<string, boolean>>({});
  const [added, setAdded] = useState<{ name: string; grade: string; skill: string }[]>([]);
  const [target, setTarget] = useState(plan.targetDate ?? '');
  const [result, setResult] = useState<PlanView | null>(null);
  const grades = ['1', '2', '3', '4'];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.scheduling.whatIf(plan.id, {
      removeStaffIds: plan.staff.filter((m) => keep[m.staffId] === false).map((m) => m.staffId),
      addStaff: added.filter((a) => a.name.trim()).map((a) => ({ name: a.name, grade: Number(a.grade), skills: [a.skill], fte: 1 })),
      ...(target !== (plan.targetDate ?? '') ? { targetDate: target || null } : {}),
    }));
    if (r) setResult(r);
  };
  return (
    <Section title={s.whatIf}>
      <p className="muted small">{s.whatIfHint}</p>
      <form onSubmit={submit} aria-label={s.whatIf}>
        <div className="pick-list whatif-staff">
          {plan.staff.map((m) => (
            <label key={m.staffId} className="checkbox">
              <input type="checkbox" checked={keep[m.staffId] !== false} onChange={(e) => setKeep({ ...keep, [m.staffId]: e.target.checked })} aria-label={`${s.keep}: ${m.name}`} />
              {' '}{m.name} <span className="muted small">({m.skills.map((k) => s.skillNames[k]).join(', ')})</span>
            </label>
          ))}
        </div>
        {added.map((a, i) => (
          <div key={i} className="form-grid">
            <Field label={`${s.newStaff} ${i + 1}`}><input value={a.name} onChange={(e) => setAdded(added.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} /></Field>
            <Field label={s.grade}><select value={a.grade} onChange={(e) => setAdded(added.map((x, j) => (j === i ? { ...x, grade: e.target.value } : x)))}>{grades.map((g) => <option key={g} value={g}>{g}</option>)}</select></Field>
            <Field label={s.skills}><select value={a.skill} onChange={(e) => setAdded(added.map((x, j) => (j === i ? { ...x, skill: e.target.value } : x)))}>{Object.entries(s.skillNames).map(([k, v]) => <option key={k} value={k}>{v}</option>)}</select></Field>
          </div>
        ))}
        <div className="form-grid">
          <Field label={s.target}><DateInput value={target} onChange={setTarget} /></Field>
          <div className="form-actions">
            <button type="button" onClick={() => setAdded([...added, { name: '', grade: '2', skill: 'processing' }])}>{s.addRow}</button>
            <button type="submit" className="primary" disabled={action.busy}>{action.busy ? vi.common.loading : s.runWhatIf}</button>
          </div>
        </div>
      </form>
      <ErrorMessage error={action.error} />
      {result && (
        <div className="alert alert-info" role="status">
          <p>{s.overallFinish}: <PlanFinish p={result} testId="whatif-finish" /> ({s.basePlan}: {plan.complete ? date(plan.finish) : s.notComplete.toLowerCase()})
            {' · '}{s.missed}: {num(result.missedTargets.length, 0)} · {s.unplaced}: {num(result.unplacedCount, 0)}</p>
          {result.missedTargets.length > 0 && <ul className="small">{result.missedTargets.slice(0, 10).map((m) => <li key={m.itemId}>{m.label}: {s.dueDate} {date(m.dueDate)}, {s.finish} {date(m.finish)}</li>)}</ul>}
          <p><Link to={`/scheduling/compare/${plan.id}/${result.id}`}>{s.compare}</Link> · <Link to={`/scheduling/plans/${result.id}`}>{s.open}</Link></p>
        </div>
      )}
    </Section>
  );
}

export function PlanPage({ id }: { id: number }) {
  const plan = useAsync(() => api.scheduling.plan(id), [id]);
  const bd = useAsync(() => api.scheduling.burndown(id), [id]);
  const action = useAction();
  if (!plan.data) return plan.error ? <ErrorMessage error={plan.error} /> : <Loading />;
  const p = plan.data;
  const replan = async () => {
    const r = await action.run(() => api.scheduling.replan(p.id));
    if (r) window.location.assign(`/scheduling/plans/${r.id}`);
  };
  return (
    <div className="page stack-gap">
      <div className="page-head">
        <h1>{p.label} <Badge tone="info">{s.kinds[p.kind]}</Badge></h1>
        <div className="card-actions">
          <Link to="/scheduling?tab=plans">{vi.common.back}</Link>
          {p.basedOnId && <Link to={`/scheduling/compare/${p.basedOnId}/${p.id}`}>{s.compareWith}</Link>}
          <button type="button" onClick={replan} disabled={action.busy}>{s.replan}</button>
        </div>
      </div>
      <ErrorMessage error={action.error} />
      <div className="stats sched-stats">
        <div className={`stat ${p.complete ? '' : 'stat-bad'}`}><span className="stat-label">{s.overallFinish}</span><span className="stat-value"><PlanFinish p={p} testId="plan-finish" /></span></div>
        <div className={`stat ${p.targetMissed ? 'stat-bad' : 'stat-ok'}`}><span className="stat-label">{s.target}</span><span className="stat-value">{date(p.targetDate)}</span>
          <span className="stat-sub">{p.targetDate ? (p.targetMissed ? s.targetMissed : s.targetMet) : ''}</span></div>
        <div className="stat"><span className="stat-label">{s.items}</span><span className="stat-value">{num(p.itemCount, 0)}</span><span className="stat-sub" title={s.packagesHint}>{s.packagesCount(num(p.packageCount, 0))}</span></div>
        <div className="stat"><span className="stat-label">{s.missed}</span><span className="stat-value">{num(p.missedTargets.length, 0)}</span></div>
        <div className="stat"><span className="stat-label">{s.unplaced}</span><span className="stat-value">{num(p.unplacedCount, 0)}</span><span className="stat-sub">{s.packagesCount(num(p.unplacedPackageCount, 0))}</span></div>
        <div className="stat"><span className="stat-label">{s.staffCount}</span><span className="stat-value">{num(p.staff.length, 0)}</span></div>
        <div className="stat"><span className="stat-label">{s.normsUsed}</span><span className="stat-value">{s.normVersionShort(p.normVersionId)}</span><span className="stat-sub">{s.start}: {date(p.startDate)}</span></div>
      </div>
      {p.unplacedWhy.length > 0 && (
        <div className="alert alert-warn" role="status" data-testid="plan-unplaced-why">
          <strong>{s.unplacedWhy}</strong>
          <ul className="small">{p.unplacedWhy.map((w) => <li key={w.reason}>{w.reason}: {s.itemsCount(num(w.items, 0))}</li>)}</ul>
        </div>
      )}
      <Section title={s.perAgency}>
        <DataTable className="table-dense" testId="plan-agencies" rowKey={(a) => a.agencyId} rows={p.agencies} columns={[
          { header: s.agency, cell: (a) => a.agencyName },
          { header: s.items, cell: (a) => num(a.items, 0), align: 'right' },
          { header: s.finish, cell: (a) => (a.complete ? <strong>{date(a.finish)}</strong> : <Badge tone="bad">{s.unplaced}</Badge>) },
          { header: s.missed, cell: (a) => (a.missed ? <Badge tone="bad">{a.missed}</Badge> : '0'), align: 'right' },
        ]} />
      </Section>
      <WhatIfPanel plan={p} />
      <Section title={s.gantt}><Gantt plan={p} /></Section>
      <Section title={s.burndown}>{bd.data ? <BurndownChart data={bd.data} /> : bd.error ? <ErrorMessage error={bd.error} /> : <Loading />}</Section>
      <Section title={s.items}><ItemsTable plan={p} /></Section>
      <Section title={s.load}>
        <DataTable className="table-dense" rowKey={(m) => m.staffId} rows={p.staff} columns={[
          { header: s.name, cell: (m) => m.name },
          { header: s.fte, cell: (m) => s.fteValue(m.fte) },
          { header: s.hours(''), cell: (m) => num(m.totalMinutes / 60, 0), align: 'right' },
          { header: s.capacity, cell: (m) => `${num(Math.max(0, ...m.weeks.map((w) => (w.capacity ? (100 * w.minutes) / w.capacity : 0))), 0)}%`, align: 'right' },
          { header: s.overloaded, cell: (m) => (m.overloaded ? <Badge tone="bad">{m.overloaded}</Badge> : <Badge tone="ok">0</Badge>) },
        ]} />
      </Section>
    </div>
  );
}
