import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CASE_STATUSES,
  type CaseStatus,
  WARNING_LEVELS,
  type WarningLevel,
} from '../../../../contracts/case-codes.ts';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CaseQuery, type CatalogSearchHitView, useCaseList } from '../../api/cases.ts';
import { useOrgUnits, useWindows } from '../../api/org.ts';
import { CaseTable } from './CaseTable.tsx';
import { ItemPicker } from './intake/ItemPicker.tsx';

interface Filters {
  number?: string;
  applicant?: string;
  departmentId?: string;
  status?: CaseStatus;
  windowId?: string;
  servicePointId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  warningLevel?: WarningLevel;
}

/** 办件查询: every case in the user's scope, by number, applicant, item, department, status, place, dates, warning. */
export default function SearchPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [item, setItem] = useState<CatalogSearchHitView>();
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  const list = useCaseList(query);
  const units = useOrgUnits();
  const windows = useWindows(undefined);
  const departments = (units.data ?? []).filter((u) => u.kind === 'department');
  const points = (units.data ?? []).filter((u) => u.kind === 'township' || u.kind === 'village');
  const intakeWindows = (windows.data ?? []).filter((w) => w.kind !== 'delivery');

  const apply = (f: Filters, picked = item) =>
    setQuery((q) => ({
      page: 1,
      pageSize: q.pageSize,
      number: f.number?.trim() || undefined,
      applicant: f.applicant?.trim() || undefined,
      itemId: picked?.id,
      departmentId: f.departmentId,
      status: f.status,
      windowId: f.windowId,
      servicePointId: f.servicePointId,
      receivedFrom: f.dates?.[0]?.format('YYYY-MM-DD'),
      receivedTo: f.dates?.[1]?.format('YYYY-MM-DD'),
      warningLevel: f.warningLevel,
    }));

  return (
    <div>
      <PageTitle title={t('case.menu.search')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<Filters>
          form={form}
          layout="inline"
          onFinish={(f) => apply(f)}
          className="ow-filters"
          data-testid="case-filters"
        >
          <Form.Item name="number">
            <Input allowClear placeholder={t('case.filter.number')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="applicant">
            <Input allowClear placeholder={t('case.filter.applicant')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item style={{ width: 300 }}>
            <ItemPicker selected={item} onChange={(_, hit) => setItem(hit)} size="middle" />
          </Form.Item>
          <Form.Item name="departmentId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('case.filter.department')}
              style={{ width: 200 }}
              options={departments.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t('case.filter.status')}
              style={{ width: 170 }}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="windowId">
            <Select
              allowClear
              placeholder={t('case.filter.window')}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              options={intakeWindows.map((w) => ({
                value: w.id,
                label: `${w.serviceCentreName} ${w.number}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="servicePointId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('case.filter.servicePoint')}
              style={{ width: 200 }}
              options={points.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="dates">
            <DatePicker.RangePicker placeholder={[t('case.filter.dates'), t('case.filter.dates')]} />
          </Form.Item>
          <Form.Item name="warningLevel">
            <Select
              allowClear
              placeholder={t('case.filter.warning')}
              style={{ width: 130 }}
              options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`case.warning.${l}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="case-search">
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setItem(undefined);
                apply({}, undefined);
              }}
            >
              {t('case.filter.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <CaseTable
            testId="search-table"
            empty={t('case.empty.noMatch')}
            data={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            page={query.page}
            pageSize={query.pageSize}
            onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
          />
        )}
      </Card>
    </div>
  );
}
