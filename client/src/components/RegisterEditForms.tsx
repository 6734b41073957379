/** Editing one agency or one fonds of the register (staff); each save is one PATCH, audited by the server. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { AgencyDetail, Fonds } from '../types.js';
import { AgencyPicker } from './AgencyPicker.js';
import { DataTable, type Column } from './DataTable.js';
import { DateInput } from './DateInput.js';
import { FormActions } from './FormActions.js';
import { Field, Section } from './ui.js';

const e = vi.registerEdit;

/** A select over a code → Vietnamese label map. */
function OptionsSelect(props: { value: string; options: Record<string, string>; onChange: (ev: { target: { value: string } }) => void }) {
  return (
    <select value={props.value} onChange={props.onChange}>
      {Object.entries(props.options).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
    </select>
  );
}

export function AgencyEditForm({ agency, onSaved, onCancel }: { agency: AgencyDetail; onSaved: () => void; onCancel: () => void }) {
  const [f, setF] = useState({
    code: agency.code, name: agency.name, level: agency.level, status: agency.status, statusDate: agency.statusDate ?? '',
    listingDecision: agency.listingDecision ?? '', address: agency.address ?? '', notes: agency.notes ?? '',
  });
  const [parentId, setParentId] = useState<number | null>(agency.parentId);
  const [successorId, setSuccessorId] = useState<number | null>(agency.successorId);
  const action = useAction();
  const set = (k: keyof typeof f) => (ev: { target: { value: string } }) => setF({ ...f, [k]: ev.target.value });
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const r = await action.run(() =>
      api.agencies.update(agency.id, {
        code: f.code.trim(), name: f.name.trim(), level: f.level, status: f.status, statusDate: f.statusDate || null,
        listingDecision: f.listingDecision, address: f.address, notes: f.notes, parentId, successorId: f.status === 'active' ? null : successorId,
      }),
    );
    if (r) onSaved();
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={e.agencyTitle}>
      <Field label={vi.agencies.code}><input required value={f.code} onChange={set('code')} /></Field>
      <Field label={vi.agencies.name} wide><input required value={f.name} onChange={set('name')} /></Field>
      <Field label={vi.agencies.level}>
        <OptionsSelect value={f.level} options={vi.levels} onChange={set('level')} />
      </Field>
      <Field label={vi.agencies.status}>
        <OptionsSelect value={f.status} options={vi.agencyStatus} onChange={set('status')} />
      </Field>
      <Field label={vi.agencies.statusDate}><DateInput value={f.statusDate} onChange={(v) => setF({ ...f, statusDate: v })} /></Field>
      <Field label={vi.agencies.parent} wide><AgencyPicker value={parentId} onChange={(v) => setParentId(v)} /></Field>
      {f.status !== 'active' && (
        <Field label={vi.agencies.successor} wide><AgencyPicker value={successorId} onChange={(v) => setSuccessorId(v)} /></Field>
      )}
      <Field label={vi.agencies.decision} wide><input value={f.listingDecision} onChange={set('listingDecision')} /></Field>
      <Field label={vi.agencies.address} wide><input value={f.address} onChange={set('address')} /></Field>
      <Field label={vi.common.notes} wide><textarea rows={2} value={f.notes} onChange={set('notes')} /></Field>
      <FormActions error={action.error} busy={action.busy} onCancel={onCancel} />
    </form>
  );
}

const yearOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

export function FondsEditForm({ fonds, onSaved, onCancel }: { fonds: Fonds; onSaved: () => void; onCancel: () => void }) {
  const str = (n: number | null) => (n === null ? '' : String(n));
  const [f, setF] = useState({
    code: fonds.code, name: fonds.name, kind: fonds.kind, status: fonds.status, startYear: str(fonds.startYear), endYear: str(fonds.endYear),
    notes: fonds.notes ?? '',
  });
  const action = useAction();
  const set = (k: keyof typeof f) => (ev: { target: { value: string } }) => setF({ ...f, [k]: ev.target.value });
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const r = await action.run(() =>
      api.fonds.update(fonds.id, {
        code: f.code.trim(), name: f.name.trim(), kind: f.kind, status: f.status, startYear: yearOrNull(f.startYear), endYear: yearOrNull(f.endYear),
        notes: f.notes,
      }),
    );
    if (r) onSaved();
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={e.fondsTitle(fonds.code)}>
      <Field label={vi.agency.fondsCode}><input required value={f.code} onChange={set('code')} /></Field>
      <Field label={vi.agency.fondsName} wide><input required value={f.name} onChange={set('name')} /></Field>
      <Field label={vi.agency.fondsKind}>
        <OptionsSelect value={f.kind} options={vi.fondsKind} onChange={set('kind')} />
      </Field>
      <Field label={vi.agencies.status}>
        <OptionsSelect value={f.status} options={vi.fondsStatus} onChange={set('status')} />
      </Field>
      <Field label={e.startYear}><input type="number" min={1800} max={2200} value={f.startYear} onChange={set('startYear')} /></Field>
      <Field label={e.endYear}><input type="number" min={1800} max={2200} value={f.endYear} onChange={set('endYear')} /></Field>
      <Field label={vi.common.notes} wide><textarea rows={2} value={f.notes} onChange={set('notes')} /></Field>
      <FormActions error={action.error} busy={action.busy} onCancel={onCancel} />
    </form>
  );
}

/** The agency's facts, with an edit form in place of them for staff who press "Sửa". */
export function AgencyInfoSection(props: { agency: AgencyDetail; canEdit: boolean; onSaved: () => void; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const actions = props.canEdit && !editing && (
    <button type="button" aria-label={e.agencyTitle} onClick={() => { setSaved(false); setEditing(true); }}>{e.edit}</button>
  );
  return (
    <Section title={vi.agency.info} actions={actions}>
      {editing ? (
        <AgencyEditForm agency={props.agency} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); setSaved(true); props.onSaved(); }} />
      ) : (
        props.children
      )}
      {saved && <div className="alert alert-ok" role="status">{e.saved}</div>}
    </Section>
  );
}

/** The agency's fonds; staff edit one at a time below the table. */
export function FondsSection(props: { agency: AgencyDetail; canEdit: boolean; onSaved: () => void; columns: Column<Fonds>[] }) {
  const [editing, setEditing] = useState<Fonds | null>(null);
  const columns: Column<Fonds>[] = props.canEdit
    ? [...props.columns, { header: vi.common.actions, cell: (f) => <button type="button" aria-label={e.fondsTitle(f.code)} onClick={() => setEditing(f)}>{e.edit}</button> }]
    : props.columns;
  return (
    <Section title={vi.agency.fonds}>
      <DataTable columns={columns} rows={props.agency.fonds} rowKey={(f) => f.id} empty={vi.agency.noFonds} />
      {editing && (
        <>
          <h3>{e.fondsTitle(editing.code)}</h3>
          <FondsEditForm key={editing.id} fonds={editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); props.onSaved(); }} />
        </>
      )}
    </Section>
  );
}
