import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { MenuPath } from './menu.tsx';

/**
 * The page each menu entry opens (menu.tsx), by its path. Each page is its own chunk: a clerk who never
 * opens the audit log never downloads it. Kept apart from the menu so that pages may import the menu.
 */
export const MENU_PAGES: Record<MenuPath, LazyExoticComponent<ComponentType>> = {
  '': lazy(() => import('./pages/HomePage.tsx')),
  intake: lazy(() => import('./pages/cases/intake/IntakePage.tsx')),
  work: lazy(() => import('./pages/cases/WorkPage.tsx')),
  delivery: lazy(() => import('./pages/cases/DeliveryPage.tsx')),
  cases: lazy(() => import('./pages/cases/CasesRoutes.tsx')),
  supervision: lazy(() => import('./pages/cases/SupervisionPage.tsx')),
  org: lazy(() => import('./pages/org/OrgPage.tsx')),
  windows: lazy(() => import('./pages/windows/WindowsPage.tsx')),
  staff: lazy(() => import('./pages/staff/StaffPage.tsx')),
  catalog: lazy(() => import('./pages/catalog/CatalogPage.tsx')),
  'catalog-import': lazy(() => import('./pages/catalog-import/ImportExportPage.tsx')),
  calendar: lazy(() => import('./pages/calendar/CalendarPage.tsx')),
  outbox: lazy(() => import('./pages/OutboxPage.tsx')),
  inbox: lazy(() => import('./pages/InboxPage.tsx')),
  jobs: lazy(() => import('./pages/JobsPage.tsx')),
  audit: lazy(() => import('./pages/AuditPage.tsx')),
};
