import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatTime, LoadError, PageTitle } from '../../ui/components.tsx';
import { errorText } from '../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../ui/i18n/index.tsx';
import {
  type AuditCheckpointSummary,
  type AuditLogItem,
  type AuditProblem,
  type AuditVerifyResult,
  checkpointDownloadUrl,
  useAuditCheckpoints,
  useAuditLog,
  useCreateCheckpoint,
  useVerifyAudit,
} from '../api/ops.ts';

/** 审计日志: the append-only, hash-chained log, filterable, with a 校验审计链 button and the signed checkpoints. */
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
      {verify.data ? <VerifyOutcome result={verify.data} /> : null}
      {verify.isError ? (
        <Alert style={{ marginBottom: 16 }} showIcon type="error" title={errorText(verify.error)} />
      ) : null}
      <CheckpointsCard />
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

/** The outcome of 校验审计链: the chain's first break, every problem found, and the checkpoint used. */
function VerifyOutcome({ result }: { result: AuditVerifyResult }) {
  const { t } = useI18n();
  const latest = result.checkpoints.latest;
  const title = result.ok
    ? t('audit.verifyOk', { rows: result.rows })
    : result.firstBad
      ? t('audit.verifyBad', { seq: result.firstBad.seq })
      : t('audit.problemsFound');
  // Labels from the dictionaries (contracts/audit.ts has them too, but importing its values would bring zod in).
  const label = (p: AuditProblem) => t(`audit.problem.${p.problem}` as MessageKey);
  const where = (p: AuditProblem) =>
    [p.file, p.chain, p.entityId, p.seq === undefined ? undefined : `seq ${p.seq}`]
      .filter(Boolean)
      .join(' · ');
  return (
    <Alert
      style={{ marginBottom: 16 }}
      showIcon
      type={result.ok ? 'success' : 'error'}
      data-testid="audit-verify"
      title={title}
      description={
        <div>
          {result.firstBad ? <div>{t(`audit.reason.${result.firstBad.reason}` as MessageKey)}</div> : null}
          {result.problems.map((p) => (
            <div key={`${p.problem}:${where(p)}`} data-testid="audit-problem">
              {label(p)}
              {where(p) ? <Typography.Text className="ow-muted"> （{where(p)}）</Typography.Text> : null}
            </div>
          ))}
          <div data-testid="audit-verify-checkpoint">
            {latest
              ? t('audit.checkedAgainst', { file: latest.file, seq: latest.seq, at: formatTime(latest.at) })
              : t('audit.noCheckpoint')}
          </div>
        </div>
      }
    />
  );
}

/** 签名检查点: list, write one now, download each, and the public key to check them with. */
function CheckpointsCard() {
  const { t } = useI18n();
  const list = useAuditCheckpoints();
  const create = useCreateCheckpoint();
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('audit.checkpoints')}
      extra={
        <Button
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="audit-checkpoint-create"
        >
          {t('audit.createCheckpoint')}
        </Button>
      }
    >
      <Typography.Paragraph className="ow-muted">{t('audit.checkpointsHelp')}</Typography.Paragraph>
      {create.data ? (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type="success"
          data-testid="audit-checkpoint-created"
          title={t('audit.checkpointCreated', { file: create.data.file })}
        />
      ) : null}
      {create.isError ? (
        <Alert style={{ marginBottom: 12 }} showIcon type="error" title={errorText(create.error)} />
      ) : null}
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <Table<AuditCheckpointSummary>
            rowKey="file"
            size="small"
            data-testid="audit-checkpoints"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 10 }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 170, render: formatTime },
              { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
              {
                title: t('audit.cpCases'),
                key: 'cases',
                width: 120,
                render: (_, c) => {
                  const a = c.chains.case_actions;
                  return a ? `${a.chains} / ${a.entries}` : '—';
                },
              },
              { title: t('audit.cpFile'), dataIndex: 'file' },
              {
                title: t('common.actions'),
                key: 'download',
                width: 80,
                render: (_, c) => (
                  <a href={checkpointDownloadUrl(c.file)} download={c.file}>
                    {t('audit.download')}
                  </a>
                ),
              },
            ]}
          />
          {list.data ? (
            <div style={{ marginTop: 8 }}>
              <Typography.Text className="ow-muted">{t('audit.publicKey')}: </Typography.Text>
              <Typography.Text
                code
                copyable
                style={{ wordBreak: 'break-all' }}
                data-testid="audit-public-key"
              >
                {list.data.publicKey}
              </Typography.Text>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
