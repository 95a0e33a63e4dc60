import { App, Button, Popconfirm, Space } from 'antd';
import { useReportError } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type StaffView, useStaffMutations } from '../../api/org.ts';

/** 编辑 / 重置密码 / 停用 (启用) for one staff row, each shown only when the row allows it. */
export function StaffActions({
  staff,
  onEdit,
  onReset,
}: {
  staff: StaffView;
  onEdit(): void;
  onReset(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { update } = useStaffMutations();
  const report = useReportError();
  const canUpdate = staff.allowedActions.includes('update');
  const setActive = (active: boolean) =>
    update.mutateAsync({ id: staff.id, body: { active, expectedRevision: staff.revision } }).then(
      () => message.success(t('common.saved')),
      (err) => report(err),
    );
  return (
    <Space size={0} wrap>
      {canUpdate ? (
        <Button size="small" type="link" onClick={onEdit}>
          {t('common.edit')}
        </Button>
      ) : null}
      {staff.allowedActions.includes('resetPassword') ? (
        <Button size="small" type="link" onClick={onReset}>
          {t('staff.resetPassword')}
        </Button>
      ) : null}
      {canUpdate && staff.active ? (
        <Popconfirm
          title={t('staff.deactivateConfirm', { name: staff.name })}
          okButtonProps={{ danger: true }}
          onConfirm={() => setActive(false)}
        >
          <Button size="small" type="link" danger>
            {t('staff.deactivate')}
          </Button>
        </Popconfirm>
      ) : null}
      {canUpdate && !staff.active ? (
        <Button size="small" type="link" onClick={() => setActive(true)}>
          {t('staff.activate')}
        </Button>
      ) : null}
    </Space>
  );
}
