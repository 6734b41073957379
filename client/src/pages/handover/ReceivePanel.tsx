import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num, todayIso } from '../../format.js';
import type { DiscrepancyKind, Handover, ReceiveInput, Suggestion } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Section } from '../../components/ui.js';
import { DateInput } from '../../components/DateInput.js';

interface DiscrepancyDraft {
  kind: DiscrepancyKind;
  rowNo: string;
  fileNotation: string;
  description: string;
}

/** Accepts "60,5" as typed by Vietnamese users as well as "60.5". */
const decimal = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

const SHELF_COLUMNS: Column<Suggestion['shelves'][number]>[] = [
  { header: vi.wizard.shelf, cell: (x) => x.label },
  { header: vi.wizard.boxes, cell: (x) => num(x.boxes, 0), align: 'right' },
];

function ShelfSuggestion(props: { h: Handover; use: boolean; onUse: (use: boolean, s: Suggestion | null) => void }) {
  const action = useAction();
  const [s, setS] = useState<Suggestion | null>(null);
  const boxes = props.h.summary?.boxes ?? props.h.declaredBoxes ?? 0;
  const ask = async () => {
    const r = await action.run(() => api.stacks.suggest(boxes, props.h.boxTypeId));
    if (r) {
      setS(r);
      props.onUse(r.fits, r);
    }
  };
  return (
    <div className="stack-gap">
      <div className="inline">
        <button type="button" onClick={ask} disabled={action.busy || boxes === 0}>{vi.wizard.suggest}</button>
        <span className="muted small">{vi.wizard.autoPlace}</span>
      </div>
      <ErrorMessage error={action.error} />
      {s && !s.fits && <div className="alert alert-warn">{vi.wizard.suggestFull}</div>}
      {s && s.fits && (
        <div data-testid="shelf-suggestion">
          <p className="small">{vi.wizard.suggestFits(boxes)}</p>
          <DataTable columns={SHELF_COLUMNS} rows={s.shelves} rowKey={(x) => x.shelfId} className="table-narrow" frame="none" />
          <label className="check">
            <input type="checkbox" checked={props.use} onChange={(e) => props.onUse(e.target.checked, s)} /> {vi.wizard.useSuggestion}
          </label>
        </div>
      )}
    </div>
  );
}

/** Step 6: sign the handover record: names, condition, discrepancies against the inventory, and shelves. */
export function ReceivePanel({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [f, setF] = useState({
    handoverDate: todayIso(),
    measuredMetres: h.measuredMetres === null ? '' : String(h.measuredMetres),
    physicalCondition: h.physicalCondition ?? '',
    attachments: h.attachments ?? '',
    deliveringName: h.deliveringName ?? '',
    deliveringPosition: h.deliveringPosition ?? '',
    receivingName: h.receivingName ?? '',
    receivingPosition: h.receivingPosition ?? '',
  });
  const [items, setItems] = useState<DiscrepancyDraft[]>([]);
  const [useSuggested, setUseSuggested] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const action = useAction();
  const bind = (k: keyof typeof f) => ({ name: k, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const setItem = (i: number, patch: Partial<DiscrepancyDraft>) => setItems(items.map((d, n) => (n === i ? { ...d, ...patch } : d)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ReceiveInput = {
      handoverDate: f.handoverDate,
      physicalCondition: f.physicalCondition.trim(),
      deliveringName: f.deliveringName.trim(),
      deliveringPosition: f.deliveringPosition.trim(),
      receivingName: f.receivingName.trim(),
      receivingPosition: f.receivingPosition.trim(),
      discrepancies: items.map((d) => ({
        kind: d.kind,
        ...(d.rowNo.trim() ? { rowNo: Number(d.rowNo) } : {}),
        ...(d.fileNotation.trim() ? { fileNotation: d.fileNotation.trim() } : {}),
        description: d.description.trim(),
      })),
    };
    const m = decimal(f.measuredMetres);
    if (m !== undefined) body.measuredMetres = m;
    if (f.attachments.trim()) body.attachments = f.attachments.trim();
    if (useSuggested && suggestion?.fits) body.shelfIds = [...new Set(suggestion.shelves.map((s) => s.shelfId))];
    const r = await action.run(() => api.handovers.receive(h.id, body));
    if (r) onDone();
  };

  return (
    <Section title={vi.wizard.receiveTitle}>
      <form className="stack-gap" onSubmit={submit}>
        <div className="form-grid">
          <Field label={vi.wizard.handoverDate}>
            <DateInput required name="handoverDate" value={f.handoverDate} onChange={(v) => setF({ ...f, handoverDate: v })} />
          </Field>
          <Field label={vi.wizard.measuredMetres}>
            <input inputMode="decimal" pattern="[0-9]+([.,][0-9]+)?" {...bind('measuredMetres')} />
          </Field>
          <Field label={vi.wizard.physicalCondition} wide>
            <input required {...bind('physicalCondition')} />
          </Field>
          <Field label={vi.wizard.attachments} wide>
            <input {...bind('attachments')} />
          </Field>
          <Field label={vi.handovers.deliveringName}>
            <input required {...bind('deliveringName')} />
          </Field>
          <Field label={vi.handovers.deliveringPosition}>
            <input required {...bind('deliveringPosition')} />
          </Field>
          <Field label={vi.handovers.receivingName}>
            <input required {...bind('receivingName')} />
          </Field>
          <Field label={vi.handovers.receivingPosition}>
            <input required {...bind('receivingPosition')} />
          </Field>
        </div>

        <h3>{vi.wizard.discrepancies}</h3>
        {items.length === 0 && <p className="muted small">{vi.wizard.noDiscrepancies}</p>}
        {items.map((d, i) => (
          <div className="inline discrepancy-row" key={i} data-testid="discrepancy-row">
            <Field label={vi.wizard.kind}>
              <select value={d.kind} onChange={(e) => setItem(i, { kind: e.target.value as DiscrepancyKind })}>
                {Object.entries(vi.discrepancyKind).map(([k, v]) => (
                  <option key={k} value={k}>{v}</option>
                ))}
              </select>
            </Field>
            <Field label={vi.wizard.rowNo}>
              <input type="number" min={1} className="narrow" value={d.rowNo} onChange={(e) => setItem(i, { rowNo: e.target.value })} />
            </Field>
            <Field label={vi.wizard.fileNotation}>
              <input className="narrow" value={d.fileNotation} onChange={(e) => setItem(i, { fileNotation: e.target.value })} />
            </Field>
            <Field label={vi.wizard.description} wide>
              <input required value={d.description} onChange={(e) => setItem(i, { description: e.target.value })} />
            </Field>
            <button type="button" onClick={() => setItems(items.filter((_, n) => n !== i))}>{vi.common.remove}</button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => setItems([...items, { kind: 'missing', rowNo: '', fileNotation: '', description: '' }])}>
            {vi.wizard.addDiscrepancy}
          </button>
        </div>

        <h3>{vi.wizard.shelf}</h3>
        <ShelfSuggestion h={h} use={useSuggested} onUse={(u, s) => { setUseSuggested(u); setSuggestion(s); }} />

        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>{vi.wizard.receive}</button>
        </div>
        <ErrorMessage error={action.error} />
      </form>
    </Section>
  );
}
