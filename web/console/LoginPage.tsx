import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { LangSwitch } from '../ui/components.tsx';
import { Emblem } from '../ui/Emblem.tsx';
import { errorText } from '../ui/form-errors.ts';
import { useI18n } from '../ui/i18n/index.tsx';
import { useLogin, useMe } from './session.ts';

interface LoginForm {
  username: string;
  password: string;
}

/** Staff log-in: user name and password; the server's message (wrong password, locked) shows above. */
export function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/console/';
  if (me.data && !login.isPending) return <Navigate to={from} replace />;

  const onFinish = (values: LoginForm) => {
    login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <div className="ow-login">
      <div className="ow-login-lang">
        <LangSwitch light />
      </div>
      <div className="ow-login-brand">
        <Emblem size={56} />
        <div>
          <div className="ow-login-title">{t('app.title')}</div>
          <div className="ow-login-sub">{t('app.console')}</div>
        </div>
      </div>
      <Card className="ow-login-card" title={t('login.title')}>
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorText(login.error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('common.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <div className="ow-login-foot">
          <Link to="/">{t('login.toPortal')}</Link>
        </div>
      </Card>
    </div>
  );
}
