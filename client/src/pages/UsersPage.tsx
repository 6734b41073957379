import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { dateTime } from '../format.js';
import type { Role, User } from '../types.js';
import { AgencyPicker } from '../components/AgencyPicker.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../components/ui.js';

const ROLES: Role[] = ['admin', 'archivist', 'agency', 'researcher'];

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const empty = { username: '', displayName: '', password: '', role: 'archivist' as Role };
  const [f, setF] = useState(empty);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (f.role === 'agency' && !agencyId) return setLocalError(vi.users.agencyRequired);
    setLocalError(null);
    const r = await action.run(() =>
      api.users.create({ username: f.username.trim(), displayName: f.displayName.trim(), password: f.password, role: f.role, agencyId: f.role === 'agency' ? agencyId : null }),
    );
    if (r) {
      setF(empty);
      setAgencyId(null);
      onCreated();
    }
  };
  return (
    <Section title={vi.users.create}>
      <form className="form-grid" onSubmit={submit}>
        <Field label={vi.users.username}>
          <input required autoComplete="off" value={f.username} onChange={(e) => setF({ ...f, username: e.target.value })} />
        </Field>
        <Field label={vi.users.displayName}>
          <input required value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.target.value })} />
        </Field>
        <Field label={vi.users.password}>
          <input required type="password" autoComplete="new-password" minLength={10} value={f.password} onChange={(e) => setF({ ...f, password: e.target.value })} />
        </Field>
        <Field label={vi.users.role}>
          <select value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{vi.roles[r]}</option>
            ))}
          </select>
        </Field>
        {f.role === 'agency' && (
          <Field label={vi.users.agency} wide>
            <AgencyPicker value={agencyId} onChange={(v) => setAgencyId(v)} />
          </Field>
        )}
        <div className="form-actions">
          {localError && <div className="alert alert-error">{localError}</div>}
          <ErrorMessage error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>{vi.users.create}</button>
        </div>
      </form>
    </Section>
  );
}

function UserRow({ u, onChanged }: { u: User; onChanged: () => void }) {
  const { user: me } = useSession();
  const action = useAction();
  const [pw, setPw] = useState<string | null>(null);
  const update = (patch: Parameters<typeof api.users.update>[1]) =>
    action.run(() => api.users.update(u.id, patch)).then((r) => {
      if (r) {
        setPw(null);
        onChanged();
      }
    });
  return (
    <tr className={u.active ? undefined : 'row-muted'}>
      <td className="nowrap">{u.username}</td>
      <td>{u.displayName}</td>
      <td>{vi.roles[u.role] ?? u.role}</td>
      <td>{u.agencyName ?? '—'}</td>
      <td>{u.active ? <Badge tone="ok">{vi.users.active}</Badge> : <Badge>{vi.users.locked}</Badge>}</td>
      <td className="small">{dateTime(u.createdAt)}</td>
      <td>
        <div className="inline">
          {/* Locking one's own account would end the only admin session: not offered. */}
          <button type="button" disabled={action.busy || u.id === me.id} onClick={() => update({ active: !u.active })}>
            {u.active ? vi.users.lock : vi.users.unlock}
          </button>
          {pw === null ? (
            <button type="button" onClick={() => setPw('')}>{vi.users.resetPassword}</button>
          ) : (
            <form className="inline" onSubmit={(e) => { e.preventDefault(); void update({ password: pw }); }}>
              <input type="password" required minLength={10} aria-label={vi.users.newPassword} placeholder={vi.users.newPassword} value={pw} onChange={(e) => setPw(e.target.value)} />
              <button type="submit" className="primary" disabled={action.busy}>{vi.common.save}</button>
              <button type="button" onClick={() => setPw(null)}>{vi.common.cancel}</button>
            </form>
          )}
        </div>
        <ErrorMessage error={action.error} />
      </td>
    </tr>
  );
}

export function UsersPage() {
  const r = useAsync(() => api.users.list(), []);
  return (
    <div className="page">
      <h1>{vi.users.title}</h1>
      <CreateUser onCreated={r.reload} />
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{vi.users.username}</th>
                <th>{vi.users.displayName}</th>
                <th>{vi.users.role}</th>
                <th>{vi.users.agency}</th>
                <th>{vi.users.active}</th>
                <th>{vi.users.createdAt}</th>
                <th>{vi.common.actions}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.map((u) => (
                <UserRow key={u.id} u={u} onChanged={r.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
