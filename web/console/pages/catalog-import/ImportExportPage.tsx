import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ITEM_TYPE_CODES, ITEM_TYPES } from '../../../../contracts/catalog-codes.ts';
import type { ImportMode } from '../../../../contracts/catalog-exchange.ts';
import { ApiError } from '../../../ui/api.ts';
import { PageTitle } from '../../../ui/components.tsx';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { useOrgUnits } from '../../api/org.ts';
import { useCountyWide, useMe } from '../../session.ts';
import {
  type ExportFilters,
  exportUrl,
  type ImportCatalogResultView,
  type ImportRowErrorView,
  uploadCatalog,
} from './api.ts';

const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
// Listed here rather than imported: the contract's value would bring zod into this page's chunk.
const MODES: readonly ImportMode[] = ['all-or-nothing', 'valid-only'];

/** What the last import said: its result, or a refusal of the whole file (with the faults it names). */
type Outcome = { result: ImportCatalogResultView } | { refused: string; errors: ImportRowErrorView[] };

/** The faults a refused file carries (missing columns), so they show in the same table. */
function refusedErrors(err: unknown): ImportRowErrorView[] {
  const details =
    err instanceof ApiError ? (err.details as { errors?: ImportRowErrorView[] } | undefined) : undefined;
  return Array.isArray(details?.errors) ? details.errors : [];
}

/** 事项导入导出: upload a workbook (all-or-nothing or valid-only), see every bad row; export the filtered list. */
export default function ImportExportPage() {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const countyWide = useCountyWide();
  const units = useOrgUnits();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [filters, setFilters] = useState<ExportFilters>({});
  const departments = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => u.kind === 'department' || u.kind === 'township')
        .map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  // Import writes county-wide: a catalogue grant for one town does not reach it.
  const mayImport = countyWide('catalog.edit');

  const start = async () => {
    if (!file || !me) return;
    setBusy(true);
    try {
      const result = await uploadCatalog(file, { mode, publish, csrfToken: me.csrfToken, lang });
      setOutcome({ result });
    } catch (err) {
      setOutcome({ refused: err instanceof Error ? err.message : String(err), errors: refusedErrors(err) });
    } finally {
      setBusy(false);
    }
  };

  const errors = outcome ? ('result' in outcome ? outcome.result.errors : outcome.errors) : [];
  const summary = (() => {
    if (!outcome) return null;
    if ('refused' in outcome) return <Alert type="error" showIcon message={outcome.refused} />;
    const r = outcome.result;
    const vars = { n: r.imported, total: r.total, errors: r.errors.length };
    if (r.imported === 0) return <Alert type="error" showIcon message={t('catalogImport.none', vars)} />;
    if (r.errors.length) return <Alert type="warning" showIcon message={t('catalogImport.partial', vars)} />;
    return <Alert type="success" showIcon message={t('catalogImport.done', vars)} />;
  })();

  return (
    <div>
      <PageTitle title={t('catalogImport.menu')} />
      {mayImport ? (
        <Card size="small" title={t('catalogImport.importTitle')} style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                href="/api/catalog/template.xlsx"
                data-testid="download-template"
              >
                {t('catalogImport.template')}
              </Button>
              <Typography.Text type="secondary">{t('catalogImport.templateHint')}</Typography.Text>
            </Space>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                setOutcome(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('catalogImport.pick')}</p>
            </Upload.Dragger>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} data-testid="import-mode">
              <Space direction="vertical">
                {MODES.map((m) => (
                  <Radio key={m} value={m}>
                    {t(`catalogImport.mode.${m}` as MessageKey)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            {countyWide('catalog.publish') ? (
              <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
                {t('catalogImport.publish')}
              </Checkbox>
            ) : null}
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file}
              loading={busy}
              onClick={start}
              data-testid="import-start"
            >
              {t('catalogImport.start')}
            </Button>
            {summary}
            {errors.length > 0 ? (
              <Table<ImportRowErrorView>
                title={() => t('catalogImport.errors')}
                rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
                size="small"
                dataSource={errors}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                data-testid="import-errors"
                columns={[
                  { title: t('catalogImport.sheet'), dataIndex: 'sheet', width: 100 },
                  { title: t('catalogImport.row'), dataIndex: 'row', width: 80 },
                  { title: t('catalogImport.column'), dataIndex: 'column', width: 180 },
                  { title: t('catalogImport.message'), dataIndex: 'message' },
                ]}
              />
            ) : null}
            {outcome && 'result' in outcome && outcome.result.items.length > 0 ? (
              <Table
                title={() => t('catalogImport.imported')}
                rowKey="id"
                size="small"
                dataSource={outcome.result.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="import-items"
                columns={[
                  {
                    title: t('catalogImport.name'),
                    dataIndex: 'name',
                    render: (name: string, r) => <Link to={`/console/catalog/${r.id}`}>{name}</Link>,
                  },
                  { title: t('catalogImport.code'), dataIndex: 'implementationCode' },
                ]}
              />
            ) : null}
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('catalogImport.exportTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('catalogImport.exportHint')}</Typography.Text>
          <Space wrap>
            <Input
              allowClear
              placeholder={t('catalogImport.filter.q')}
              style={{ width: 220 }}
              onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value.trim() || undefined }))}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('catalogImport.filter.department')}
              style={{ width: 220 }}
              options={departments}
              onChange={(department?: string) => setFilters((f) => ({ ...f, department }))}
            />
            <Select
              allowClear
              placeholder={t('catalogImport.filter.type')}
              style={{ width: 150 }}
              options={ITEM_TYPE_CODES.map((c) => ({ value: c, label: ITEM_TYPES[c] }))}
              onChange={(type?: string) => setFilters((f) => ({ ...f, type }))}
            />
            <Select
              allowClear
              placeholder={t('catalogImport.filter.status')}
              style={{ width: 130 }}
              options={STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}` as MessageKey) }))}
              onChange={(status?: string) => setFilters((f) => ({ ...f, status }))}
            />
          </Space>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl('xlsx', filters)} data-testid="export-xlsx">
              {t('catalogImport.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('json', filters)} data-testid="export-json">
              {t('catalogImport.exportJson')}
            </Button>
          </Space>
        </Space>
      </Card>
    </div>
  );
}
