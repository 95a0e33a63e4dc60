import { Card, Col, Empty, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type SupervisionData, useSupervision } from '../../api/cases.ts';
import { useOrgUnits } from '../../api/org.ts';
import { IntakePlace } from './CaseTable.tsx';
import { DaysLeft, ItemCell, StatusCell, shortTime, useStepName, WarningTag } from './labels.tsx';
import { type PointRow, rollUpServicePoints } from './service-points.ts';

type SupRow = SupervisionData['items'][number];
type Group = PointRow;

/**
 * Yellow and red counts of a department, window or service point; a click filters the list by it.
 * Rows with children (a township's villages) start open and fold with the arrow.
 */
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
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const open = groups.filter((g) => g.children?.length && !folded.has(g.key)).map((g) => g.key);
  return (
    <Card size="small" title={title} className="ow-case-card">
      <Table<Group>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={groups}
        data-testid={testId}
        scroll={{ y: 240 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.sup.noWarnings')} />,
        }}
        expandable={{
          expandedRowKeys: open,
          indentSize: 16,
          onExpand: (expanded, g) =>
            setFolded((f) => {
              const next = new Set(f);
              if (expanded) next.delete(g.key);
              else next.add(g.key);
              return next;
            }),
        }}
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
 * 效能监察: the yellow and red cases in the supervisor's area, counted by department, by window
 * (or service point) and by township / village service point (a township takes in its villages'
 * cases when chosen), with the time used against the limit and the step where the time was lost.
 */
export default function SupervisionPage() {
  const { t } = useI18n();
  const stepName = useStepName();
  const [level, setLevel] = useState<'yellow' | 'red' | undefined>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [placeKey, setPlaceKey] = useState<string>();
  const [servicePointId, setServicePointId] = useState<string>();
  // Counts come from the unfiltered answer, so choosing a department keeps the others visible.
  const all = useSupervision({ level });
  // Villages under their township: a township with warnings only at its villages can still be chosen.
  const units = useOrgUnits();
  const points = useMemo(
    () => rollUpServicePoints(all.data?.byServicePoint ?? [], units.data),
    [all.data, units.data],
  );
  // The server names a window “中心 A01窗口”; shown as the case lists do, in the reader's language.
  const windows = useMemo(
    () =>
      (all.data?.byWindow ?? []).map((g) => {
        const c = all.data?.items.find((i) => placeName(i) === g.name);
        return c?.windowNumber
          ? { ...g, name: `${c.intakeUnitName} ${t('case.window', { n: c.windowNumber })}` }
          : g;
      }),
    [all.data, t],
  );
  const list = useSupervision({ level, departmentId, servicePointId });
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
        <Col xs={24} lg={8}>
          <GroupTable
            title={t('case.sup.byDepartment')}
            nameLabel={t('case.col.department')}
            groups={all.data?.byDepartment ?? []}
            selected={departmentId}
            onSelect={setDepartmentId}
            testId="sup-departments"
          />
        </Col>
        <Col xs={24} lg={8}>
          <GroupTable
            title={t('case.sup.byWindow')}
            nameLabel={t('case.col.intake')}
            groups={windows}
            selected={placeKey}
            onSelect={setPlaceKey}
            testId="sup-windows"
          />
        </Col>
        <Col xs={24} lg={8}>
          <GroupTable
            title={t('case.sup.byServicePoint')}
            nameLabel={t('case.sup.servicePoint')}
            groups={points}
            selected={servicePointId}
            onSelect={setServicePointId}
            testId="sup-service-points"
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
          locale={{ emptyText: <Empty description={t('case.sup.noCases')} /> }}
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
              render: (_, c) => <ItemCell c={c} />,
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
              render: (_, c) => <StatusCell c={c} />,
            },
            {
              title: t('case.col.used'),
              key: 'used',
              width: 140,
              render: (_, c) => (
                <div>
                  <div className="ow-mono">
                    {/* Unknown when today lies in a year whose holidays are not published: never shown as 0. */}
                    {c.usedDays === null
                      ? t('case.usedUnknown')
                      : t(c.limitUnit === 'natural_day' ? 'case.usedOf.natural' : 'case.usedOf', {
                          used: c.usedDays,
                          limit: c.limitDays,
                        })}
                  </div>
                  <DaysLeft
                    remaining={c.remainingDays}
                    paused={false}
                    level={c.warningLevel}
                    unit={c.limitUnit}
                  />
                </div>
              ),
            },
            {
              title: t('case.col.lostStep'),
              dataIndex: 'lostStep',
              width: 90,
              render: (s: string | null) => (s ? <Tag color="volcano">{stepName(s)}</Tag> : '—'),
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
