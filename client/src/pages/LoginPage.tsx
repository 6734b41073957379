import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { User } from '../types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Link } from '../router.js';

export function LoginPage({ onLogin, notice }: { onLogin: (u: User) => void; notice: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const user = await action.run(() => api.auth.login(username.trim(), password));
    if (user) onLogin(user);
  };
  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit}>
        <h1>{vi.appName}</h1>
        <p className="muted">{vi.login.subtitle}</p>
        {notice && <div className="alert alert-info">{notice}</div>}
        <label className="field">
          <span className="field-label">{vi.login.username}</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span className="field-label">{vi.login.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorMessage error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? vi.common.loading : vi.login.submit}
        </button>
        {/* Online reader registration is open without an account (App renders it before the login gate). */}
        <p className="small">{vi.rr.loginRegisterHint} <Link to="/reading-room/register">{vi.rr.loginRegister}</Link></p>
      </form>
    </div>
  );
}
