import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatTime, LoadError, PageTitle } from '../../ui/components.tsx';
import { errorText } from '../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../ui/i18n/index.tsx';
import { type AuditLogItem, useAuditLog, useVerifyAudit } from '../api/ops.ts';

/** 审计日志: the append-only, hash-chained log, filterable, with a 校验审计链 button. */
export default function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<{ entityType?: string; action?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const list = useAuditLog({ ...filters, ...page });
  const verify = useVerifyAudit();
  const setFilter = (key: 'entityType' | 'action', value: string) => {
    setFilters((f) => ({ ...f, [key]: value.trim() || undefined }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <div>
      <PageTitle
        title={t('menu.audit')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          data-testid="audit-verify"
          title={
            verify.data.ok
              ? t('audit.verifyOk', { rows: verify.data.rows })
              : t('audit.verifyBad', { seq: verify.data.firstBad?.seq ?? '?' })
          }
          description={
            verify.data.firstBad ? t(`audit.reason.${verify.data.firstBad.reason}` as MessageKey) : undefined
          }
        />
      ) : null}
      {verify.isError ? (
        <Alert style={{ marginBottom: 16 }} showIcon type="error" title={errorText(verify.error)} />
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('audit.entityType')}
            onSearch={(v) => setFilter('entityType', v)}
            style={{ width: 200 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.action')}
            onSearch={(v) => setFilter('action', v)}
            style={{ width: 220 }}
          />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<AuditLogItem>
            rowKey="seq"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              { title: t('audit.seq'), dataIndex: 'seq', width: 70 },
              { title: t('audit.at'), dataIndex: 'at', width: 170, render: formatTime },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v) => v ?? '—' },
              { title: t('audit.action'), dataIndex: 'action', width: 180 },
              { title: t('audit.entityType'), dataIndex: 'entityType', width: 120 },
              {
                title: t('audit.detail'),
                dataIndex: 'detail',
                render: (d: Record<string, unknown>) => (
                  <Typography.Text className="ow-muted" ellipsis={{ tooltip: JSON.stringify(d) }}>
                    {Object.keys(d).length ? JSON.stringify(d) : '—'}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
