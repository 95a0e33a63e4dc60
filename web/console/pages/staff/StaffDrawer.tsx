import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { ROLES, type Role } from '../../../../contracts/access.ts';
import { useReportError } from '../../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import {
  isStaleOrg,
  type OrgUnitView,
  type StaffView,
  useStaffMutations,
  useWindows,
} from '../../api/org.ts';
import { buildTree, type UnitNode } from '../org/tree.ts';

interface StaffForm {
  username: string;
  name: string;
  orgUnitId: string;
  windowId?: string | null;
  phone?: string;
  title?: string;
  initialPassword: string;
  roles: { role: Role; scopeOrgUnitId: string }[];
}

type TreeOption = { value: string; title: string; children: TreeOption[] };
const toOptions = (nodes: UnitNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.unit.id, title: n.unit.name, children: toOptions(n.children) }));

/** Create a staff member (with role grants) or edit one; server field errors land on the fields. */
export function StaffDrawer({
  staff,
  units,
  onClose,
}: {
  staff: StaffView | null;
  units: OrgUnitView[];
  onClose(): void;
}) {
  const { t, roleLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffForm>();
  const { create, update } = useStaffMutations();
  const windows = useWindows(undefined);
  const report = useReportError();
  const tree = useMemo(() => toOptions(buildTree(units)), [units]);

  const onFinish = async (v: StaffForm) => {
    const common = {
      name: v.name,
      orgUnitId: v.orgUnitId,
      windowId: v.windowId ?? null,
      title: v.title?.trim() ? v.title.trim() : null,
      roles: v.roles ?? [],
    };
    // The phone is shown masked: an empty field on edit means "unchanged", not "remove".
    const phone = v.phone?.trim() ? { phone: v.phone.trim() } : {};
    try {
      if (staff)
        await update.mutateAsync({
          id: staff.id,
          body: { ...common, ...phone, expectedRevision: staff.revision },
        });
      else
        await create.mutateAsync({
          ...common,
          ...phone,
          username: v.username,
          initialPassword: v.initialPassword,
        });
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
    <Drawer
      open
      size={560}
      title={staff ? `${t('staff.editTitle')} · ${staff.name}` : t('staff.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="staff-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<StaffForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          staff
            ? {
                name: staff.name,
                orgUnitId: staff.orgUnitId,
                windowId: staff.windowId,
                title: staff.title ?? undefined,
                roles: staff.roles.map((r) => ({ role: r.role, scopeOrgUnitId: r.scopeOrgUnitId })),
              }
            : { roles: [] }
        }
      >
        {staff ? null : (
          <Form.Item name="username" label={t('staff.username')} rules={required('staff.username')}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('staff.name')} rules={required('staff.name')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('staff.org')} rules={required('staff.org')}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="windowId" label={t('staff.window')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={windows.isPending}
            options={(windows.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.serviceCentreName} · ${w.number} ${w.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          extra={staff?.phoneMasked ? staff.phoneMasked : undefined}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="title" label={t('staff.title')}>
          <Input maxLength={50} />
        </Form.Item>
        {staff ? null : (
          <Form.Item
            name="initialPassword"
            label={t('staff.initialPassword')}
            extra={t('pwd.hint')}
            rules={required('staff.initialPassword')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Typography.Title level={5}>{t('staff.grants')}</Typography.Title>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space
                  key={field.key}
                  align="start"
                  style={{ display: 'flex' }}
                  data-testid={`grant-${index}`}
                >
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={required('staff.grantRole')}
                    style={{ width: 200 }}
                  >
                    <Select
                      placeholder={t('staff.grantRole')}
                      options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'scopeOrgUnitId']}
                    rules={required('staff.grantScope')}
                    style={{ width: 240 }}
                  >
                    <TreeSelect
                      placeholder={t('staff.grantScope')}
                      treeData={tree}
                      showSearch
                      treeNodeFilterProp="title"
                    />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                {t('staff.addGrant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
