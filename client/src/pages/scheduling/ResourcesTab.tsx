/** Staff (grade, skills, part-time, leave), the working calendar and the versioned norm table. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, num } from '../../format.js';
import type { NormStepDef, StaffMemberRow } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../../components/ui.js';
import { DateInput } from '../../components/DateInput.js';

const s = vi.sched;
const SKILLS = ['processing', 'restoration', 'digitization'] as const;

function StaffSection() {
  const list = useAsync(() => api.scheduling.staff(), []);
  const action = useAction();
  const [f, setF] = useState({ name: '', grade: '2', fte: '1', skills: ['processing'] as string[] });
  const [leave, setLeave] = useState({ staffId: '', startDate: '', endDate: '', reason: '' });
  const grades = list.data?.grades ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.scheduling.createStaff({ name: f.name, grade: Number(f.grade), fte: Number(f.fte), skills: f.skills }))) {
      setF({ ...f, name: '' });
      list.reload();
    }
  };
  const addLeave = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.scheduling.addLeave(Number(leave.staffId), { startDate: leave.startDate, endDate: leave.endDate, reason: leave.reason || undefined }))) list.reload();
  };
  const toggleActive = async (m: StaffMemberRow) => {
    if (await action.run(() => api.scheduling.updateStaff(m.id, { active: !m.active }))) list.reload();
  };
  const columns: Column<StaffMemberRow>[] = [
    { header: s.name, cell: (m) => m.name },
    { header: s.grade, cell: (m) => grades[m.grade] ?? m.grade },
    { header: s.skills, cell: (m) => m.skills.map((k) => s.skillNames[k]).join(', ') },
    { header: s.fte, cell: (m) => s.fteValue(m.fte) },
    { header: s.leave, cell: (m) => m.leave.map((l) => `${date(l.startDate)}–${date(l.endDate)}${l.reason ? ` (${l.reason})` : ''}`).join('; ') || '—', className: 'small' },
    { header: s.active, cell: (m) => <label className="checkbox"><input type="checkbox" checked={m.active} onChange={() => toggleActive(m)} aria-label={`${s.active}: ${m.name}`} /></label> },
  ];
  return (
    <Section title={s.staff}>
      <form className="form-grid" onSubmit={submit} aria-label={s.addStaff}>
        <Field label={s.name}><input required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} /></Field>
        <Field label={s.grade}><select value={f.grade} onChange={(e) => setF({ ...f, grade: e.target.value })}>{Object.entries(grades).map(([k, v]) => <option key={k} value={k}>{v}</option>)}</select></Field>
        <Field label={s.fte}><select value={f.fte} onChange={(e) => setF({ ...f, fte: e.target.value })}>{['1', '0.75', '0.5', '0.25'].map((v) => <option key={v} value={v}>{s.fteValue(Number(v))}</option>)}</select></Field>
        <Field label={s.skills}>
          <span className="inline">{SKILLS.map((k) => (
            <label key={k} className="checkbox"><input type="checkbox" checked={f.skills.includes(k)} onChange={(e) => setF({ ...f, skills: e.target.checked ? [...f.skills, k] : f.skills.filter((x) => x !== k) })} /> {s.skillNames[k]}</label>
          ))}</span>
        </Field>
        <div className="form-actions"><button type="submit" className="primary" disabled={action.busy}>{s.addStaff}</button></div>
      </form>
      <form className="form-grid" onSubmit={addLeave} aria-label={s.addLeave}>
        <Field label={s.staff}><select required value={leave.staffId} onChange={(e) => setLeave({ ...leave, staffId: e.target.value })}>
          <option value="">{s.choose}</option>{list.data?.items.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select></Field>
        <Field label={s.from}><DateInput required value={leave.startDate} onChange={(v) => setLeave({ ...leave, startDate: v })} /></Field>
        <Field label={s.to}><DateInput required value={leave.endDate} onChange={(v) => setLeave({ ...leave, endDate: v })} /></Field>
        <Field label={s.reason}><input value={leave.reason} onChange={(e) => setLeave({ ...leave, reason: e.target.value })} /></Field>
        <div className="form-actions"><button type="submit" disabled={action.busy}>{s.addLeave}</button></div>
      </form>
      <ErrorMessage error={action.error ?? list.error} />
      {list.data ? <DataTable columns={columns} rows={list.data.items} rowKey={(m) => m.id} className="table-dense" testId="staff-table" /> : <Loading />}
    </Section>
  );
}

function CalendarSection() {
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const cal = useAsync(() => api.scheduling.calendar(year), [year]);
  const action = useAction();
  const [f, setF] = useState({ date: '', reason: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.scheduling.addClosure(f))) { setF({ date: '', reason: '' }); cal.reload(); }
  };
  return (
    <Section title={s.calendar(year)} actions={<>
      <button type="button" onClick={() => setYear(year - 1)} aria-label={vi.a11y.previousYear}>‹</button>
      <button type="button" onClick={() => setYear(year + 1)} aria-label={vi.a11y.nextYear}>›</button>
    </>}>
      <ErrorMessage error={cal.error ?? action.error} />
      <div className="grid-2">
        <div>
          <h3>{s.holidays}</h3>
          <ul className="plain-list small" data-testid="holidays">{cal.data?.holidays.map((h) => <li key={h.date + h.name}>{date(h.date)} — {h.name}</li>)}</ul>
        </div>
        <div>
          <h3>{s.closures}</h3>
          <ul className="plain-list small">{cal.data?.closures.map((c) => <li key={c.id}>{date(c.date)} — {c.reason}</li>)}</ul>
          <form className="form-grid" onSubmit={submit} aria-label={s.addClosure}>
            <Field label={s.date}><DateInput required value={f.date} onChange={(v) => setF({ ...f, date: v })} /></Field>
            <Field label={s.reason}><input required value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} /></Field>
            <div className="form-actions"><button type="submit" disabled={action.busy}>{s.addClosure}</button></div>
          </form>
        </div>
      </div>
    </Section>
  );
}

function NormsSection() {
  const norms = useAsync(() => api.scheduling.norms(), []);
  const action = useAction();
  const [draft, setDraft] = useState<NormStepDef[] | null>(null);
  const [label, setLabel] = useState('');
  const grades = norms.data?.grades ?? {};
  const steps = draft ?? norms.data?.current.steps ?? [];
  const edit = (i: number, minutes: string) => setDraft(steps.map((st, j) => (j === i ? { ...st, minutesPerUnit: Number(minutes.replace(',', '.')) } : st)));
  const save = async () => {
    const r = await action.run(() => api.scheduling.createNormVersion({ label, steps: steps.map(({ source: _, ...st }) => st) }));
    if (r) { setDraft(null); setLabel(''); norms.reload(); }
  };
  const columns: Column<NormStepDef & { i: number }>[] = [
    { header: s.step, cell: (st) => <><span className="muted">{st.stepId}</span> {st.name}</> },
    { header: s.skills, cell: (st) => s.skillNames[st.skill] },
    { header: s.minutes, align: 'right', cell: (st) => (draft
      ? <input className="num-input" inputMode="decimal" aria-label={`${s.minutes}: ${st.stepId}`} defaultValue={String(st.minutesPerUnit)} onChange={(e) => edit(st.i, e.target.value)} />
      : num(st.minutesPerUnit, 2)) },
    { header: s.unit, cell: (st) => s.units[st.unit] },
    { header: s.minGrade, cell: (st) => grades[st.minGrade] ?? st.minGrade },
    { header: s.verified, cell: (st) => (st.verified ? <Badge tone="ok">{s.verified}</Badge> : <Badge tone="warn">{s.unverified}</Badge>) },
    { header: s.source, cell: (st) => st.source ?? '—', className: 'small' },
  ];
  return (
    <Section title={s.norms} actions={draft
      ? <><input placeholder={s.newVersionLabel} aria-label={s.newVersionLabel} value={label} onChange={(e) => setLabel(e.target.value)} />
          <button type="button" className="primary" disabled={action.busy || !label.trim()} onClick={save}>{s.saveNorms}</button>
          <button type="button" onClick={() => setDraft(null)}>{vi.common.cancel}</button></>
      : <button type="button" onClick={() => setDraft(steps)}>{s.editNorms}</button>}>
      {norms.data && <p className="small">{s.normVersion(norms.data.current.label, norms.data.current.id)} · {date(norms.data.current.createdAt)}</p>}
      <p className="muted small">{s.normsNote}</p>
      <ErrorMessage error={norms.error ?? action.error} />
      <DataTable columns={columns} rows={steps.map((st, i) => ({ ...st, i }))} rowKey={(st) => st.stepId} className="table-dense" testId="norms-table" />
    </Section>
  );
}

export function ResourcesTab() {
  return <><StaffSection /><CalendarSection /></>;
}
export function NormsTab() {
  return <NormsSection />;
}
