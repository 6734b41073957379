import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Field, Section } from '../components/ui.js';

/** One's own account: who one is signed in as, and changing one's own password (every role). */
export function AccountPage() {
  const { user } = useSession();
  const empty = { current: '', next: '', confirm: '' };
  const [f, setF] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (f.next !== f.confirm) return setMismatch(true);
    setMismatch(false);
    const r = await action.run(() => api.auth.changePassword(f.current, f.next));
    if (r) {
      setF(empty);
      setDone(r.otherSessionsEnded);
    }
  };
  return (
    <div className="page">
      <h1>{vi.account.title}</h1>
      <Section title={vi.account.changePassword}>
        <p className="muted">{vi.account.signedInAs(user.displayName, user.username)}</p>
        <form className="form-grid" onSubmit={submit} aria-label={vi.account.changePassword}>
          <Field label={vi.account.current}>
            <input type="password" required autoComplete="current-password" value={f.current} onChange={(e) => setF({ ...f, current: e.target.value })} />
          </Field>
          <Field label={vi.account.next} hint={vi.account.rule}>
            <input type="password" required minLength={10} autoComplete="new-password" value={f.next} onChange={(e) => setF({ ...f, next: e.target.value })} />
          </Field>
          <Field label={vi.account.confirm}>
            <input type="password" required minLength={10} autoComplete="new-password" value={f.confirm} onChange={(e) => setF({ ...f, confirm: e.target.value })} />
          </Field>
          <div className="form-actions">
            {mismatch && <div className="alert alert-error" role="alert">{vi.account.mismatch}</div>}
            <ErrorMessage error={action.error} />
            {done !== null && <div className="alert alert-ok" role="status">{vi.account.changed(done)}</div>}
            <button type="submit" className="primary" disabled={action.busy}>{vi.account.submit}</button>
          </div>
        </form>
      </Section>
    </div>
  );
}
