import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { User } from '../../types.js';
import { navigate } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/ui.js';

const t = vi.rr;

/** Online registration (public): creates the researcher account and a pending reader, then signs in. */
export function ReaderRegisterPage({ onLogin }: { onLogin: (u: User) => void }) {
  const [f, setF] = useState({ username: '', password: '', fullName: '', idDocumentKind: 'cccd' as 'cccd' | 'passport' | 'other', idDocumentNo: '', birthYear: '', organisation: '', phone: '', email: '', purpose: '', researchTopic: '' });
  const [letter, setLetter] = useState<File | null>(null);
  const action = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const user = await action.run(async () => {
      await api.rr.register({
        ...f, username: f.username.trim(), birthYear: f.birthYear ? Number(f.birthYear) : null, organisation: f.organisation || null,
        phone: f.phone || null, email: f.email || null, researchTopic: f.researchTopic || null,
      });
      const u = await api.auth.login(f.username.trim(), f.password);
      if (letter) await api.rr.uploadMyLetter(letter);
      return u;
    });
    if (user) { navigate('/reading-room/my-requests', { replace: true }); onLogin(user); }
  };
  return (
    <div className="login-page">
      <form className="login-card register-card" onSubmit={submit} data-testid="reader-register">
        <h1>{t.registerTitle}</h1>
        <p className="muted">{t.registerIntro}</p>
        <Field label={t.fullName}><input value={f.fullName} onChange={set('fullName')} required maxLength={200} autoComplete="name" /></Field>
        <Field label={t.idKindLabel}>
          <select value={f.idDocumentKind} onChange={set('idDocumentKind')}>
            {Object.entries(t.idKind).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </Field>
        <Field label={t.idNo}><input value={f.idDocumentNo} onChange={set('idDocumentNo')} required maxLength={30} /></Field>
        <Field label={t.birthYear}><input value={f.birthYear} onChange={set('birthYear')} inputMode="numeric" maxLength={4} /></Field>
        <Field label={t.organisation}><input value={f.organisation} onChange={set('organisation')} maxLength={300} /></Field>
        <Field label={t.phone}><input value={f.phone} onChange={set('phone')} maxLength={30} inputMode="tel" /></Field>
        <Field label={t.email}><input value={f.email} onChange={set('email')} maxLength={200} type="email" /></Field>
        <Field label={t.purpose}><textarea value={f.purpose} onChange={set('purpose')} required maxLength={1000} rows={2} /></Field>
        <Field label={t.topic}><textarea value={f.researchTopic} onChange={set('researchTopic')} maxLength={2000} rows={2} /></Field>
        <Field label={t.letter}><input type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => setLetter(e.target.files?.[0] ?? null)} /></Field>
        <Field label={t.username}><input value={f.username} onChange={set('username')} required maxLength={100} autoComplete="username" /></Field>
        <Field label={t.password}><input value={f.password} onChange={set('password')} required minLength={10} maxLength={200} type="password" autoComplete="new-password" /></Field>
        <ErrorMessage error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>{action.busy ? vi.common.loading : t.registerSubmit}</button>
        <p><a href="/login" onClick={(e) => { e.preventDefault(); navigate('/login'); }}>{t.haveAccount}</a></p>
      </form>
    </div>
  );
}
