import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { Handover } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { HandoverFields, headerFrom, headerInput } from './HandoverFields.js';

/** Edits the header while the handover is a draft (the server refuses once received). */
export function HeaderEditor({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [form, setForm] = useState(headerFrom(h));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // agencyId, fondsId and planId are chosen at creation; the editor changes the descriptive fields.
    const { fondsId: _f, planId: _p, ...rest } = headerInput(form, true);
    const r = await action.run(() => api.handovers.update(h.id, rest));
    if (r) onDone();
  };
  return (
    <form className="form-grid" onSubmit={submit}>
      <HandoverFields form={form} onChange={setForm} />
      <div className="form-actions">
        <ErrorMessage error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>{vi.common.save}</button>
        <button type="button" onClick={onDone}>{vi.common.cancel}</button>
      </div>
    </form>
  );
}
