/** Backlog list with filters, the add/edit form and the XLSX import; restoration items below (RestorationSection). */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, metres, num, yearSpan } from '../../format.js';
import type { BacklogItem } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { AgencyPicker } from '../../components/AgencyPicker.js';
import { Field, Loading, Section } from '../../components/ui.js';
import { DeleteItem, ImportItems } from './ItemActions.js';
import { RestorationSection } from './RestorationSection.js';
import { DateInput } from '../../components/DateInput.js';

const s = vi.sched;
const numOrNull = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

const BACKLOG_COLUMNS: Column<BacklogItem>[] = [
  { header: s.agency, cell: (b) => <>{b.agencyName}<div className="muted small">{b.agencyCode}{b.fondsCode ? ` · ${b.fondsCode}` : ''}</div></> },
  { header: s.label, cell: (b) => b.label },
  { header: s.measured, cell: (b) => metres(b.measuredMetres), align: 'right' },
  { header: s.estimated, cell: (b) => (b.estimatedMetres === null ? '—' : <span className="muted">{metres(b.estimatedMetres)}</span>), align: 'right' },
  { header: s.span, cell: (b) => yearSpan(b.startYear, b.endYear), className: 'nowrap' },
  { header: s.condition, cell: (b) => (b.conditionCode ? s.conditions[b.conditionCode] : '—') },
  { header: s.coefficient, cell: (b) => num(b.complexityCoef, 2), align: 'right' },
  { header: s.dueDate, cell: (b) => date(b.dueDate) },
  { header: s.done, cell: (b) => metres(b.doneMetres), align: 'right' },
];

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Adds an item, or edits `item` when given (PATCH of the same fields). */
function BacklogForm({ onDone, item }: { onDone: () => void; item?: BacklogItem }) {
  const action = useAction();
  const empty = { label: '', measured: '', estimated: '', startYear: '', endYear: '', condition: '', coef: '1', priority: '0', due: '', notes: '' };
  const [f, setF] = useState(item ? {
    label: item.label, measured: str(item.measuredMetres), estimated: str(item.estimatedMetres), startYear: str(item.startYear), endYear: str(item.endYear),
    condition: item.conditionCode ?? '', coef: str(item.complexityCoef), priority: str(item.priority), due: item.dueDate ?? '', notes: item.notes ?? '',
  } : empty);
  const [agencyId, setAgencyId] = useState<number | null>(item?.agencyId ?? null);
  const title = item ? s.edit : s.addBacklog;
  const [local, setLocal] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!f.measured.trim() && !f.estimated.trim()) return setLocal(s.metresRequired);
    setLocal(null);
    const body = {
      agencyId, label: f.label, measuredMetres: numOrNull(f.measured), estimatedMetres: numOrNull(f.estimated),
      startYear: numOrNull(f.startYear), endYear: numOrNull(f.endYear), conditionCode: f.condition || null,
      complexityCoef: Number(f.coef.replace(',', '.')), priority: Number(f.priority), dueDate: f.due || null, notes: f.notes,
    };
    const r = await action.run(() => (item ? api.scheduling.updateBacklog(item.id, body) : api.scheduling.createBacklog(body)));
    if (r) { if (!item) setF(empty); onDone(); }
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={title}>
      <Field label={s.agency}><AgencyPicker value={agencyId} onChange={(id) => setAgencyId(id)} /></Field>
      <Field label={s.label} wide><input required name="label" value={f.label} onChange={set('label')} /></Field>
      <Field label={s.measured}><input name="measured" inputMode="decimal" value={f.measured} onChange={set('measured')} /></Field>
      <Field label={s.estimated}><input name="estimated" inputMode="decimal" value={f.estimated} onChange={set('estimated')} /></Field>
      <Field label={s.startYear}><input type="number" min={1800} max={2100} value={f.startYear} onChange={set('startYear')} /></Field>
      <Field label={s.endYear}><input type="number" min={1800} max={2100} value={f.endYear} onChange={set('endYear')} /></Field>
      <Field label={s.condition}>
        <select value={f.condition} onChange={set('condition')}>
          <option value="">{s.choose}</option>
          {Object.entries(s.conditions).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
      </Field>
      <Field label={s.coefficient}><input inputMode="decimal" value={f.coef} onChange={set('coef')} /></Field>
      <Field label={s.priority}><input type="number" min={0} max={9} value={f.priority} onChange={set('priority')} /></Field>
      <Field label={s.dueDate}><DateInput value={f.due} onChange={(v) => setF({ ...f, due: v })} /></Field>
      <Field label={s.notes} wide><input value={f.notes} onChange={set('notes')} /></Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{item ? vi.common.save : s.addBacklog}</button>
        {item && <DeleteItem remove={() => api.scheduling.deleteBacklog(item.id)} onDone={onDone} />}
        {local && <span className="field-error">{local}</span>}
      </div>
      <ErrorMessage error={action.error} />
    </form>
  );
}

