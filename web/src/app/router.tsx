import { Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { Spin } from 'antd';
import { Protected } from './protected.js';
import { Guard, StatusPage } from './guard.js';
import { queryClient } from './query-client.js';
import { setUnauthorizedHandler } from './api.js';
import { LoginPage } from '../auth/login-page.js';
import { HomePage } from '../home/home-page.js';

// Heavy pages load on first visit: the map pulls ECharts, the admin pages big antd tables and forms.
const OrgPage = lazy(() => import('../org/org-page.js').then((m) => ({ default: m.OrgPage })));
const GridMapPage = lazy(() => import('../org/grid-map-page.js').then((m) => ({ default: m.GridMapPage })));
const UsersPage = lazy(() => import('../users/users-page.js').then((m) => ({ default: m.UsersPage })));
const DispatchSettingsPage = lazy(() => import('../dispatch/dispatch-settings-page.js').then((m) => ({ default: m.DispatchSettingsPage })));
const casePages = () => import('../cases/case-pages.js');
const ReportPage = lazy(() => casePages().then((m) => ({ default: m.ReportPage })));
const MyReportsPage = lazy(() => casePages().then((m) => ({ default: m.MyReportsPage })));
const DispatchPage = lazy(() => casePages().then((m) => ({ default: m.DispatchPage })));
const TasksPage = lazy(() => casePages().then((m) => ({ default: m.TasksPage })));
const SupervisionPage = lazy(() => casePages().then((m) => ({ default: m.SupervisionPage })));
const CasePage = lazy(() => casePages().then((m) => ({ default: m.CasePage })));
const HotIssuesPage = lazy(() => import('../dispatch/hot-issues-page.js').then((m) => ({ default: m.HotIssuesPage })));
const CockpitPage = lazy(() => import('../cockpit/cockpit-page.js').then((m) => ({ default: m.CockpitPage })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page-center">
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

/** All routes of the web app; menu pages are guarded by the same table that builds the menu. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <Protected />,
    children: [
      { index: true, element: <Navigate to="/home" replace /> },
      { path: 'home', element: <HomePage /> },
      { path: 'org', element: <Guard page="org"><Lazy><OrgPage /></Lazy></Guard> },
      { path: 'org/map', element: <Guard page="org-map"><Lazy><GridMapPage /></Lazy></Guard> },
      { path: 'admin/users', element: <Guard page="admin-users"><Lazy><UsersPage /></Lazy></Guard> },
      { path: 'admin/settings', element: <Guard page="admin-settings"><Lazy><DispatchSettingsPage /></Lazy></Guard> },
      { path: 'cases/new', element: <Guard page="cases-new"><Lazy><ReportPage /></Lazy></Guard> },
      { path: 'cases/mine', element: <Guard page="cases-mine"><Lazy><MyReportsPage /></Lazy></Guard> },
      { path: 'cases/dispatch', element: <Guard page="cases-dispatch"><Lazy><DispatchPage /></Lazy></Guard> },
      { path: 'cases/tasks', element: <Guard page="cases-tasks"><Lazy><TasksPage /></Lazy></Guard> },
      { path: 'cases/supervision', element: <Guard page="cases-supervision"><Lazy><SupervisionPage /></Lazy></Guard> },
      { path: 'hot-issues', element: <Guard page="hot-issues"><Lazy><HotIssuesPage /></Lazy></Guard> },
      { path: 'cockpit', element: <Guard page="cockpit"><Lazy><CockpitPage /></Lazy></Guard> },
      // A case page is open to anyone signed in: the server decides who may see which case (404 otherwise).
      { path: 'cases/:id', element: <Lazy><CasePage /></Lazy> },
      { path: '*', element: <StatusPage status="404" /> },
    ],
  },
]);

// A lapsed session anywhere sends the user to sign in again, then back to where they were.
setUnauthorizedHandler(() => {
  queryClient.clear();
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(pathname + search);
  void router.navigate(`/login?next=${next}`, { replace: true });
});
