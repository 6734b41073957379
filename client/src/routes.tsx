/** The page table: path pattern, who may open it, and what renders. The nav is derived from it too. */
import { lazy, Suspense, type ReactNode } from 'react';
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
import { SchedulingPage } from './pages/scheduling/SchedulingPage.js';
import { PlanPage as SchedulePlanPage } from './pages/scheduling/PlanPage.js';
import { ComparePage } from './pages/scheduling/ComparePage.js';
import { DigitizationPage } from './pages/digitization/DigitizationPage.js';
import { BatchPage } from './pages/digitization/BatchPage.js';
import { FileMetadataPage } from './pages/digitization/FileMetadataPage.js';
import { InventoryReviewPage } from './pages/digitization/InventoryReviewPage.js';
import { SearchPage } from './pages/search/SearchPage.js';
import { AccountPage } from './pages/AccountPage.js';
import { AuditLogPage } from './pages/AuditLogPage.js';
import { IntegrityPage } from './pages/IntegrityPage.js';
import { AipExportPage } from './pages/archive/AipExportPage.js';
import { PullListPage } from './pages/reading-room/PullListPage.js';
import { CirculationDeskPage } from './pages/reading-room/CirculationDeskPage.js';
import { CopyOrdersPage } from './pages/reading-room/CopyOrdersPage.js';
import { CertificationRegisterPage } from './pages/reading-room/CertificationRegisterPage.js';
import { AccessGrantsPage } from './pages/reading-room/AccessGrantsPage.js';
import { FindingAidsPage } from './pages/reading-room/FindingAidsPage.js';
import { CartPage } from './pages/reading-room/CartPage.js';
import { MyRequestsPage } from './pages/reading-room/MyRequestsPage.js';
import { ReadersPage } from './pages/reading-room/ReadersPage.js';
import { RequestsQueuePage } from './pages/reading-room/RequestsQueuePage.js';
import { RequestPage } from './pages/reading-room/RequestPage.js';
import { StaffRequestPage } from './pages/reading-room/StaffRequestPage.js';
import { StaffDutiesPage } from './pages/reading-room/StaffDutiesPage.js';
import { HoldsPage } from './pages/reading-room/HoldsPage.js';
import { ReadingRoomHubPage } from './pages/reading-room/ReadingRoomHubPage.js';
import { DepositPage } from './pages/deposit/DepositPage.js';
import { deposit } from './i18n/deposit.js';
import { Loading } from './components/ui.js';

// The deep-zoom viewer carries OpenSeadragon (~200 kB): loaded only when a page is opened.
const ViewerPage = lazy(() => import('./pages/viewer/ViewerPage.js').then((m) => ({ default: m.ViewerPage })));
const FileViewerRedirect = lazy(() => import('./pages/viewer/ViewerPage.js').then((m) => ({ default: m.FileViewerRedirect })));
const lazyPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

const STAFF: Role[] = ['admin', 'archivist'];
/** Digitised material is for every signed-in role; what each may see is the server's visibility rule. */
const READERS: Role[] = [...STAFF, 'researcher', 'agency'];

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
  { path: '/deposits/new', roles: [...STAFF, 'agency'], render: () => <DepositPage />, nav: { label: deposit.dep.nav, roles: [...STAFF, 'agency'] } },
  { path: '/stacks', roles: STAFF, render: () => <StacksPage />, nav: { label: vi.nav.stacks, roles: STAFF } },
  { path: '/overdue', roles: STAFF, render: () => <OverduePage />, nav: { label: vi.nav.overdue, roles: STAFF } },
  { path: '/digitization', roles: STAFF, render: () => <DigitizationPage />, nav: { label: vi.dig.nav, roles: STAFF } },
  { path: '/digitization/batches/:id', roles: STAFF, render: (p) => <BatchPage id={num(p.id)} /> },
  { path: '/digitization/files/:id', roles: READERS, render: (p) => <FileMetadataPage id={num(p.id)} /> },
  { path: '/digitization/files/:id/inventory-review', roles: STAFF, render: (p) => <InventoryReviewPage id={num(p.id)} /> },
  { path: '/archive/files/:id', roles: STAFF, render: (p) => <AipExportPage id={num(p.id)} /> },
  { path: '/search', roles: READERS, render: () => <SearchPage />, nav: { label: vi.search.nav, roles: READERS } },
  { path: '/viewer/pages/:id', roles: READERS, render: (p) => lazyPage(<ViewerPage id={num(p.id)} />) },
  { path: '/viewer/files/:id', roles: READERS, render: (p) => lazyPage(<FileViewerRedirect fileId={num(p.id)} />) },
  { path: '/scheduling', roles: STAFF, render: () => <SchedulingPage />, nav: { label: vi.sched.nav, roles: STAFF } },
  { path: '/scheduling/plans/:id', roles: STAFF, render: (p) => <SchedulePlanPage id={num(p.id)} /> },
  { path: '/scheduling/compare/:a/:b', roles: STAFF, render: (p) => <ComparePage a={num(p.a)} b={num(p.b)} /> },
  { path: '/audit', roles: STAFF, render: () => <AuditLogPage />, nav: { label: vi.nav.audit, roles: STAFF } },
  { path: '/integrity', roles: STAFF, render: () => <IntegrityPage />, nav: { label: vi.nav.integrity, roles: STAFF } },
  { path: '/reading-room', roles: STAFF, render: () => <ReadingRoomHubPage />, nav: { label: vi.rr.hubTitle, roles: STAFF } },
  { path: '/reading-room/finding-aids', roles: READERS, render: () => <FindingAidsPage />, nav: { label: vi.rr.navFinding, roles: ['researcher'] } },
  { path: '/reading-room/cart', roles: ['researcher'], render: () => <CartPage />, nav: { label: vi.rr.navCart, roles: ['researcher'] } },
  { path: '/reading-room/my-requests', roles: ['researcher'], render: () => <MyRequestsPage />, nav: { label: vi.rr.navMine, roles: ['researcher'] } },
  { path: '/reading-room/readers', roles: STAFF, render: () => <ReadersPage /> },
  { path: '/reading-room/readers/:id/new-request', roles: STAFF, render: (p) => <StaffRequestPage readerId={num(p.id)} /> },
  { path: '/reading-room/requests', roles: STAFF, render: () => <RequestsQueuePage /> },
  { path: '/reading-room/requests/:id', roles: STAFF, render: (p) => <RequestPage id={num(p.id)} /> },
  { path: '/reading-room/pull-list', roles: STAFF, render: () => <PullListPage /> },
  { path: '/reading-room/circulation', roles: STAFF, render: () => <CirculationDeskPage /> },
  { path: '/reading-room/copy-orders', roles: STAFF, render: () => <CopyOrdersPage /> },
  { path: '/reading-room/certification-register', roles: STAFF, render: () => <CertificationRegisterPage /> },
  { path: '/reading-room/access-grants', roles: STAFF, render: () => <AccessGrantsPage /> },
  { path: '/reading-room/holds', roles: STAFF, render: () => <HoldsPage /> },
  { path: '/reading-room/staff-duties', roles: ['admin'], render: () => <StaffDutiesPage /> },
  { path: '/account', roles: READERS, render: () => <AccountPage /> },
  { path: '/users', roles: ['admin'], render: () => <UsersPage />, nav: { label: vi.nav.users, roles: ['admin'] } },
];

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === 'agency') return '/my-deadlines';
  if (role === 'researcher') return '/search';
  return '/dashboard';
}
