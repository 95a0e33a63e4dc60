import { Button, Card, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { WarningLevel } from '../../../../contracts/cases.ts';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CaseQuery, useCaseList } from '../../api/cases.ts';
import { useRunAction } from './actions/ActionBar.tsx';
import { CaseTable } from './CaseTable.tsx';

const LEVELS: WarningLevel[] = ['green', 'yellow', 'red'];

/**
 * 我的待办 / 部门队列: what I have claimed, and what waits at a step of my role in my
 * departments (unclaimed, or mine), with warning colours, deadlines and days left; 签收 from the queue.
 */
export default function WorkPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'queue' ? 'queue' : 'mine';
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  const list = useCaseList({ ...query, view });
  const { run, pending } = useRunAction(() => list.refetch());
  const set = (patch: Partial<CaseQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));

  return (
    <div>
      <PageTitle title={t('case.menu.work')} />
      <Card size="small">
        <Tabs
          activeKey={view}
          onChange={(key) => {
            setParams(key === 'queue' ? { view: 'queue' } : {});
            setQuery((q) => ({ ...q, page: 1 }));
          }}
          items={[
            { key: 'mine', label: t('case.work.mine') },
            { key: 'queue', label: t('case.work.queue') },
          ]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('case.filter.number')}
            onSearch={(v) => set({ number: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('case.filter.warning')}
            style={{ width: 140 }}
            onChange={(warningLevel?: WarningLevel) => set({ warningLevel })}
            options={LEVELS.map((l) => ({ value: l, label: t(`case.warning.${l}`) }))}
          />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <CaseTable
            testId={`work-${view}`}
            empty={t(
              query.number || query.warningLevel
                ? 'case.empty.noMatch'
                : view === 'mine'
                  ? 'case.empty.mine'
                  : 'case.empty.queue',
            )}
            data={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            page={query.page}
            pageSize={query.pageSize}
            onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
            actions={(c) => (
              <>
                {c.allowedActions.includes('claim') ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={pending}
                    data-testid="claim"
                    onClick={async () => {
                      if (await run(c, { action: 'claim', body: { version: c.version } }))
                        navigate(`/console/cases/${c.id}`);
                    }}
                  >
                    {t('case.action.claim')}
                  </Button>
                ) : null}
                <Link to={`/console/cases/${c.id}`}>
                  <Button size="small">{t('case.open')}</Button>
                </Link>
              </>
            )}
          />
        )}
      </Card>
    </div>
  );
}