export function BacklogTab() {
  const [filter, setFilter] = useState<{ agencyId: number | null; conditionCode: string; q: string; estimatedOnly: boolean }>({ agencyId: null, conditionCode: '', q: '', estimatedOnly: false });
  const list = useAsync(() => api.scheduling.backlog({
    agencyId: filter.agencyId ?? undefined, conditionCode: filter.conditionCode || undefined, q: filter.q || undefined, estimatedOnly: filter.estimatedOnly ? 'true' : undefined,
  }), [filter.agencyId, filter.conditionCode, filter.q, filter.estimatedOnly]);
  const [adding, setAdding] = useState<'backlog' | 'import' | null>(null);
  const [editing, setEditing] = useState<BacklogItem | null>(null);
  const columns: Column<BacklogItem>[] = [...BACKLOG_COLUMNS, {
    header: '', cell: (b) => <button type="button" onClick={() => setEditing(editing?.id === b.id ? null : b)} aria-label={`${s.edit}: ${b.label}`}>{s.edit}</button>,
  }];
  const toggle = (k: typeof adding) => setAdding(adding === k ? null : k);
  return (
    <>
      <Section title={s.tabs.backlog} actions={<>
        <button type="button" onClick={() => toggle('backlog')}>{s.addBacklog}</button>
        <button type="button" onClick={() => toggle('import')}>{s.importBacklog}</button>
      </>}>
        {adding === 'backlog' && <BacklogForm onDone={list.reload} />}
        {editing && <BacklogForm key={editing.id} item={editing} onDone={() => { setEditing(null); list.reload(); }} />}
        {adding === 'import' && <ImportItems label={s.importBacklog} hint={s.importHint} testId="backlog-import"
          upload={api.scheduling.importBacklog} imported={s.imported} onDone={list.reload} />}
        <div className="filters form-grid">
          <Field label={s.agency}><AgencyPicker value={filter.agencyId} onChange={(id) => setFilter({ ...filter, agencyId: id })} /></Field>
          <Field label={s.condition}>
            <select value={filter.conditionCode} onChange={(e) => setFilter({ ...filter, conditionCode: e.target.value })}>
              <option value="">{vi.common.all}</option>
              {Object.entries(s.conditions).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </select>
          </Field>
          <Field label={s.search}><input type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} /></Field>
          <label className="checkbox"><input type="checkbox" checked={filter.estimatedOnly} onChange={(e) => setFilter({ ...filter, estimatedOnly: e.target.checked })} /> {s.estimatedOnly}</label>
        </div>
        {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
        {list.data && (
          <>
            <p className="small" data-testid="backlog-totals">
              {num(list.data.totals.items, 0)} {s.items.toLowerCase()} · {s.measuredTotal(metres(list.data.totals.measuredMetres))} · {s.estimatedTotal(metres(list.data.totals.estimatedMetres))}
            </p>
            <DataTable columns={columns} rows={list.data.items} rowKey={(b) => b.id} frame="scroll" testId="backlog-table" className="table-dense" />
          </>
        )}
      </Section>
      <RestorationSection />
    </>
  );
}
