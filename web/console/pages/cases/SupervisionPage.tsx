import { Card, Col, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type SupervisionData, useSupervision } from '../../api/cases.ts';
import { IntakePlace } from './CaseTable.tsx';
import { DaysLeft, StatusTag, shortTime, WarningTag } from './labels.tsx';

type SupRow = SupervisionData['items'][number];
type Group = SupervisionData['byDepartment'][number];

/** Yellow and red counts of a department or window; a click filters the list by it. */
function GroupTable({
  title,
  nameLabel,
  groups,
  selected,
  onSelect,
  testId,
}: {
  title: string;
  nameLabel: string;
  groups: Group[];
  selected: string | undefined;
  onSelect(key: string | undefined): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} className="ow-case-card">
      <Table<Group>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={groups}
        data-testid={testId}
        scroll={{ y: 240 }}
        rowClassName={(g) => (g.key === selected ? 'ow-row-selected' : 'ow-row-clickable')}
        onRow={(g) => ({ onClick: () => onSelect(g.key === selected ? undefined : g.key) })}
        columns={[
          { title: nameLabel, dataIndex: 'name' },
          {
            title: t('case.sup.yellow'),
            dataIndex: 'yellow',
            width: 80,
            render: (n: number) => (n ? <Tag color="gold">{n}</Tag> : <span className="ow-muted">0</span>),
          },
          {
            title: t('case.sup.red'),
            dataIndex: 'red',
            width: 80,
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : <span className="ow-muted">0</span>),
          },
        ]}
      />
    </Card>
  );
}

/** The name the supervision answer gives a case's place: the centre and window, or the service point. */
function placeName(c: SupRow): string {
  return c.windowNumber
    ? `${c.intakeUnitName} ${c.windowNumber}窗口`
    : (c.servicePointName ?? c.intakeUnitName);
}

/**
 * 效能监察: the yellow and red cases in the supervisor's area, counted by department and by window
 * (or service point), with the time used against the limit and the step where the time was lost.
 */
export default function SupervisionPage() {
  const { t } = useI18n();
  const [level, setLevel] = useState<'yellow' | 'red' | undefined>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [placeKey, setPlaceKey] = useState<string>();
  // Counts come from the unfiltered answer, so choosing a department keeps the others visible.
  const all = useSupervision({ level });
  const list = useSupervision({ level, departmentId });
  const data = list.data;
  // A place may be a window or a service point; the API filters by window only, so filter here by its name.
  const place = all.data?.byWindow.find((g) => g.key === placeKey);
  const rows = (data?.items ?? []).filter((c) => !place || placeName(c) === place.name);
  return (
    <div>
      <PageTitle
        title={t('case.menu.supervision')}
        extra={
          data ? (
            <Typography.Text type="secondary">
              {t('case.sup.asOf', { time: shortTime(data.asOf) })}
            </Typography.Text>
          ) : null
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={level ?? 'all'}
        onChange={(v) => setLevel(v === 'all' ? undefined : (v as 'yellow' | 'red'))}
        options={[
          { value: 'all', label: t('case.sup.all') },
          { value: 'yellow', label: t('case.sup.yellow') },
          { value: 'red', label: t('case.sup.red') },
        ]}
        data-testid="sup-level"
      />
      {all.isError ? <LoadError error={all.error} onRetry={() => all.refetch()} /> : null}
      <Row gutter={16} className="ow-sup-groups">
        <Col xs={24} lg={12}>
          <GroupTable
            title={t('case.sup.byDepartment')}
            nameLabel={t('case.col.department')}
            groups={all.data?.byDepartment ?? []}
            selected={departmentId}
            onSelect={setDepartmentId}
            testId="sup-departments"
          />
        </Col>
        <Col xs={24} lg={12}>
          <GroupTable
            title={t('case.sup.byWindow')}
            nameLabel={t('case.col.intake')}
            groups={all.data?.byWindow ?? []}
            selected={placeKey}
            onSelect={setPlaceKey}
            testId="sup-windows"
          />
        </Col>
      </Row>
      <Card size="small" title={t('case.sup.cases')}>
        <Table<SupRow>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          data-testid="sup-cases"
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            {
              title: t('case.col.number'),
              dataIndex: 'number',
              width: 180,
              render: (n: string, c) => (
                <Link to={`/console/cases/${c.id}`} className="ow-mono">
                  {n}
                </Link>
              ),
            },
            {
              title: t('case.col.item'),
              dataIndex: 'itemName',
              render: (name: string, c) => (
                <div>
                  <div>{name}</div>
                  <div className="ow-muted">{c.departmentName}</div>
                </div>
              ),
            },
            {
              title: t('case.col.intake'),
              key: 'intake',
              width: 165,
              render: (_, c) => <IntakePlace c={c} />,
            },
            {
              title: t('case.col.status'),
              key: 'status',
              width: 150,
              render: (_, c) => (
                <div>
                  <StatusTag status={c.status} />
                  {c.stepName ? (
                    <div className="ow-muted">
                      {c.stepName}
                      {c.assigneeName ? ` · ${c.assigneeName}` : ''}
                    </div>
                  ) : null}
                </div>
              ),
            },
            {
              title: t('case.col.used'),
              key: 'used',
              width: 140,
              render: (_, c) => (
                <div>
                  <div className="ow-mono">
                    {t('case.usedOf', { used: c.usedDays ?? 0, limit: c.limitDays })}
                  </div>
                  <DaysLeft remaining={c.remainingDays} paused={false} level={c.warningLevel} />
                </div>
              ),
            },
            {
              title: t('case.col.lostStep'),
              dataIndex: 'lostStep',
              width: 90,
              render: (s: string | null) => (s ? <Tag color="volcano">{s}</Tag> : '—'),
            },
            {
              title: t('case.col.warning'),
              dataIndex: 'warningLevel',
              width: 90,
              render: (_, c) => <WarningTag level={c.warningLevel} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
