import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Switch, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ITEM_TYPE_CODES, ITEM_TYPES } from '../../../../contracts/catalog-codes.ts';
import { formatTime, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CatalogListQuery, type CatalogRow, useCatalogList } from '../../api/catalog.ts';
import { useOrgUnits } from '../../api/org.ts';
import { PagedTable, usePagedQuery } from '../../PagedTable.tsx';
import { can, useMe } from '../../session.ts';
import { ITEM_STATUS_KEYS } from './options.ts';
import { StatsCard } from './StatsCard.tsx';
import { ItemStatusTag, VersionStatusTag } from './StatusTags.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

/**
 * 事项管理: every item the user may see in any status, searchable (Chinese, pinyin, initials, codes)
 * and filtered; each row's buttons are its allowedActions. The indicators sit on top.
 */
export function CatalogListPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const navigate = useNavigate();
  const units = useOrgUnits();
  const { query, filter: set, turnPage } = usePagedQuery<CatalogListQuery>({ page: 1, pageSize: 20 });
  const list = useCatalogList(query);
  const departments = useMemo(
    () =>
      (units.data ?? []).filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  const mayCreate = can(me, 'catalog.edit') || can(me, 'catalog.propose');

  return (
    <div>
      <PageTitle
        title={t('catalog.menu')}
        extra={
          mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/catalog/new')}>
              {t('catalog.create')}
            </Button>
          ) : null
        }
      />
      <StatsCard />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('catalog.list.search')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 260 }}
            data-testid="catalog-search"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('catalog.f.department')}
            style={{ width: 220 }}
            onChange={(department?: string) => set({ department })}
            options={departments}
          />
          <Select
            allowClear
            placeholder={t('catalog.f.type')}
            style={{ width: 150 }}
            onChange={(type?: CatalogListQuery['type']) => set({ type })}
            options={ITEM_TYPE_CODES.map((c) => ({ value: c, label: ITEM_TYPES[c] }))}
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 130 }}
            onChange={(status?: CatalogListQuery['status']) => set({ status })}
            options={ITEM_STATUS_KEYS.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
          />
          <Space size={6}>
            <Switch
              size="small"
              onChange={(on) => set({ pendingReview: on ? 'true' : undefined })}
              data-testid="pending-only"
            />
            {t('catalog.list.pendingOnly')}
          </Space>
        </Space>
        <PagedTable<CatalogRow>
          list={list}
          query={query}
          onPage={turnPage}
          scroll={{ x: 1100 }}
          data-testid="catalog-table"
          columns={[
            {
              title: t('catalog.f.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <div>
                  <Link to={`/console/catalog/${r.id}`}>{name}</Link>
                  <div className="ow-muted ow-mono">{r.implementationCode}</div>
                </div>
              ),
            },
            { title: t('catalog.f.department'), dataIndex: 'departmentName', width: 200 },
            {
              title: t('catalog.f.type'),
              dataIndex: 'type',
              width: 110,
              render: (type: CatalogRow['type']) => <Tag>{ITEM_TYPES[type]}</Tag>,
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 190,
              render: (_, r) => (
                <Space size={[0, 4]} wrap>
                  <ItemStatusTag status={r.status} />
                  {r.draftStatus && r.draftStatus !== r.status ? (
                    <VersionStatusTag status={r.draftStatus} />
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('catalog.list.updatedAt'),
              dataIndex: 'updatedAt',
              width: 170,
              render: (v: string) => <span className="ow-mono">{formatTime(v)}</span>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 240,
              render: (_, r) => (
                <Space size={0} wrap>
                  <Link to={`/console/catalog/${r.id}`} data-testid="open-item">
                    {r.allowedActions.includes('edit') ? t('common.edit') : t('catalog.list.view')}
                  </Link>
                  <WorkflowButtons
                    item={r}
                    size="small"
                    // 修订 makes a draft to edit: open it rather than leave the user on the list.
                    onDone={(_, action) => {
                      if (action === 'newVersion') navigate(`/console/catalog/${r.id}`);
                    }}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
