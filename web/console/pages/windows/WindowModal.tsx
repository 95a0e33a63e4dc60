import { App, Form, Input, Modal, Select, Switch } from 'antd';
import type { WindowKind } from '../../../../contracts/org.ts';
import { useReportError } from '../../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { isStaleOrg, type OrgUnitView, useWindowMutations, type WindowView } from '../../api/org.ts';

const KINDS: WindowKind[] = ['comprehensive', 'specialist', 'delivery', 'bundle'];

interface WindowForm {
  number: string;
  name: string;
  kind: WindowKind;
  departmentId?: string | null;
  active?: boolean;
}

/** Create or edit one window of a service centre. */
export function WindowModal({
  centreId,
  window,
  departments,
  onClose,
}: {
  centreId: string;
  window: WindowView | null;
  departments: OrgUnitView[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<WindowForm>();
  const { create, update } = useWindowMutations();
  const report = useReportError();

  const onFinish = async (v: WindowForm) => {
    const body = { number: v.number, name: v.name, kind: v.kind, departmentId: v.departmentId ?? null };
    try {
      if (window)
        await update.mutateAsync({
          id: window.id,
          body: { ...body, active: v.active ?? true, expectedRevision: window.revision },
        });
      else await create.mutateAsync({ ...body, serviceCentreId: centreId });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      report(err, form);
      // Someone else changed it since the form was filled: its message asks to reload, the list
      // has reloaded, and the form closes so the next edit starts from what is stored now.
      if (isStaleOrg(err)) onClose();
    }
  };

  const required = (key: MessageKey) => [
    { required: true, message: t('common.required', { field: t(key) }) },
  ];
  return (
    <Modal
      open
      title={window ? t('windows.editTitle') : t('windows.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<WindowForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          window
            ? { ...window, departmentId: window.departmentId ?? undefined }
            : { kind: 'comprehensive', active: true }
        }
      >
        <Form.Item name="number" label={t('windows.number')} rules={required('windows.number')}>
          <Input maxLength={16} placeholder="A01" />
        </Form.Item>
        <Form.Item name="name" label={t('windows.name')} rules={required('windows.name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('windows.kind')} rules={required('windows.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`windows.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('windows.department')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        {window ? (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
