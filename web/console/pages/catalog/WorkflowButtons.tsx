import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { CatalogWorkflowAction } from '../../../../contracts/catalog-api.ts';
import { useReportError } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CatalogItemDetailView, useCatalogMutations } from '../../api/catalog.ts';

type Transition = Exclude<CatalogWorkflowAction, 'edit'>;
const ORDER: readonly Transition[] = ['newVersion', 'submit', 'approve', 'reject', 'retire'];

/** Asks for the note a rejection needs (and a retirement may carry). */
function NoteModal({
  action,
  onOk,
  onCancel,
  busy,
}: {
  action: 'reject' | 'retire';
  onOk(note: string): void;
  onCancel(): void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={t(`catalog.action.${action}`)}
      okText={t(`catalog.action.${action}`)}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <p>{t(action === 'reject' ? 'catalog.rejectHint' : 'catalog.retireHint')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.note?.trim() ?? '')}>
        <Form.Item
          name="note"
          label={t(action === 'reject' ? 'catalog.rejectNote' : 'catalog.retireNote')}
          rules={
            action === 'reject'
              ? [{ required: true, whitespace: true, message: t('catalog.rejectNoteRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The workflow buttons an item offers this user now: exactly its `allowedActions` from the server
 * (the same table decides the server's 403 / 409), so nothing is offered that would be refused.
 * `beforeSubmit` lets the editor save unsaved changes first.
 */
export function WorkflowButtons({
  item,
  size = 'middle',
  onDone,
  beforeSubmit,
}: {
  item: { id: string; revision: number; allowedActions: readonly CatalogWorkflowAction[] };
  size?: 'small' | 'middle';
  onDone?(detail: CatalogItemDetailView, action: Transition): void;
  beforeSubmit?(): Promise<number | null>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { transition } = useCatalogMutations();
  const [asking, setAsking] = useState<'reject' | 'retire' | null>(null);
  const [busy, setBusy] = useState<Transition | null>(null);

  const run = async (action: Transition, note?: string) => {
    setBusy(action);
    try {
      let revision: number | null = item.revision;
      if (action === 'submit' && beforeSubmit) revision = await beforeSubmit();
      if (revision === null) return;
      const detail = await transition.mutateAsync({ id: item.id, action, expectedRevision: revision, note });
      message.success(t(`catalog.done.${action}`));
      setAsking(null);
      onDone?.(detail, action);
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const actions = ORDER.filter((a) => item.allowedActions.includes(a));
  if (actions.length === 0) return null;
  return (
    <Space size={4} wrap>
      {actions.map((action) => {
        const common = {
          size,
          loading: busy === action,
          'data-testid': `action-${action}`,
        };
        if (action === 'approve') {
          return (
            <Popconfirm key={action} title={t('catalog.approveConfirm')} onConfirm={() => run('approve')}>
              <Button {...common} type={size === 'small' ? 'link' : 'primary'}>
                {t('catalog.action.approve')}
              </Button>
            </Popconfirm>
          );
        }
        if (action === 'reject' || action === 'retire') {
          return (
            <Button
              key={action}
              {...common}
              danger
              type={size === 'small' ? 'link' : 'default'}
              onClick={() => setAsking(action)}
            >
              {t(`catalog.action.${action}`)}
            </Button>
          );
        }
        return (
          <Button
            key={action}
            {...common}
            type={size === 'small' ? 'link' : action === 'submit' ? 'primary' : 'default'}
            onClick={() => run(action)}
          >
            {t(`catalog.action.${action}`)}
          </Button>
        );
      })}
      {asking ? (
        <NoteModal
          action={asking}
          busy={busy === asking}
          onOk={(note) => run(asking, note)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </Space>
  );
}
