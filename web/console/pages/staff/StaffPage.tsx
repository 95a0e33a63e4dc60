import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../../contracts/access.ts';
import { PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type StaffQuery, type StaffView, useOrgUnits, useStaffList } from '../../api/org.ts';
import { PagedTable, usePagedQuery } from '../../PagedTable.tsx';
import { can, useMe } from '../../session.ts';
import { PhoneCell } from './PhoneCell.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { StaffActions } from './StaffActions.tsx';
import { StaffDrawer } from './StaffDrawer.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; staff: StaffView } | { kind: 'reset'; staff: StaffView };

/** 人员管理: a searchable, paged staff list; row buttons follow each row's allowedActions. */
export default function StaffPage() {
  const { t, roleLabel } = useI18n();
  const me = useMe().data;
  const units = useOrgUnits();
  const { query, filter: set, turnPage } = usePagedQuery<StaffQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useStaffList(query);

  return (
    <div>
      <PageTitle
        title={t('menu.staff')}
        extra={
          can(me, 'staff.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('staff.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('staff.searchPlaceholder')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 220 }}
            data-testid="staff-search"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('staff.filterOrg')}
            style={{ width: 220 }}
            onChange={(orgUnitId?: string) => set({ orgUnitId })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select
            allowClear
            placeholder={t('staff.filterRole')}
            style={{ width: 200 }}
            onChange={(role?: StaffQuery['role']) => set({ role })}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 120 }}
            onChange={(active?: 'true' | 'false') => set({ active })}
            options={[
              { value: 'true', label: t('staff.active') },
              { value: 'false', label: t('staff.inactive') },
            ]}
          />
        </Space>
        <PagedTable<StaffView>
          list={list}
          query={query}
          onPage={turnPage}
          scroll={{ x: 1100 }}
          data-testid="staff-table"
          columns={[
            {
              title: t('staff.name'),
              dataIndex: 'name',
              width: 120,
              render: (name: string, s) => (
                <div>
                  <div>{name}</div>
                  <div className="ow-muted">{s.username}</div>
                </div>
              ),
            },
            {
              title: `${t('staff.org')} / ${t('staff.title')}`,
              dataIndex: 'orgUnitName',
              width: 200,
              render: (org: string, s) => (
                <div>
                  <div>{org}</div>
                  <div className="ow-muted">{s.title ?? ''}</div>
                </div>
              ),
            },
            { title: t('staff.window'), dataIndex: 'windowName', width: 150, render: (v) => v ?? '—' },
            {
              title: t('staff.phone'),
              key: 'phone',
              width: 160,
              render: (_, s) => <PhoneCell staff={s} />,
            },
            {
              title: t('staff.roles'),
              key: 'roles',
              render: (_, s) => (
                <Space size={[0, 4]} wrap>
                  {s.roles.map((r) => (
                    <Tag key={`${r.role}:${r.scopeOrgUnitId}`} color="blue" title={r.scopeName}>
                      {roleLabel(r.role)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 90,
              render: (_, s) => (
                <Space size={[0, 4]} wrap>
                  {s.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>}
                  {s.locked ? <Tag color="red">{t('staff.locked')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 190,
              render: (_, s) => (
                <StaffActions
                  staff={s}
                  onEdit={() => setDialog({ kind: 'edit', staff: s })}
                  onReset={() => setDialog({ kind: 'reset', staff: s })}
                />
              ),
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'create' ? (
        <StaffDrawer staff={null} units={units.data ?? []} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <StaffDrawer staff={dialog.staff} units={units.data ?? []} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordModal staff={dialog.staff} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
