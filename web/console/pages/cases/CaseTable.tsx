import { Empty, Space, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../ui/i18n/index.tsx';
import type { CaseSummaryView } from '../../api/cases.ts';
import { DaysLeft, ItemCell, StatusCell, shortTime, WarningTag } from './labels.tsx';

/** Where a case was received: the service point, or the county centre and its window. */
export function IntakePlace({
  c,
}: {
  c: Pick<CaseSummaryView, 'intakeUnitName' | 'windowNumber' | 'servicePointName'>;
}) {
  const { t } = useI18n();
  return (
    <div>
      <div>{c.servicePointName ?? c.intakeUnitName}</div>
      {c.windowNumber ? <div className="ow-muted">{t('case.window', { n: c.windowNumber })}</div> : null}
    </div>
  );
}

/**
 * The case list every case page uses (queue, my work, search, delivery): number, item, masked
 * applicant, where received, status and step, warning colour, deadline and days left; the last
 * column holds the page's own buttons.
 */
export function CaseTable({
  data,
  total,
  loading,
  page,
  pageSize,
  onPage,
  actions,
  actionsWidth = 140,
  testId = 'case-table',
  empty,
}: {
  data: CaseSummaryView[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number, pageSize: number): void;
  actions?: (c: CaseSummaryView) => ReactNode;
  actionsWidth?: number;
  testId?: string;
  /** What an empty list means on this page (“no case waits for delivery”), instead of “no data”. */
  empty?: string;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<CaseSummaryView> = [
    {
      title: t('case.col.number'),
      dataIndex: 'number',
      width: 190,
      render: (n: string, c) => (
        <div>
          <Link to={`/console/cases/${c.id}`} className="ow-mono" data-testid="case-link">
            {n}
          </Link>
          <div className="ow-muted">{shortTime(c.receivedAt)}</div>
          <div className="ow-muted">
            {c.servicePointName ?? c.intakeUnitName}
            {c.windowNumber ? ` ${t('case.window', { n: c.windowNumber })}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('case.col.item'),
      dataIndex: 'itemName',
      render: (_, c) => <ItemCell c={c} />,
    },
    {
      title: t('case.col.applicant'),
      dataIndex: 'applicantName',
      width: 150,
      render: (name: string, c) => (
        <div>
          <div>{name}</div>
          <div className="ow-muted ow-mono">{c.applicantIdMasked}</div>
        </div>
      ),
    },
    {
      title: t('case.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, c) => <StatusCell c={c} />,
    },
    {
      title: t('case.col.due'),
      key: 'due',
      width: 150,
      render: (_, c) => (
        <div>
          <WarningTag level={c.warningLevel} c={c} />
          {c.promisedDue ? (
            <div className="ow-mono">{c.promisedDue}</div>
          ) : c.paused ? (
            // No fixed date while paused (it moves daily; the case page shows it); the days left are frozen.
            <div className="ow-muted">{t('case.paused')}</div>
          ) : null}
          {c.remainingDays !== null ? (
            <DaysLeft
              remaining={c.remainingDays}
              paused={c.paused}
              level={c.warningLevel}
              unit={c.limitUnit}
            />
          ) : null}
        </div>
      ),
    },
  ];
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: actionsWidth,
      render: (_, c) => <Space size={4}>{actions(c)}</Space>,
    });
  }
  return (
    <Table<CaseSummaryView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data}
      columns={columns}
      scroll={{ x: 960 }}
      data-testid={testId}
      locale={empty ? { emptyText: <Empty description={empty} /> } : undefined}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { n }),
        onChange: onPage,
      }}
    />
  );
}
