import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime, LoadError, PageTitle } from '../../ui/components.tsx';
import { useReportError } from '../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../ui/i18n/index.tsx';
import { type OutboxItem, useOutbox, useTestSms } from '../api/ops.ts';
import { can, useMe } from '../session.ts';

const STATUS_COLORS: Record<string, string> = { queued: 'blue', sent: 'green', failed: 'red' };
/** What each message template is, for people; a template not listed shows its code. */
const TEMPLATES: Record<string, { zh: string; en: string }> = {
  'case.accepted': { zh: '受理通知', en: 'Accepted' },
  'case.correction': { zh: '补正告知', en: 'Correction needed' },
  'case.refused': { zh: '不予受理', en: 'Refused' },
  'case.special': { zh: '特别程序', en: 'Special procedure' },
  'case.extended': { zh: '延长期限', en: 'Time extended' },
  'case.denied': { zh: '不予许可', en: 'Denied' },
  'case.completed': { zh: '办结通知', en: 'Concluded' },
  'case.delivered': { zh: '送达通知', en: 'Delivered' },
  'case.withdrawn': { zh: '撤回通知', en: 'Withdrawn' },
  'case.assigned': { zh: '分派提醒', en: 'Assigned to staff' },
  'case.warning': { zh: '预警提醒', en: 'Deadline warning' },
  'case.warningSupervised': { zh: '监察预警', en: 'Warning to supervisor' },
  'calendar.yearNotPublished': { zh: '节假日未录入提醒', en: 'Holidays of a year missing' },
  'calendar.nextYearNotPublished': { zh: '次年节假日录入提醒', en: 'Next year’s holidays due' },
  'password.reset': { zh: '密码重置', en: 'Password reset' },
  test: { zh: '测试短信', en: 'Test message' },
};

/** 短信发件箱: every SMS the platform queued, with masked recipients, status and provider errors. */
export default function OutboxPage() {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [testing, setTesting] = useState(false);
  const list = useOutbox({ status, ...page });
  const statusLabel = (s: string) => t(`outbox.status.${s}` as MessageKey);

  return (
    <div>
      <PageTitle
        title={t('menu.outbox')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('common.status')}
              style={{ width: 140 }}
              onChange={(s?: string) => {
                setStatus(s);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={['queued', 'sent', 'failed'].map((s) => ({ value: s, label: statusLabel(s) }))}
            />
            {can(me, 'outbox.send') ? (
              <Button icon={<SendOutlined />} onClick={() => setTesting(true)}>
                {t('outbox.testSms')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<OutboxItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1150 }}
            pagination={{
              ...{ current: page.page, pageSize: page.pageSize },
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              { title: t('outbox.createdAt'), dataIndex: 'createdAt', width: 160, render: formatTime },
              {
                title: t('outbox.recipient'),
                dataIndex: 'recipientMasked',
                width: 120,
                render: (v) => v ?? '—',
              },
              {
                title: t('outbox.template'),
                dataIndex: 'template',
                width: 120,
                render: (code: string) => {
                  const known = TEMPLATES[code];
                  return known ? <span title={code}>{lang === 'en-US' ? known.en : known.zh}</span> : code;
                },
              },
              {
                title: t('outbox.body'),
                dataIndex: 'body',
                render: (b: string) => (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: b }} style={{ margin: 0 }}>
                    {b}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
              },
              { title: t('outbox.provider'), dataIndex: 'provider', width: 90, render: (v) => v ?? '—' },
              { title: t('outbox.sentAt'), dataIndex: 'sentAt', width: 160, render: formatTime },
              {
                title: t('outbox.error'),
                dataIndex: 'error',
                width: 160,
                render: (e: string | null) =>
                  e ? <Typography.Text type="danger">{e}</Typography.Text> : '—',
              },
            ]}
          />
        )}
      </Card>
      {testing ? <TestSmsModal onClose={() => setTesting(false)} /> : null}
    </div>
  );
}

function TestSmsModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string }>();
  const send = useTestSms();
  const report = useReportError();
  return (
    <Modal
      open
      title={t('outbox.testSms')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ phone }) =>
          send.mutateAsync(phone).then(
            () => {
              message.success(t('outbox.testQueued'));
              onClose();
            },
            (err) => report(err, form),
          )
        }
      >
        <Form.Item
          name="phone"
          label={t('outbox.testPhone')}
          rules={[{ required: true, message: t('common.required', { field: t('outbox.testPhone') }) }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
