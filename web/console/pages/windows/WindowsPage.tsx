import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { useOrgUnits, useWindows, type WindowView } from '../../api/org.ts';
import { useMe } from '../../session.ts';
import { WindowModal } from './WindowModal.tsx';

const HOST_KINDS = ['service_centre', 'service_station'];

/** 窗口管理: the windows of one service centre (综合受理, 专业, 出件, 一件事). */
export default function WindowsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const units = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const centres = (units.data ?? []).filter((u) => HOST_KINDS.includes(u.kind));
  // The user's own centre first (a township clerk's is under their township), else the first.
  const own = centres.find((c) => c.id === me?.orgUnitId || c.parentId === me?.orgUnitId);
  const centreId = params.get('centre') ?? own?.id ?? centres[0]?.id;
  const centre = centres.find((c) => c.id === centreId);
  const windows = useWindows(centreId);
  const mayEditSome = (windows.data ?? []).some((w) => w.allowedActions.includes('update'));
  const [editing, setEditing] = useState<WindowView | 'new' | null>(null);

  if (units.isError) return <LoadError error={units.error} onRetry={() => units.refetch()} />;
  const departments = (units.data ?? []).filter((u) => u.kind === 'department');

  return (
    <div>
      <PageTitle
        title={t('menu.windows')}
        extra={
          <>
            <Select
              style={{ minWidth: 240 }}
              loading={units.isPending}
              placeholder={t('windows.centre')}
              value={centreId}
              onChange={(id) => setParams({ centre: id })}
              options={centres.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="centre-select"
            />
            {/* The centre's own allowedActions: a town's administrator adds windows to the town's centre only. */}
            {centre?.allowedActions.includes('manageWindows') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('windows.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        {!units.isPending && centres.length === 0 ? (
          <Empty description={t('windows.noCentre')} />
        ) : windows.isError ? (
          <LoadError error={windows.error} onRetry={() => windows.refetch()} />
        ) : (
          <Table<WindowView>
            rowKey="id"
            size="middle"
            loading={windows.isPending}
            dataSource={windows.data ?? []}
            pagination={false}
            scroll={{ x: 720 }}
            columns={[
              { title: t('windows.number'), dataIndex: 'number', width: 100 },
              { title: t('windows.name'), dataIndex: 'name' },
              {
                title: t('windows.kind'),
                dataIndex: 'kind',
                render: (k: string) => <Tag color="blue">{t(`windows.kind.${k}` as MessageKey)}</Tag>,
              },
              { title: t('windows.department'), dataIndex: 'departmentName', render: (v) => v ?? '—' },
              {
                title: t('common.status'),
                dataIndex: 'active',
                render: (a: boolean) =>
                  a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
              },
              ...(mayEditSome
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, w: WindowView) =>
                        w.allowedActions.includes('update') ? (
                          <Button
                            size="small"
                            type="link"
                            icon={<EditOutlined />}
                            onClick={() => setEditing(w)}
                          >
                            {t('common.edit')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {editing && centreId ? (
        <WindowModal
          centreId={centreId}
          window={editing === 'new' ? null : editing}
          departments={departments}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
