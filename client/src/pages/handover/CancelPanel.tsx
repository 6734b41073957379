import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { Handover } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Section } from '../../components/ui.js';

/** Cancels a draft nobody will submit (a test, a duplicate): kept and audited, but it owes no files any more. */
export function CancelPanel({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.handovers.cancel(h.id, reason.trim()));
    if (r) onDone();
  };
  if (!open) {
    return (
      <p>
        <button type="button" className="danger-outline" onClick={() => setOpen(true)}>{vi.wizard.cancelDraft}</button>
      </p>
    );
  }
  return (
    <Section title={vi.wizard.cancelDraft}>
      <p className="muted">{vi.wizard.cancelHint}</p>
      <form className="inline" onSubmit={submit}>
        <Field label={vi.wizard.cancelReason} wide>
          <input name="cancelReason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" className="danger" disabled={action.busy}>{vi.wizard.cancelConfirm}</button>
        <button type="button" onClick={() => setOpen(false)}>{vi.common.cancel}</button>
      </form>
      <ErrorMessage error={action.error} />
    </Section>
  );
}
