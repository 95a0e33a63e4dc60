import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { LangSwitch } from '../ui/components.tsx';
import { useReportError } from '../ui/form-errors.ts';
import { useI18n } from '../ui/i18n/index.tsx';
import { useChangePassword, useLogout } from './session.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Password change. `forced` is the screen a user with mustChangePassword sees instead of the
 * console (first log-in, or after an administrator reset the password).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const report = useReportError();

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('pwd.done'));
          form.resetFields();
          if (!forced) navigate('/console/');
        },
        onError: (err) => report(err, form),
      },
    );

  const card = (
    <Card
      title={<h1 className="ow-card-h1">{t('pwd.title')}</h1>}
      className={forced ? 'ow-login-card' : undefined}
      style={{ maxWidth: 480 }}
    >
      {forced ? (
        <Alert type="warning" showIcon title={t('pwd.mustChange')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('pwd.current')}
          rules={[{ required: true, message: t('common.required', { field: t('pwd.current') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('pwd.new')}
          extra={t('pwd.hint')}
          rules={[{ required: true, message: t('common.required', { field: t('pwd.new') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('pwd.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('pwd.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pwd.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
          {forced ? <Button onClick={() => logout.mutate()}>{t('layout.logout')}</Button> : null}
        </Space>
      </Form>
    </Card>
  );
  if (!forced) return card;
  return (
    <main className="ow-login">
      <div className="ow-login-lang">
        <LangSwitch light />
      </div>
      {card}
    </main>
  );
}
