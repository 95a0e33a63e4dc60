import {
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  LikeOutlined,
  ProfileOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../ui/i18n/index.tsx';

export interface Tile {
  /** The portal address the tile opens (may carry a query: 个人办事 is /search?object=person); until it is built the path shows 即将上线. */
  path: string;
  title: MessageKey;
  desc: MessageKey;
  icon: ReactNode;
  color: string;
  /** False while the feature is not built: its path renders the coming-soon page. */
  ready: boolean;
}

export const TILES: readonly Tile[] = [
  {
    path: '/search',
    title: 'portal.tile.guides',
    desc: 'portal.tile.guides.desc',
    icon: <ProfileOutlined />,
    color: '#1d6fd6',
    ready: true,
  },
  {
    path: '/search?object=person',
    title: 'portal.tile.personal',
    desc: 'portal.tile.personal.desc',
    icon: <UserOutlined />,
    color: '#0f9d8a',
    ready: true,
  },
  {
    path: '/search?object=legal',
    title: 'portal.tile.business',
    desc: 'portal.tile.business.desc',
    icon: <BankOutlined />,
    color: '#6b4fd8',
    ready: true,
  },
  {
    path: '/bundles',
    title: 'portal.tile.bundles',
    desc: 'portal.tile.bundles.desc',
    icon: <ThunderboltOutlined />,
    color: '#e0621b',
    ready: false,
  },
  {
    path: '/progress',
    title: 'portal.tile.progress',
    desc: 'portal.tile.progress.desc',
    icon: <FileSearchOutlined />,
    color: '#1a8f3c',
    ready: true,
  },
  {
    path: '/ratings',
    title: 'portal.tile.ratings',
    desc: 'portal.tile.ratings.desc',
    icon: <LikeOutlined />,
    color: '#d4380d',
    ready: false,
  },
  {
    path: '/townships',
    title: 'portal.tile.townships',
    desc: 'portal.tile.townships.desc',
    icon: <EnvironmentOutlined />,
    color: '#0e7fa6',
    ready: false,
  },
  {
    path: '/console/',
    title: 'portal.tile.console',
    desc: 'portal.tile.console.desc',
    icon: <TeamOutlined />,
    color: '#55606e',
    ready: true,
  },
];

/** The icon of the coming-soon page when a path matches no tile. */
export const FALLBACK_ICON = <AuditOutlined />;
