/** Restoration items (pages per file or document, damage type and level): list, add, edit, delete and XLSX import. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, num, yearSpan } from '../../format.js';
import type { RestorationItem } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { AgencyPicker } from '../../components/AgencyPicker.js';
import { Badge, Field, Section } from '../../components/ui.js';
import { DeleteItem, ImportItems } from './ItemActions.js';
import { DateInput } from '../../components/DateInput.js';

const s = vi.sched;
const numOrNull = (v: string) => (v.trim() === '' ? null : Number(v));
const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
const options = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => <option key={k} value={k}>{v}</option>);

const COLUMNS: Column<RestorationItem>[] = [
  { header: s.agency, cell: (r) => <>{r.agencyName}{r.fondsCode && <div className="muted small">{r.fondsCode}</div>}</> },
  { header: s.reference, cell: (r) => <>{r.reference}<div className="muted small">{s.unitKinds[r.unitKind]}</div></> },
  { header: s.pages, cell: (r) => num(r.pages, 0), align: 'right' },
  { header: s.damageType, cell: (r) => s.damageTypes[r.damageType] ?? r.damageType },
  { header: s.damageLevel, cell: (r) => <Badge tone={r.damageLevel === 'heavy' ? 'bad' : r.damageLevel === 'medium' ? 'warn' : 'neutral'}>{s.damageLevels[r.damageLevel]}</Badge> },
  { header: s.span, cell: (r) => yearSpan(r.startYear, r.endYear) },
  { header: s.dueDate, cell: (r) => date(r.dueDate) },
  { header: s.done, cell: (r) => num(r.donePages, 0), align: 'right' },
];

/** The fonds of the chosen agency (or none): the item's link to the records it belongs to. */
function FondsSelect({ agencyId, value, onChange }: { agencyId: number | null; value: number | null; onChange: (id: number | null) => void }) {
  const fonds = useAsync(() => (agencyId ? api.fonds.list({ agencyId }) : Promise.resolve({ items: [], total: 0 })), [agencyId]);
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{s.noFonds}</option>
      {fonds.data?.items.map((f) => <option key={f.id} value={f.id}>{f.code} — {f.name}</option>)}
    </select>
  );
}

/** Adds an item, or edits `item` when given (PATCH of the same fields). */
function RestorationForm({ onDone, item }: { onDone: () => void; item?: RestorationItem }) {
  const action = useAction();
  const empty = { reference: '', unitKind: 'file', pages: '', damageType: 'mould', damageLevel: 'medium', startYear: '', endYear: '', priority: '0', due: '', notes: '' };
  const [f, setF] = useState(item ? {
    reference: item.reference, unitKind: item.unitKind, pages: str(item.pages), damageType: item.damageType, damageLevel: item.damageLevel,
    startYear: str(item.startYear), endYear: str(item.endYear), priority: str(item.priority), due: item.dueDate ?? '', notes: item.notes ?? '',
  } : empty);
  const [agencyId, setAgencyId] = useState<number | null>(item?.agencyId ?? null);
  const [fondsId, setFondsId] = useState<number | null>(item?.fondsId ?? null);
  const title = item ? s.editRestoration : s.addRestoration;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      agencyId, fondsId, reference: f.reference, unitKind: f.unitKind, pages: Number(f.pages), damageType: f.damageType, damageLevel: f.damageLevel,
      startYear: numOrNull(f.startYear), endYear: numOrNull(f.endYear), priority: Number(f.priority), dueDate: f.due || null, notes: f.notes,
    };
    const r = await action.run(() => (item ? api.scheduling.updateRestoration(item.id, body) : api.scheduling.createRestoration(body)));
    if (r) { if (!item) setF(empty); onDone(); }
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={title}>
      <Field label={s.agency}><AgencyPicker value={agencyId} onChange={(id) => { setAgencyId(id); setFondsId(null); }} /></Field>
      <Field label={s.fonds}><FondsSelect agencyId={agencyId} value={fondsId} onChange={setFondsId} /></Field>
      <Field label={s.reference} wide><input required value={f.reference} onChange={set('reference')} /></Field>
      <Field label={s.unitKind}><select value={f.unitKind} onChange={set('unitKind')}>{options(s.unitKinds)}</select></Field>
      <Field label={s.pages}><input type="number" required min={1} value={f.pages} onChange={set('pages')} /></Field>
      <Field label={s.damageType}><select value={f.damageType} onChange={set('damageType')}>{options(s.damageTypes)}</select></Field>
      <Field label={s.damageLevel}><select value={f.damageLevel} onChange={set('damageLevel')}>{options(s.damageLevels)}</select></Field>
      <Field label={s.startYear}><input type="number" min={1800} max={2100} value={f.startYear} onChange={set('startYear')} /></Field>
      <Field label={s.endYear}><input type="number" min={1800} max={2100} value={f.endYear} onChange={set('endYear')} /></Field>
      <Field label={s.priority}><input type="number" min={0} max={9} value={f.priority} onChange={set('priority')} /></Field>
      <Field label={s.dueDate}><DateInput value={f.due} onChange={(v) => setF({ ...f, due: v })} /></Field>
      <Field label={s.notes} wide><input value={f.notes} onChange={set('notes')} /></Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{item ? vi.common.save : s.addRestoration}</button>
        {item && <DeleteItem remove={() => api.scheduling.deleteRestoration(item.id)} onDone={onDone} />}
      </div>
      <ErrorMessage error={action.error} />
    </form>
  );
}

export function RestorationSection() {
  const list = useAsync(() => api.scheduling.restoration(), []);
  const [adding, setAdding] = useState<'form' | 'import' | null>(null);
  const [editing, setEditing] = useState<RestorationItem | null>(null);
  const columns: Column<RestorationItem>[] = [...COLUMNS, {
    header: '', cell: (r) => <button type="button" onClick={() => setEditing(editing?.id === r.id ? null : r)} aria-label={`${s.edit}: ${r.reference}`}>{s.edit}</button>,
  }];
  const toggle = (k: typeof adding) => setAdding(adding === k ? null : k);
  return (
    <Section title={s.tabs.restoration} actions={<>
      <button type="button" onClick={() => toggle('form')}>{s.addRestoration}</button>
      <button type="button" onClick={() => toggle('import')}>{s.importRestoration}</button>
    </>}>
      {adding === 'form' && <RestorationForm onDone={list.reload} />}
      {editing && <RestorationForm key={editing.id} item={editing} onDone={() => { setEditing(null); list.reload(); }} />}
      {adding === 'import' && <ImportItems label={s.importRestoration} hint={s.importRestorationHint} testId="restoration-import"
        upload={api.scheduling.importRestoration} imported={s.importedRestoration} onDone={list.reload} />}
      <ErrorMessage error={list.error} />
      {list.data && (
        <>
          <p className="small">{s.pagesTotal(num(list.data.totals.pages, 0), num(list.data.totals.donePages, 0))}</p>
          <DataTable columns={columns} rows={list.data.items} rowKey={(r) => r.id} frame="scroll" testId="restoration-table" className="table-dense" />
        </>
      )}
    </Section>
  );
}
