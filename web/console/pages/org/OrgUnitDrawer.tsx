import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { CreateOrgUnitInput } from '../../../../contracts/org.ts';
import { useReportError } from '../../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { isStaleOrg, type OrgUnitView, useOrgUnitMutations } from '../../api/org.ts';
import { buildTree, type UnitNode } from './tree.ts';

export type DrawerMode = { kind: 'create'; parentId?: string } | { kind: 'edit'; unit: OrgUnitView };

const KINDS = ['government', 'department', 'service_centre', 'township', 'village', 'service_station'];

interface UnitForm {
  parentId?: string;
  code: string;
  name: string;
  kind: CreateOrgUnitInput['kind'];
  creditCode?: string;
  divisionCode?: string;
  address?: string;
  phone?: string;
  sort?: number;
}

/** Optional text fields: blank means "none", which the API spells null. */
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The create / edit form of an org unit, in a drawer; server field errors land on the fields. */
export function OrgUnitDrawer({
  mode,
  units,
  onClose,
  onSaved,
}: {
  mode: DrawerMode;
  units: OrgUnitView[];
  onClose(): void;
  onSaved(unit: OrgUnitView): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const { create, update } = useOrgUnitMutations();
  const report = useReportError();
  const editing = mode.kind === 'edit' ? mode.unit : null;

  const parentTree = useMemo(() => {
    type Option = { value: string; title: string; children: Option[] };
    const toNodes = (nodes: UnitNode[]): Option[] =>
      nodes
        .filter((n) => n.unit.id !== editing?.id)
        .map((n) => ({ value: n.unit.id, title: n.unit.name, children: toNodes(n.children) }));
    return toNodes(buildTree(units));
  }, [units, editing]);

  const initial: Partial<UnitForm> = editing
    ? {
        parentId: editing.parentId ?? undefined,
        code: editing.code,
        name: editing.name,
        kind: editing.kind,
        creditCode: editing.creditCode ?? undefined,
        divisionCode: editing.divisionCode ?? undefined,
        address: editing.address ?? undefined,
        phone: editing.phone ?? undefined,
        sort: editing.sort,
      }
    : { parentId: mode.kind === 'create' ? mode.parentId : undefined, kind: 'department', sort: 0 };

  const onFinish = async (v: UnitForm) => {
    const body = {
      code: v.code,
      name: v.name,
      kind: v.kind,
      creditCode: blankToNull(v.creditCode),
      divisionCode: blankToNull(v.divisionCode),
      address: blankToNull(v.address),
      phone: blankToNull(v.phone),
      sort: v.sort ?? 0,
    };
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: editing.id,
            body: {
              ...body,
              expectedRevision: editing.revision,
              ...(v.parentId && v.parentId !== editing.parentId ? { parentId: v.parentId } : {}),
            },
          })
        : await create.mutateAsync({ ...body, parentId: v.parentId ?? '' });
      message.success(t('common.saved'));
      onSaved(saved);
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
      size={520}
      title={editing ? t('org.editTitle') : t('org.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<UnitForm> form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Form.Item
          name="parentId"
          label={t('org.parent')}
          rules={editing?.parentId === null ? [] : required('org.parent')}
        >
          <TreeSelect
            treeData={parentTree}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
            disabled={editing?.parentId === null}
          />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={required('org.name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')} rules={required('org.code')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={required('org.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('org.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('org.divisionCode')}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="address" label={t('org.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('org.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="sort" label={t('org.sort')}>
          <InputNumber min={0} max={1000000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
