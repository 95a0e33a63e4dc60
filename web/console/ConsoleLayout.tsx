import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Spin, Tag } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LangSwitch } from '../ui/components.tsx';
import { Emblem } from '../ui/Emblem.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { useI18n } from '../ui/i18n/index.tsx';
import { useMenu } from './menu.tsx';
import { useLogout, useMe } from './session.ts';

/** The console's frame: header with the county and the user, the role-aware side menu, the page. */
export function ConsoleLayout() {
  const { t, roleLabel } = useI18n();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const menu = useMenu();
  const items = useMemo(
    () =>
      menu.map((m) => ({
        key: `/console/${m.path}`,
        icon: m.icon,
        label: <Link to={`/console/${m.path}`}>{t(m.label)}</Link>,
      })),
    [menu, t],
  );
  const selected = location.pathname.replace(/\/+$/, '/') || '/console/';
  const selectedKey =
    items.find((i) => i.key !== '/console/' && selected.startsWith(i.key))?.key ?? '/console/';
  const firstGrant = me?.grants[0];

  return (
    <Layout className="ow-console">
      <Layout.Header className="ow-header">
        <Link to="/console/" className="ow-header-brand">
          <Emblem size={34} />
          <span className="ow-header-title">
            {t('app.title')}
            <span className="ow-header-sep"> · </span>
            {t('app.console')}
          </span>
        </Link>
        <div className="ow-header-right">
          <LangSwitch light />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword') },
                { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout') },
              ],
              onClick: ({ key }) => {
                if (key === 'password') navigate('/console/password');
                else logout.mutate(undefined, { onSettled: () => navigate('/console/login') });
              },
            }}
          >
            <Button type="text" className="ow-user" data-testid="user-menu">
              <UserOutlined />
              <span className="ow-user-name">{me?.name}</span>
              {firstGrant ? (
                <Tag color="gold" className="ow-user-role">
                  {roleLabel(firstGrant.role)} · {firstGrant.scopeName}
                  {me && me.grants.length > 1 ? ` +${me.grants.length - 1}` : ''}
                </Tag>
              ) : null}
              <DownOutlined />
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={0} className="ow-sider">
          <Menu mode="inline" selectedKeys={[selectedKey]} items={items} data-testid="side-menu" />
        </Layout.Sider>
        <Layout.Content className="ow-content">
          {/* A page that fails (a stale chunk after an update) leaves the menu usable. */}
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <div className="ow-boot">
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
