import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime, LoadError, PageTitle } from '../../ui/components.tsx';
import { useReportError } from '../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../ui/i18n/index.tsx';
import { type JobView, useJobs, useRetryJob } from '../api/ops.ts';
import { useCountyWide } from '../session.ts';

const STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  running: 'processing',
  done: 'green',
  dead: 'red',
};
/** What each kind of job does, for people; an unknown kind shows its code. */
const KINDS: Record<string, { zh: string; en: string }> = {
  'notify.sms': { zh: '发送短信', en: 'Send a text message' },
  'cases.recomputeWarnings': { zh: '每日重算办件预警', en: 'Daily recount of case warnings' },
  'cases.remindCalendarYear': {
    zh: '提醒发布下一年度工作日历',
    en: "Remind to publish next year's calendar",
  },
  'audit.checkpoint': { zh: '每日签名审计检查点', en: 'Daily signed audit checkpoint' },
  'jobs.sweep': { zh: '每日清理已完成任务', en: 'Daily sweep of finished jobs' },
  'events.dispatch': { zh: '分发领域事件', en: 'Dispatch a domain event' },
};

/** A job kind for people: a known kind, an event delivery (`event:<subscriber>`), or its code. */
function kindLabel(kind: string, en: boolean): string {
  const known = KINDS[kind];
  if (known) return en ? known.en : known.zh;
  if (kind.startsWith('event:')) {
    const subscriber = kind.slice('event:'.length);
    return en ? `Deliver an event to ${subscriber}` : `向 ${subscriber} 投递事件`;
  }
  return kind;
}

/** 任务队列: the background jobs (SMS sending, reminders), their attempts and last errors. */
export default function JobsPage() {
  const { t, lang } = useI18n();
  const countyWide = useCountyWide();
  const { message } = App.useApp();
  const report = useReportError();
  // Open by default: what may still need an operator, not the history of finished sends and events.
  const [status, setStatus] = useState<string | undefined>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useJobs({ status, ...page });
  const retry = useRetryJob();
  const statusLabel = (s: string) => t(`jobs.status.${s}` as MessageKey);

  return (
    <div>
      <PageTitle
        title={t('menu.jobs')}
        extra={
          <Select
            allowClear
            data-testid="jobs-status"
            value={status}
            placeholder={t('jobs.allStatuses')}
            // As wide as fits beside the title on a 375 px phone: the default label shows nearly whole.
            style={{ width: 250 }}
            onChange={(s?: string) => {
              setStatus(s);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={['open', 'pending', 'running', 'done', 'dead'].map((s) => ({
              value: s,
              label: statusLabel(s),
            }))}
          />
        }
      />
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<JobView>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              {
                title: t('jobs.kind'),
                dataIndex: 'kind',
                render: (kind: string) => <span title={kind}>{kindLabel(kind, lang === 'en-US')}</span>,
              },
              {
                // Jobs of one key run in order: a dead one holds back the later ones of its key.
                title: t('jobs.orderKey'),
                dataIndex: 'orderKey',
                // An operator's detail: on a phone the status and attempts come first.
                responsive: ['md'],
                render: (key: string | null) =>
                  key ? (
                    <Typography.Text
                      type="secondary"
                      title={t('jobs.orderKeyHelp')}
                      ellipsis
                      style={{ maxWidth: 220 }}
                    >
                      {key}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
              },
              {
                title: t('jobs.attempts'),
                key: 'attempts',
                render: (_, j) => `${j.attempts} / ${j.maxAttempts}`,
              },
              { title: t('jobs.runAt'), dataIndex: 'runAt', render: formatTime },
              {
                title: t('jobs.lastError'),
                dataIndex: 'lastError',
                render: (e: string | null) =>
                  e ? <Typography.Text type="danger">{e}</Typography.Text> : '—',
              },
              { title: t('jobs.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, j) =>
                  j.status === 'dead' && countyWide('jobs.manage') ? (
                    <Button
                      size="small"
                      type="link"
                      icon={<RedoOutlined />}
                      onClick={() =>
                        retry.mutateAsync(j.id).then(() => message.success(t('common.saved')), report)
                      }
                    >
                      {t('jobs.retry')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
