import { Spin } from 'antd';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Forbidden, LoadError } from '../ui/components.tsx';
import { AntdProviders } from '../ui/providers.tsx';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { LoginPage } from './LoginPage.tsx';
import { MENU, type MenuEntry } from './menu.tsx';
import { MENU_PAGES } from './menu-pages.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { can, useCountyWide, useMe } from './session.ts';
import './console.css';

function Centered() {
  return (
    <div className="ow-boot">
      <Spin />
    </div>
  );
}

/** Lets a logged-in user through; sends anyone else to the log-in page, and a forced change first. */
function RequireLogin() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Centered />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/console/login" replace state={{ from: location.pathname }} />;
  if (me.data.mustChangePassword) return <ChangePasswordPage forced />;
  return <Outlet />;
}

/** A page the user may not open shows 403 rather than an empty table the server refused. */
function Guarded({ entry }: { entry: MenuEntry }) {
  const me = useMe();
  const countyWide = useCountyWide();
  if (entry.action && !can(me.data, entry.action)) return <Forbidden />;
  if (entry.action && entry.countyWide && !countyWide(entry.action)) return <Forbidden />;
  const Page = MENU_PAGES[entry.path];
  return <Page />;
}

/** The staff console at /console/: log-in, then the role-aware layout and its pages. */
export default function ConsoleApp() {
  return (
    <AntdProviders>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireLogin />}>
          <Route element={<ConsoleLayout />}>
            {MENU.map((entry) =>
              entry.path === '' ? (
                <Route key="home" index element={<Guarded entry={entry} />} />
              ) : (
                <Route
                  key={entry.path}
                  path={entry.nested ? `${entry.path}/*` : entry.path}
                  element={<Guarded entry={entry} />}
                />
              ),
            )}
            <Route path="password" element={<ChangePasswordPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </AntdProviders>
  );
}
