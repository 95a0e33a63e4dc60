import { Route, Routes } from 'react-router-dom';
import { CatalogListPage } from './CatalogListPage.tsx';
import { ItemEditorPage } from './editor/ItemEditorPage.tsx';

/** 事项管理 at /console/catalog: the list, /new for a new item, /:id for an item (?version=). */
export default function CatalogPage() {
  return (
    <Routes>
      <Route index element={<CatalogListPage />} />
      <Route path="new" element={<ItemEditorPage />} />
      <Route path=":id" element={<ItemEditorPage />} />
    </Routes>
  );
}
