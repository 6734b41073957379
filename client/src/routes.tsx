/** The page table: path pattern, who may open it, and what renders. The nav is derived from it too. */
import type { ReactNode } from 'react';
import type { Role } from './types.js';
import { vi } from './i18n/vi.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { AgenciesPage } from './pages/AgenciesPage.js';
import { AgencyDetailPage } from './pages/AgencyDetailPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { PlanDetailPage } from './pages/PlanDetailPage.js';
import { HandoversPage } from './pages/HandoversPage.js';
import { HandoverNewPage } from './pages/HandoverNewPage.js';
import { HandoverPage } from './pages/handover/HandoverPage.js';
import { StacksPage } from './pages/StacksPage.js';
import { OverduePage } from './pages/OverduePage.js';
import { MyDeadlinesPage } from './pages/MyDeadlinesPage.js';
import { UsersPage } from './pages/UsersPage.js';

const STAFF: Role[] = ['admin', 'archivist'];

export interface PageRoute {
  path: string;
  roles: Role[];
  render: (params: Record<string, string>) => ReactNode;
  /** Shown in the navigation bar for these roles (a subset of roles). */
  nav?: { label: string; roles: Role[] };
}

const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN);

export const ROUTES: PageRoute[] = [
  { path: '/dashboard', roles: STAFF, render: () => <DashboardPage />, nav: { label: vi.nav.dashboard, roles: STAFF } },
  { path: '/my-deadlines', roles: ['agency'], render: () => <MyDeadlinesPage />, nav: { label: vi.nav.myDeadlines, roles: ['agency'] } },
  {
    path: '/agencies', roles: [...STAFF, 'researcher', 'agency'], render: () => <AgenciesPage />,
    nav: { label: vi.nav.agencies, roles: [...STAFF, 'researcher'] },
  },
  { path: '/agencies/:id', roles: [...STAFF, 'researcher', 'agency'], render: (p) => <AgencyDetailPage id={num(p.id)} /> },
  { path: '/plans', roles: STAFF, render: () => <PlansPage />, nav: { label: vi.nav.plans, roles: STAFF } },
  { path: '/plans/:id', roles: STAFF, render: (p) => <PlanDetailPage id={num(p.id)} /> },
  { path: '/handovers', roles: [...STAFF, 'agency'], render: () => <HandoversPage />, nav: { label: vi.nav.handovers, roles: [...STAFF, 'agency'] } },
  { path: '/handovers/new', roles: [...STAFF, 'agency'], render: () => <HandoverNewPage /> },
  { path: '/handovers/:id', roles: [...STAFF, 'agency'], render: (p) => <HandoverPage id={num(p.id)} /> },
  { path: '/stacks', roles: STAFF, render: () => <StacksPage />, nav: { label: vi.nav.stacks, roles: STAFF } },
  { path: '/overdue', roles: STAFF, render: () => <OverduePage />, nav: { label: vi.nav.overdue, roles: STAFF } },
  { path: '/users', roles: ['admin'], render: () => <UsersPage />, nav: { label: vi.nav.users, roles: ['admin'] } },
];

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === 'agency') return '/my-deadlines';
  if (role === 'researcher') return '/agencies';
  return '/dashboard';
}
