import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AreaPage } from './area/area-page';
import { LoginPage } from './auth/login-page';
import { homePath } from './auth/permissions';
import { Announcer } from './common/announcer';
import { SessionProvider, useSession, useUser } from './auth/session';
import { AppShell } from './layout/app-shell';
import { Loading, NotFoundPage } from './layout/page-state';
import { usePageTitle } from './layout/page-title';
import { NationalPage } from './national/national-page';
import { PlanPage } from './plan/plan-page';

// The annual report page is its own chunk: the plan page, opened far more often, does not wait for it.
const AnnualReportPage = lazy(() => import('./reporting/annual-report-page').then((m) => ({ default: m.AnnualReportPage })));

/**
 * The server answers these paths with index.html (src/web/ in the server): /, /planer/…,
 * /omraader/…, /national. A new page gets a route here and a prefix there.
 */
function SignedInRoutes() {
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/planer/:planId" element={<PlanPage />} />
        <Route
          path="/planer/:planId/aarsrapporter/:year"
          element={
            <Suspense fallback={<Loading what="årsrapporten" />}>
              <AnnualReportPage />
            </Suspense>
          }
        />
        <Route path="/omraader/:areaId" element={<AreaPage />} />
        <Route path="/national" element={<NationalPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}

function Home() {
  const user = useUser();
  const path = homePath(user);
  usePageTitle(undefined);
  if (path) return <Navigate to={path} replace />;
  return (
    <>
      <h1 tabIndex={-1}>Velkommen, {user.name}</h1>
      <p>Din bruger er endnu ikke knyttet til en plan eller et områdesekretariat. Kontakt din administrator.</p>
    </>
  );
}

function Gate() {
  const { status } = useSession();
  // Signed out, every address shows the login form; after login the same address shows its page.
  if (status === 'anonymous') return <LoginPage />;
  return <SignedInRoutes />;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Announcer>
          <Gate />
        </Announcer>
      </SessionProvider>
    </BrowserRouter>
  );
}
