import { Route, Routes } from 'react-router-dom';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { HomePage } from './HomePage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { TILES } from './tiles.tsx';
import './portal.css';

/** The citizen portal (一网通办 / 掌上办): plain React and CSS so phones load it fast. */
export default function PortalApp() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="search" element={<SearchPage />} />
      {TILES.filter((tile) => !tile.ready).map((tile) => (
        <Route key={tile.path} path={`${tile.path.slice(1)}/*`} element={<ComingSoonPage tile={tile} />} />
      ))}
      <Route path="*" element={<ComingSoonPage tile={null} />} />
    </Routes>
  );
}
