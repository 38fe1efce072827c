/**
 * The console: checks the session, shows sign-in while signed out (keeping the URL) and the
 * page of the current route when signed in. Routes (under /admin): see console/README.md.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Session } from './api/types.js';
import { AppShell } from './components/app-shell.js';
import { AuditPage } from './pages/audit-page.js';
import { BroadcastDetailPage } from './pages/broadcast-detail-page.js';
import { BroadcastListPage } from './pages/broadcast-list-page.js';
import { ComposePage } from './pages/compose-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { FaqTesterPage } from './pages/faq-tester-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { ReportsPage } from './pages/reports-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { UnansweredPage } from './pages/unanswered-page.js';
import { focusHeadingWhenReady } from './page-ready.js';
import { matchRoute, useLocation } from './router.js';
import { checkSession, useSession } from './session.js';

type Render = (params: Record<string, string>, session: Session) => JSX.Element;

/** Most specific first: `/broadcasts/new` before `/broadcasts/:id`. */
const ROUTES: Array<[string, Render]> = [
  ['/', () => <DashboardPage />],
  ['/broadcasts', (_, s) => <BroadcastListPage session={s} />],
  ['/broadcasts/new', (_, s) => <ComposePage session={s} />],
  ['/broadcasts/:id/edit', (p, s) => <ComposePage session={s} id={p['id']} />],
  ['/broadcasts/:id', (p, s) => <BroadcastDetailPage session={s} id={p['id']!} />],
  ['/faq', () => <FaqTesterPage />],
  ['/unanswered', () => <UnansweredPage />],
  ['/reports', () => <ReportsPage />],
  ['/audit', (_, s) => (s.role === 'admin' ? <AuditPage /> : <NotFoundPage />)],
];

function routeElement(path: string, session: Session): JSX.Element {
  for (const [pattern, render] of ROUTES) {
    const params = matchRoute(pattern, path);
    if (params) return render(params, session);
  }
  return <NotFoundPage />;
}

export function App() {
  const session = useSession();
  const { path } = useLocation();
  const firstPath = useRef(path);

  useEffect(() => {
    void checkSession();
  }, []);

  // After moving to another page, signing in or out, focus its heading (not on the first
  // load: the browser's own start is right there).
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    focusHeadingWhenReady();
  }, [path]);
  const signedIn = session.status === 'signed-in';
  const wasSignedIn = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    if (session.status === 'checking') return;
    if (wasSignedIn.current !== undefined && wasSignedIn.current !== signedIn) {
      focusHeadingWhenReady();
    }
    wasSignedIn.current = signedIn;
  }, [signedIn, session.status]);

  if (session.status === 'checking') {
    return (
      <AppShell session={undefined} path={path}>
        <p class="loading" role="status">
          読み込み中…
        </p>
      </AppShell>
    );
  }
  if (session.status === 'signed-out') {
    return (
      <AppShell session={undefined} path={path}>
        <SignInPage reason={session.reason} />
      </AppShell>
    );
  }
  return (
    <AppShell session={session.session} path={path}>
      {/* key: a new route is a new page, with fresh state */}
      <div key={path}>{routeElement(path, session.session)}</div>
    </AppShell>
  );
}
