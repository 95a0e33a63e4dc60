import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

// The case page is its own chunk: a search that is only looked at never downloads the action forms.
const SearchPage = lazy(() => import('./SearchPage.tsx'));
const CasePage = lazy(() => import('./page/CasePage.tsx'));

/** /console/cases: 办件查询, and /console/cases/:id, the case page every list links to. */
export default function CasesRoutes() {
  return (
    <Routes>
      <Route index element={<SearchPage />} />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}
