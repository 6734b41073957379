/** The overdue page's "Gửi công văn đôn đốc": number and reply-by for the agencies ticked in the table. */
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { ReminderBatch } from '../types.js';
import { DateInput } from './DateInput.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Field, Section } from './ui.js';

export function SendReminders(props: { agencyIds: number[]; onCancel: () => void; onSent: (b: ReminderBatch) => void }) {
  const [firstNumber, setFirstNumber] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = await action.run(() =>
      api.reminders.create({ agencyIds: props.agencyIds, firstNumber: firstNumber ? Number(firstNumber) : null, replyBy: replyBy || null }),
    );
    if (b) props.onSent(b);
  };
  return (
    <Section title={vi.reminders.sendTitle(props.agencyIds.length)}>
      <form className="form-grid" onSubmit={submit} aria-label={vi.reminders.send}>
        <Field label={vi.reminders.firstNumber} hint={vi.reminders.firstNumberHint}>
          <input type="number" min={1} step={1} inputMode="numeric" value={firstNumber} onChange={(e) => setFirstNumber(e.target.value)} />
        </Field>
        <Field label={vi.reminders.replyBy} hint={vi.reminders.replyByHint}>
          <DateInput value={replyBy} onChange={setReplyBy} />
        </Field>
        <div className="form-actions">
          <ErrorMessage error={action.error} />
          <button type="submit" className="primary" disabled={action.busy || props.agencyIds.length === 0}>{vi.reminders.confirm}</button>
          <button type="button" onClick={props.onCancel}>{vi.reminders.cancel}</button>
        </div>
      </form>
    </Section>
  );
}

/** What was just sent: one letter per agency, and the batch as one Word file for printing. */
export function SentReminders({ batch }: { batch: ReminderBatch }) {
  const action = useAction();
  return (
    <div className="alert alert-ok" role="status" data-testid="reminders-sent">
      <p>{vi.reminders.created(batch.items.length)}</p>
      <ul className="plain-list">
        {batch.items.map((r) => (
          <li key={r.id}>
            {r.agency.name} — {vi.reminders.reference} {r.reference}{' '}
            <button type="button" className="text-link" onClick={() => action.run(() => api.reminders.letter(r.id))}>{vi.reminders.letter}</button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => action.run(() => api.reminders.batch(batch.batchId))}>{vi.reminders.batchDocx}</button>
      <ErrorMessage error={action.error} />
    </div>
  );
}
