import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { I18nProvider } from './ui/i18n/index.tsx';
import './ui/base.css';

// The pages run under a CSP without 'unsafe-eval': zod must not compile validators with new Function
// (nor probe whether it may, which the browser reports as a violation). zod reads its configuration
// from this global when it loads; setting it here keeps zod itself out of the entry bundle (importing
// zod's config() pulled ~5 KB gzipped into every first page). The browser tests fail on any CSP
// violation, so a zod that stops reading it is caught.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

// Two bundles behind one shell: a phone opening the portal never downloads the console.
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));
const PortalApp = lazy(() => import('./portal/PortalApp.tsx'));

function Loading() {
  return <div className="ow-boot">…</div>;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <BrowserRouter>
          <ErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/console/*" element={<ConsoleApp />} />
                <Route path="/*" element={<PortalApp />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </BrowserRouter>
      </I18nProvider>
    </StrictMode>,
  );
}
