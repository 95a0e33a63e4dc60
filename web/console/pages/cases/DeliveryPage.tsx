import { Alert, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CaseQuery, type CaseSummaryView, useCaseList } from '../../api/cases.ts';
import { ActionModal } from './actions/ActionBar.tsx';
import { CaseTable } from './CaseTable.tsx';

/**
 * 统一出件: the concluded cases waiting for their result to be handed over (in the user's scope),
 * and 送达 — collected at the window, by mail with its tracking number, or electronically.
 */
export default function DeliveryPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  const list = useCaseList({ ...query, status: 'concluded' });
  const [delivering, setDelivering] = useState<CaseSummaryView | null>(null);
  const set = (patch: Partial<CaseQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <div>
      <PageTitle title={t('case.menu.delivery')} />
      <Alert type="info" showIcon title={t('case.delivery.hint')} style={{ marginBottom: 12 }} />
      <Card size="small" title={t('case.delivery.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('case.filter.number')}
            onSearch={(v) => set({ number: v.trim() || undefined })}
            style={{ width: 220 }}
            data-testid="delivery-search"
          />
          <Input.Search
            allowClear
            placeholder={t('case.filter.applicant')}
            onSearch={(v) => set({ applicant: v.trim() || undefined })}
            style={{ width: 260 }}
          />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <CaseTable
            testId="delivery-table"
            empty={t(query.number || query.applicant ? 'case.empty.noMatch' : 'case.empty.delivery')}
            actionsWidth={200}
            data={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            page={query.page}
            pageSize={query.pageSize}
            onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
            actions={(c) => (
              <>
                {c.allowedActions.includes('deliver') ? (
                  <Button size="small" type="primary" onClick={() => setDelivering(c)} data-testid="deliver">
                    {t('case.action.deliver')}
                  </Button>
                ) : null}
                <Link to={`/console/cases/${c.id}`}>
                  <Button size="small">{t('case.view')}</Button>
                </Link>
              </>
            )}
          />
        )}
      </Card>
      {delivering ? (
        <ActionModal
          action="deliver"
          c={delivering}
          onClose={() => setDelivering(null)}
          onStale={() => list.refetch()}
        />
      ) : null}
    </div>
  );
}
