/** Sign-in, accounts, the audit log, integrity and first-run setup. */
import { get, id, patch, post, setCsrfToken } from './transport.js';
import type * as T from '../types.js';

export const adminApi = {
  auth: {
    async login(username: string, password: string) {
      const r = await post<T.Session>('/api/auth/login', { username, password });
      setCsrfToken(r.csrfToken);
      return r.user;
    },
    async me() {
      const r = await get<{ user: T.User; csrfToken: string }>('/api/auth/me');
      setCsrfToken(r.csrfToken);
      return r.user;
    },
    /** Who is signed in, if anyone: 200 either way, so opening the login page logs no failed request. */
    async session(): Promise<T.User | null> {
      const r = await get<{ user?: T.User; csrfToken?: string | null }>('/api/auth/session');
      setCsrfToken(r.csrfToken ?? null);
      return r.user ?? null;
    },
    async logout() {
      await post<void>('/api/auth/logout');
      setCsrfToken(null);
    },
    changePassword: (currentPassword: string, newPassword: string) => post<T.PasswordChanged>('/api/auth/password', { currentPassword, newPassword }),
  },

  audit: {
    events: (q: { actor?: string; entityType?: string; action?: string; from?: string; to?: string; beforeId?: number; limit?: number }) =>
      get<T.AuditEvent[]>('/api/events', q),
    kinds: () => get<T.AuditEventKinds>('/api/events/kinds'),
  },

  integrity: {
    fixity: () => get<T.FixityReport>('/api/integrity/fixity'),
    runFixity: () => post<T.JobStarted>('/api/integrity/fixity', {}),
    sweepOrphans: () => post<T.JobStarted>('/api/integrity/orphans', {}),
    reenqueue: () => post<T.JobStarted>('/api/integrity/reenqueue', {}),
    jobs: () => get<T.JobCounts>('/api/jobs'),
  },

  users: {
    list: () => get<T.User[] | T.Paged<T.User>>('/api/users').then((r) => (Array.isArray(r) ? r : r.items)),
    create: (u: { username: string; displayName: string; password: string; role: T.Role; agencyId: number | null }) =>
      post<T.User>('/api/users', u),
    update: (userId: number, u: { displayName?: string; role?: T.Role; agencyId?: number | null; active?: boolean; password?: string }) =>
      patch<T.User>(`/api/users/${id(userId)}`, u),
  },

  setup: {
    demo: () => get<T.DemoStatus>('/api/setup/demo'),
    startDemo: () => post<T.DemoRun>('/api/setup/demo'),
  },
};
