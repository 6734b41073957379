import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { Handover, HandoverInput } from '../../types.js';
import { Field } from '../../components/ui.js';

/** The editable header of a handover, kept as strings the way the inputs hold them. */
export interface HeaderForm {
  fondsId: string;
  planId: string;
  title: string;
  inventoryNo: string;
  declaredBoxes: string;
  boxTypeId: string;
  deliveringName: string;
  deliveringPosition: string;
  receivingName: string;
  receivingPosition: string;
  legalBasis: string;
  place: string;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function emptyHeader(): HeaderForm {
  return {
    fondsId: '', planId: '', title: '', inventoryNo: '', declaredBoxes: '', boxTypeId: '',
    deliveringName: '', deliveringPosition: '', receivingName: '', receivingPosition: '', legalBasis: '', place: '',
  };
}

export function headerFrom(h: Handover): HeaderForm {
  return {
    fondsId: s(h.fondsId), planId: s(h.planId), title: h.title, inventoryNo: s(h.inventoryNo), declaredBoxes: s(h.declaredBoxes),
    boxTypeId: s(h.boxTypeId), deliveringName: s(h.deliveringName), deliveringPosition: s(h.deliveringPosition),
    receivingName: s(h.receivingName), receivingPosition: s(h.receivingPosition), legalBasis: s(h.legalBasis), place: s(h.place),
  };
}

/**
 * Create sends only filled fields; an edit (clearEmpty) sends null for emptied ones so they are cleared.
 */
export function headerInput(f: HeaderForm, clearEmpty = false): HandoverInput {
  const gone = clearEmpty ? null : undefined;
  const int = (v: string) => (v.trim() === '' ? gone : Number(v));
  const txt = (v: string) => (v.trim() === '' ? gone : v.trim());
  const out: HandoverInput = {
    fondsId: int(f.fondsId), planId: int(f.planId), title: f.title.trim(), inventoryNo: int(f.inventoryNo),
    declaredBoxes: int(f.declaredBoxes), boxTypeId: int(f.boxTypeId), deliveringName: txt(f.deliveringName),
    deliveringPosition: txt(f.deliveringPosition), receivingName: txt(f.receivingName), receivingPosition: txt(f.receivingPosition),
    legalBasis: txt(f.legalBasis), place: txt(f.place),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as HandoverInput;
}

export function HandoverFields({ form, onChange }: { form: HeaderForm; onChange: (f: HeaderForm) => void }) {
  const boxTypes = useAsync(() => api.stacks.boxTypes(), []);
  const bind = (k: keyof HeaderForm) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => onChange({ ...form, [k]: e.target.value }),
  });
  return (
    <>
      <Field label={vi.handovers.titleField} wide>
        <input name="title" required maxLength={500} {...bind('title')} />
      </Field>
      <Field label={vi.handovers.inventoryNo}>
        <input name="inventoryNo" type="number" min={1} {...bind('inventoryNo')} />
      </Field>
      <Field label={vi.handovers.declaredBoxes}>
        <input name="declaredBoxes" type="number" min={0} {...bind('declaredBoxes')} />
      </Field>
      <Field label={vi.handovers.boxType}>
        <select name="boxTypeId" {...bind('boxTypeId')}>
          <option value="">{vi.handovers.noneOption}</option>
          {(boxTypes.data?.items ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.widthCm} cm)
            </option>
          ))}
        </select>
      </Field>
      <Field label={vi.handovers.deliveringName}>
        <input name="deliveringName" {...bind('deliveringName')} />
      </Field>
      <Field label={vi.handovers.deliveringPosition}>
        <input name="deliveringPosition" {...bind('deliveringPosition')} />
      </Field>
      <Field label={vi.handovers.receivingName}>
        <input name="receivingName" {...bind('receivingName')} />
      </Field>
      <Field label={vi.handovers.receivingPosition}>
        <input name="receivingPosition" {...bind('receivingPosition')} />
      </Field>
      <Field label={vi.handovers.legalBasis} wide>
        <input name="legalBasis" {...bind('legalBasis')} />
      </Field>
      <Field label={vi.handovers.place}>
        <input name="place" {...bind('place')} />
      </Field>
    </>
  );
}
