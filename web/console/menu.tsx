import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ExportOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  MessageOutlined,
  ProfileOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Action } from '../../contracts/access.ts';
import type { MessageKey } from '../ui/i18n/index.tsx';

export interface MenuEntry {
  /** Path under /console/ ('' is the home page). */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The permission (or any of several) that opens the page; the menu hides it from everyone else. */
  action: Action | readonly Action[] | null;
  page: LazyExoticComponent<ComponentType>;
  /** True when the page has addresses below its own (list → detail): its route matches `path/*`. */
  nested?: boolean;
  /** A county resource: the action must be granted at the county (a town's administrator has no outbox). */
  countyWide?: boolean;
}

// Each page is its own chunk: a clerk who never opens the audit log never downloads it.
export const MENU: readonly MenuEntry[] = [
  {
    path: '',
    label: 'menu.home',
    icon: <HomeOutlined />,
    action: null,
    page: lazy(() => import('./pages/HomePage.tsx')),
  },
  {
    path: 'intake',
    label: 'case.menu.intake',
    icon: <FormOutlined />,
    action: 'case.accept',
    page: lazy(() => import('./pages/cases/intake/IntakePage.tsx')),
  },
  {
    path: 'work',
    label: 'case.menu.work',
    icon: <InboxOutlined />,
    action: ['case.handle', 'case.review', 'case.approve'],
    page: lazy(() => import('./pages/cases/WorkPage.tsx')),
  },
  {
    path: 'delivery',
    label: 'case.menu.delivery',
    icon: <ExportOutlined />,
    action: 'case.deliver',
    page: lazy(() => import('./pages/cases/DeliveryPage.tsx')),
  },
  {
    path: 'cases',
    label: 'case.menu.search',
    icon: <FileSearchOutlined />,
    action: 'case.read',
    page: lazy(() => import('./pages/cases/CasesRoutes.tsx')),
    nested: true,
  },
  {
    path: 'supervision',
    label: 'case.menu.supervision',
    icon: <AlertOutlined />,
    action: 'case.supervise',
    page: lazy(() => import('./pages/cases/SupervisionPage.tsx')),
  },
  {
    path: 'org',
    label: 'menu.org',
    icon: <ApartmentOutlined />,
    action: 'org.read',
    page: lazy(() => import('./pages/org/OrgPage.tsx')),
  },
  {
    path: 'windows',
    label: 'menu.windows',
    icon: <ShopOutlined />,
    action: 'org.read',
    page: lazy(() => import('./pages/windows/WindowsPage.tsx')),
  },
  {
    path: 'staff',
    label: 'menu.staff',
    icon: <TeamOutlined />,
    action: 'staff.read',
    page: lazy(() => import('./pages/staff/StaffPage.tsx')),
  },
  {
    path: 'catalog',
    label: 'catalog.menu',
    icon: <ProfileOutlined />,
    // Every staff role reads the catalogue; editing follows each item's allowedActions.
    action: 'catalog.read',
    page: lazy(() => import('./pages/catalog/CatalogPage.tsx')),
    nested: true,
  },
  {
    path: 'catalog-import',
    label: 'catalogImport.menu',
    icon: <ImportOutlined />,
    // Catalogue administrators: import needs catalog.edit county-wide; the page also exports.
    action: 'catalog.edit',
    page: lazy(() => import('./pages/catalog-import/ImportExportPage.tsx')),
  },
  {
    path: 'calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    action: 'calendar.read',
    page: lazy(() => import('./pages/calendar/CalendarPage.tsx')),
  },
  {
    path: 'outbox',
    label: 'menu.outbox',
    icon: <MessageOutlined />,
    action: 'outbox.read',
    countyWide: true,
    page: lazy(() => import('./pages/OutboxPage.tsx')),
  },
  {
    path: 'jobs',
    label: 'menu.jobs',
    icon: <UnorderedListOutlined />,
    action: 'jobs.read',
    countyWide: true,
    page: lazy(() => import('./pages/JobsPage.tsx')),
  },
  {
    path: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    action: 'audit.read',
    countyWide: true,
    page: lazy(() => import('./pages/AuditPage.tsx')),
  },
];
