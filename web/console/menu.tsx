import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  MessageOutlined,
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
  /** The permission that opens the page; the menu hides it from everyone else. */
  action: Action | null;
  page: LazyExoticComponent<ComponentType>;
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
    page: lazy(() => import('./pages/OutboxPage.tsx')),
  },
  {
    path: 'jobs',
    label: 'menu.jobs',
    icon: <UnorderedListOutlined />,
    action: 'jobs.read',
    page: lazy(() => import('./pages/JobsPage.tsx')),
  },
  {
    path: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    action: 'audit.read',
    page: lazy(() => import('./pages/AuditPage.tsx')),
  },
];
