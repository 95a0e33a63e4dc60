import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { HomePage } from './HomePage.tsx';
import { TILES } from './tiles.tsx';
import './portal.css';

// The search and the guide are their own chunks: the front page stays as light as it was.
const SearchPage = lazy(() => import('./search/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const GuidePage = lazy(() => import('./guide/GuidePage.tsx').then((m) => ({ default: m.GuidePage })));
const LoginPage = lazy(() => import('./account/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const ApplyPage = lazy(() => import('./apply/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const MePage = lazy(() => import('./account/MePage.tsx').then((m) => ({ default: m.MePage })));
const ProgressPage = lazy(() =>
  import('./progress/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })),
);

/** The citizen portal (一网通办 / 掌上办): plain React and CSS so phones load it fast. */
export default function PortalApp() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="search" element={<SearchPage />} />
      <Route path="guide/:id" element={<GuidePage />} />
      <Route path="progress" element={<ProgressPage />} />
      <Route path="login" element={<LoginPage />} />
      <Route path="me" element={<MePage />} />
      <Route path="apply/:itemId" element={<ApplyPage />} />
      {TILES.filter((tile) => !tile.ready).map((tile) => (
        <Route key={tile.path} path={`${tile.path.slice(1)}/*`} element={<ComingSoonPage tile={tile} />} />
      ))}
      <Route path="*" element={<ComingSoonPage tile={null} />} />
    </Routes>
  );
}
