import { App, Form, Input, Modal, Typography } from 'antd';
import { useReportError } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type StaffView, useStaffMutations } from '../../api/org.ts';

/** An administrator sets a new password; the user must change it at the next log-in. */
export function ResetPasswordModal({ staff, onClose }: { staff: StaffView; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const { resetPassword } = useStaffMutations();
  const report = useReportError();
  const onFinish = async ({ newPassword }: { newPassword: string }) => {
    try {
      await resetPassword.mutateAsync({ id: staff.id, newPassword });
      message.success(t('staff.resetDone'));
      onClose();
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Modal
      open
      title={`${t('staff.resetPassword')} · ${staff.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('pwd.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="newPassword"
          label={t('staff.newPassword')}
          rules={[{ required: true, message: t('common.required', { field: t('staff.newPassword') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
