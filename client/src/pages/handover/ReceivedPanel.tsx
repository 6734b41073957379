import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime, num } from '../../format.js';
import type { Amendment, Discrepancy, Handover } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Loading, Section, Stat } from '../../components/ui.js';

// Fields that only exist per inventory row; physicalCondition may be per row or for the whole record.
const ROW_FIELDS = new Set(['title', 'sheets', 'notes', 'boxNo']);
const NUMERIC_FIELDS = new Set(['sheets', 'measuredMetres']);

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

const AMENDMENT_COLUMNS: Column<Amendment>[] = [
  { header: vi.wizard.amendField, cell: (a) => vi.wizard.amendFields[a.field] ?? a.field },
  { header: vi.wizard.rowNo, cell: (a) => a.rowNo ?? '—', align: 'right' },
  { header: vi.wizard.before, cell: (a) => show(a.before) },
  { header: vi.wizard.after, cell: (a) => show(a.after) },
  { header: vi.wizard.amendReason, cell: (a) => a.reason },
  { header: vi.handovers.updated, cell: (a) => `${dateTime(a.createdAt)} ${a.authorName ?? ''}`, className: 'small' },
];

const DISCREPANCY_COLUMNS: Column<Discrepancy>[] = [
  { header: vi.wizard.kind, cell: (x) => vi.discrepancyKind[x.kind] ?? x.kind },
  { header: vi.wizard.rowNo, cell: (x) => x.rowNo ?? '—', align: 'right' },
  { header: vi.wizard.fileNotation, cell: (x) => x.fileNotation ?? '—' },
  { header: vi.wizard.description, cell: (x) => x.description },
];

function Amendments({ h, staff, version, onChanged }: { h: Handover; staff: boolean; version: number; onChanged: () => void }) {
  const list = useAsync(() => api.handovers.amendments(h.id), [h.id, version]);
  const [f, setF] = useState({ field: 'physicalCondition', rowNo: '', value: '', reason: '' });
  const action = useAction();
  const rowField = ROW_FIELDS.has(f.field);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = NUMERIC_FIELDS.has(f.field) ? Number(f.value.replace(',', '.')) : f.value.trim();
    const r = await action.run(() =>
      api.handovers.amend(h.id, { field: f.field, value, reason: f.reason.trim(), ...(f.rowNo.trim() ? { rowNo: Number(f.rowNo) } : {}) }),
    );
    if (r !== undefined) {
      setF({ ...f, value: '', reason: '' });
      onChanged();
    }
  };
  return (
    <Section title={vi.wizard.amendments}>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && <DataTable columns={AMENDMENT_COLUMNS} rows={list.data.items} rowKey={(a) => a.id} frame="none" />}
      {staff && (
        <form className="form-grid" onSubmit={submit}>
          <Field label={vi.wizard.amendField}>
            <select value={f.field} onChange={(e) => setF({ ...f, field: e.target.value })}>
              {Object.entries(vi.wizard.amendFields).map(([k, v]) => (
                <option key={k} value={k}>{v}</option>
              ))}
            </select>
          </Field>
          <Field label={rowField ? vi.wizard.rowNo : vi.wizard.rowNoOptional}>
            <input type="number" min={1} required={rowField} value={f.rowNo} onChange={(e) => setF({ ...f, rowNo: e.target.value })} />
          </Field>
          <Field label={vi.wizard.amendValue}>
            <input required value={f.value} onChange={(e) => setF({ ...f, value: e.target.value })} />
          </Field>
          <Field label={vi.wizard.amendReason} wide>
            <input required value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
          </Field>
          <div className="form-actions">
            <ErrorMessage error={action.error} />
            <button type="submit" className="primary" disabled={action.busy}>{vi.wizard.amend}</button>
          </div>
        </form>
      )}
    </Section>
  );
}

/** After receipt: the reconciliation of the record against the inventory, and audited amendments. */
export function ReceivedPanel({ h, staff, onChanged }: { h: Handover; staff: boolean; onChanged: () => void }) {
  const [version, setVersion] = useState(0);
  const d = useAsync(() => api.handovers.discrepancies(h.id), [h.id]);
  const c = d.data?.reconciliation ?? h.counts;
  return (
    <>
      <Section title={`${vi.wizard.receivedTitle} — ${vi.wizard.reconciliation}`}>
        <p className="muted small">{vi.wizard.locked}</p>
        {c && (
          <div className="stats" data-testid="reconciliation">
            <Stat label={vi.wizard.filesListed} value={num(c.filesListed, 0)} />
            <Stat label={vi.wizard.filesMissing} value={num(c.filesMissing, 0)} tone={c.filesMissing ? 'warn' : 'neutral'} />
            <Stat label={vi.wizard.filesExtra} value={num(c.filesExtra, 0)} tone={c.filesExtra ? 'warn' : 'neutral'} />
            <Stat label={vi.wizard.filesDamaged} value={num(c.filesDamaged, 0)} tone={c.filesDamaged ? 'warn' : 'neutral'} />
            <Stat label={vi.wizard.filesReceived} value={num(c.filesReceived, 0)} tone="ok" />
          </div>
        )}
        <ErrorMessage error={d.error} />
        {d.data && d.data.items.length > 0 && (
          <DataTable columns={DISCREPANCY_COLUMNS} rows={d.data.items} rowKey={(x) => x.id} frame="none" />
        )}
      </Section>
      <Amendments h={h} staff={staff} version={version} onChanged={() => { setVersion((v) => v + 1); onChanged(); }} />
    </>
  );
}
