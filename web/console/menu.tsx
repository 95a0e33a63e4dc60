import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
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
import { type ReactNode, useMemo } from 'react';
import type { Action } from '../../contracts/access.ts';
import type { MessageKey } from '../ui/i18n/index.tsx';
import { can, useCountyWide, useMe } from './session.ts';

/** Each menu entry's path under /console/ ('' is the home page); menu-pages.tsx maps each to its page. */
export type MenuPath =
  | ''
  | 'inbox'
  | 'intake'
  | 'work'
  | 'delivery'
  | 'cases'
  | 'supervision'
  | 'org'
  | 'windows'
  | 'staff'
  | 'catalog'
  | 'catalog-import'
  | 'calendar'
  | 'outbox'
  | 'jobs'
  | 'audit';

export interface MenuEntry {
  /** Path under /console/ ('' is the home page). */
  path: MenuPath;
  label: MessageKey;
  icon: ReactNode;
  /** The permission (or any of several) that opens the page; the menu hides it from everyone else. */
  action: Action | readonly Action[] | null;
  /** True when the page has addresses below its own (list → detail): its route matches `path/*`. */
  nested?: boolean;
  /** A county resource: the action must be granted at the county (a town's administrator has no outbox). */
  countyWide?: boolean;
}

/**
 * The console's menu: what each entry shows and the permission that opens it. The pages themselves are
 * in menu-pages.tsx, so a page may use this menu (the home page's shortcuts) without an import cycle.
 */
export const MENU: readonly MenuEntry[] = [
  {
    path: '',
    label: 'menu.home',
    icon: <HomeOutlined />,
    action: null,
  },
  {
    // Everyone's own messages: lock-out alerts to administrators, warnings and reminders.
    path: 'inbox',
    label: 'menu.inbox',
    icon: <BellOutlined />,
    action: null,
  },
  {
    path: 'intake',
    label: 'case.menu.intake',
    icon: <FormOutlined />,
    action: 'case.accept',
  },
  {
    path: 'work',
    label: 'case.menu.work',
    icon: <InboxOutlined />,
    action: ['case.handle', 'case.review', 'case.approve'],
  },
  {
    path: 'delivery',
    label: 'case.menu.delivery',
    icon: <ExportOutlined />,
    action: 'case.deliver',
  },
  {
    path: 'cases',
    label: 'case.menu.search',
    icon: <FileSearchOutlined />,
    action: 'case.read',
    nested: true,
  },
  {
    path: 'supervision',
    label: 'case.menu.supervision',
    icon: <AlertOutlined />,
    action: 'case.supervise',
  },
  {
    path: 'org',
    label: 'menu.org',
    icon: <ApartmentOutlined />,
    action: 'org.read',
  },
  {
    path: 'windows',
    label: 'menu.windows',
    icon: <ShopOutlined />,
    action: 'org.read',
  },
  {
    path: 'staff',
    label: 'menu.staff',
    icon: <TeamOutlined />,
    action: 'staff.read',
  },
  {
    path: 'catalog',
    label: 'catalog.menu',
    icon: <ProfileOutlined />,
    // Every staff role reads the catalogue; editing follows each item's allowedActions.
    action: 'catalog.read',
    nested: true,
  },
  {
    path: 'catalog-import',
    label: 'catalogImport.menu',
    icon: <ImportOutlined />,
    // Catalogue administrators: import needs catalog.edit county-wide; the page also exports.
    action: 'catalog.edit',
  },
  {
    path: 'calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    action: 'calendar.read',
  },
  {
    path: 'outbox',
    label: 'menu.outbox',
    icon: <MessageOutlined />,
    action: 'outbox.read',
    countyWide: true,
  },
  {
    path: 'jobs',
    label: 'menu.jobs',
    icon: <UnorderedListOutlined />,
    action: 'jobs.read',
    countyWide: true,
  },
  {
    path: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    action: 'audit.read',
    countyWide: true,
  },
];

/** The menu entries this user may open (a county-wide one only with a county-wide grant). */
export function useMenu(): MenuEntry[] {
  const me = useMe().data;
  const countyWide = useCountyWide();
  return useMemo(
    () => MENU.filter((m) => !m.action || (can(me, m.action) && (!m.countyWide || countyWide(m.action)))),
    [me, countyWide],
  );
}
