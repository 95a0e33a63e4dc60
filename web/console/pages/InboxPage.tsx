import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime, LoadError, PageTitle } from '../../ui/components.tsx';
import { useReportError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { type InboxItem, useInbox, useMarkRead } from '../api/ops.ts';

/**
 * 站内消息: the logged-in person's own messages, newest first — an administrator's lock-out alerts,
 * deadline warnings, the calendar reminders — unread ones marked, each read with one click.
 */
export default function InboxPage() {
  const { t } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useInbox(page);
  const markRead = useMarkRead();
  const report = useReportError();
  return (
    <div>
      <PageTitle
        title={t('menu.inbox')}
        extra={
          list.data ? (
            <Tag color={list.data.unread > 0 ? 'red' : 'default'} data-testid="inbox-unread">
              {t('inbox.unread', { n: list.data.unread })}
            </Tag>
          ) : null
        }
      />
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<InboxItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('inbox.empty') }}
            pagination={{
              ...{ current: page.page, pageSize: page.pageSize },
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              {
                title: t('inbox.time'),
                dataIndex: 'createdAt',
                width: 170,
                render: (v: string) => formatTime(v),
              },
              {
                title: t('inbox.message'),
                dataIndex: 'body',
                render: (body: string, row) => (
                  <Typography.Text strong={!row.readAt} data-testid="inbox-body">
                    {body}
                  </Typography.Text>
                ),
              },
              {
                title: t('common.actions'),
                width: 120,
                render: (_: unknown, row) =>
                  row.readAt ? (
                    <Typography.Text type="secondary">{t('inbox.read')}</Typography.Text>
                  ) : (
                    <Button
                      size="small"
                      loading={markRead.isPending && markRead.variables === row.id}
                      onClick={() => markRead.mutate(row.id, { onError: (err) => report(err) })}
                    >
                      {t('inbox.markRead')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
