import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler } from './api.js';
import { SessionContext, type Session } from './hooks.js';
import { vi } from './i18n/vi.js';
import { Link, matchPath, navigate, usePath } from './router.js';
import { ROUTES, homeFor } from './routes.js';
import type { User } from './types.js';
import { Forbidden } from './components/ErrorMessage.js';
import { Loading } from './components/ui.js';
import { LoginPage } from './pages/LoginPage.js';
import { ReaderRegisterPage } from './pages/reading-room/ReaderRegisterPage.js';

function NotFound() {
  return (
    <div className="alert alert-error" role="alert">
      <strong>{vi.errors.notFoundTitle}</strong>
      <div>{vi.errors.notFound}</div>
    </div>
  );
}

function Layout({ user, onLogout, children }: { user: User; onLogout: () => void; children: ReactNode }) {
  const path = usePath();
  const items = ROUTES.filter((r) => r.nav?.roles.includes(user.role));
  // Under 720 px the navigation folds behind a menu button; following a link folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <div className="shell">
      <header className={menuOpen ? 'topbar menu-open' : 'topbar'}>
        <Link to={homeFor(user.role)} className="brand">
          {vi.appName}
        </Link>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-menu" onClick={() => setMenuOpen((o) => !o)}>
          <span aria-hidden="true">☰ </span>
          {vi.nav.menu}
        </button>
        <div className="menu" id="main-menu">
          <nav className="nav" aria-label={vi.a11y.mainNav}>
            {items.map((r) => (
              <Link key={r.path} to={r.path} className={path === r.path || path.startsWith(r.path + '/') ? 'active' : undefined}>
                {r.nav!.label}
              </Link>
            ))}
          </nav>
          <div className="user">
            <Link to="/account" className="user-name" title={vi.account.title}>
              {user.displayName}
            </Link>
            <span className="user-role">{user.role === 'agency' && user.agencyName ? user.agencyName : vi.roles[user.role]}</span>
            <button type="button" className="link-button" onClick={onLogout}>
              {vi.nav.logout}
            </button>
          </div>
        </div>
      </header>
      <main className="main">{children}</main>
    </div>
  );
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const path = usePath();

  useEffect(() => {
    api.auth.session().then(setUser, () => setUser(null));
    setUnauthenticatedHandler(() => {
      setUser(null);
      setNotice(vi.errors.sessionExpired);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const logout = useCallback(() => {
    api.auth.logout().catch(() => {}).finally(() => {
      setUser(null);
      navigate('/login');
    });
  }, []);
  const session = useMemo<Session | null>(() => (user ? { user, logout } : null), [user, logout]);
  const atEntry = path === '/' || path === '/login';
  useEffect(() => {
    if (user && atEntry) navigate(homeFor(user.role), { replace: true });
  }, [user, atEntry]);

  if (user === undefined) return <Loading />;
  // Online reader registration is the one page open without an account (server: POST /api/reading-room/register).
  if (!user && path === '/reading-room/register') return <ReaderRegisterPage onLogin={(u) => { setNotice(null); setUser(u); }} />;
  if (!user || !session) {
    return (
      <LoginPage
        notice={notice}
        onLogin={(u) => {
          setNotice(null);
          setUser(u);
        }}
      />
    );
  }
  if (atEntry) return <Loading />;

  let page: ReactNode = <NotFound />;
  for (const r of ROUTES) {
    const params = matchPath(r.path, path);
    if (params) {
      page = r.roles.includes(user.role) ? r.render(params) : <Forbidden />;
      break;
    }
  }
  return (
    <SessionContext.Provider value={session}>
      <Layout user={user} onLogout={logout}>
        {page}
      </Layout>
    </SessionContext.Provider>
  );
}
