import { App, Button, Form, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../../ui/api.ts';
import { useReportError } from '../../../../ui/form-errors.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { type CaseDetailView, type CaseSummaryView, useCaseAction } from '../../../api/cases.ts';
import { ActionFields } from './ActionFields.tsx';
import {
  ACTION_ORDER,
  type ActionTarget,
  bodyFor,
  type CaseActionName,
  CONFIRM_FIRST,
  DANGEROUS,
  FORWARD,
  initialValuesFor,
  NO_WORDS,
} from './action-kinds.ts';

/** Codes that mean "what you saw is no longer the case": reload rather than retry blindly. */
const STALE_CODES = [
  'CASE_STALE_VERSION',
  'CASE_ACTION_NOT_ALLOWED',
  'CASE_CLAIMED_BY_OTHER',
  'CASE_STEP_CONFLICT',
];

/**
 * Runs an action with the version the user saw. A stale version (someone else acted first) says
 * so plainly and reloads the case; field errors go onto the form; anything else becomes a message.
 */
export function useRunAction(onStale: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mutation = useCaseAction();
  const run = async (
    c: Pick<CaseSummaryView, 'id'>,
    {
      action,
      body,
      form,
    }: {
      action: CaseActionName;
      body: { version: number } & Record<string, unknown>;
      form?: Parameters<typeof report>[1];
    },
  ): Promise<CaseSummaryView | null> => {
    try {
      const after = await mutation.mutateAsync({ id: c.id, action, body });
      message.success(t('case.page.done', { action: t(`case.action.${action}`) }));
      return after;
    } catch (err) {
      if (err instanceof ApiError && STALE_CODES.includes(err.code)) {
        message.warning({ content: t('case.page.stale'), key: 'stale', duration: 6 });
        onStale();
      } else {
        report(err, form);
      }
      return null;
    }
  };
  return { run, pending: mutation.isPending };
}

/** The small form of one action in a modal; closes on success, reloads on a stale version. */
export function ActionModal({
  action,
  c,
  onClose,
  onStale,
}: {
  action: CaseActionName;
  c: ActionTarget;
  onClose(): void;
  onStale(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { run, pending } = useRunAction(() => {
    onClose();
    onStale();
  });
  const finish = async (values: Record<string, unknown>) => {
    if (await run(c, { action, body: bodyFor(action, values, c), form })) onClose();
  };
  return (
    <Modal
      open
      width={560}
      title={`${t(`case.action.${action}`)} · ${c.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`case.action.${action}`)}
      okButtonProps={{ danger: DANGEROUS.includes(action) }}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={initialValuesFor(action, c)}
        data-testid={`action-form-${action}`}
      >
        <ActionFields action={action} c={c} />
      </Form>
    </Modal>
  );
}

/**
 * The buttons of the case page: exactly the case's allowedActions (the server computed them for
 * this user; anything else it would refuse), each with its small form or a confirmation.
 */
export function ActionBar({ c, onChanged }: { c: CaseDetailView; onChanged(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseActionName | null>(null);
  const { run, pending } = useRunAction(onChanged);
  const allowed = ACTION_ORDER.filter((a) => (c.allowedActions as readonly string[]).includes(a));
  if (allowed.length === 0) {
    return <Typography.Text type="secondary">{t('case.page.noActions')}</Typography.Text>;
  }
  return (
    <>
      <Space wrap data-testid="case-actions">
        {allowed.map((action) => {
          const label = t(`case.action.${action}`);
          const props = {
            type: FORWARD.includes(action) ? ('primary' as const) : ('default' as const),
            danger: DANGEROUS.includes(action),
            'data-testid': `action-${action}`,
          };
          const now = async () => {
            await run(c, { action, body: { version: c.version } });
            onChanged();
          };
          if (NO_WORDS.includes(action) && !CONFIRM_FIRST.includes(action)) {
            return (
              <Button key={action} {...props} loading={pending} onClick={now}>
                {label}
              </Button>
            );
          }
          if (CONFIRM_FIRST.includes(action)) {
            return (
              <Popconfirm key={action} title={t('case.act.confirm', { action: label })} onConfirm={now}>
                <Button {...props} loading={pending}>
                  {label}
                </Button>
              </Popconfirm>
            );
          }
          return (
            <Button key={action} {...props} onClick={() => setOpen(action)}>
              {label}
            </Button>
          );
        })}
      </Space>
      {open ? (
        <ActionModal
          action={open}
          c={c}
          onClose={() => {
            setOpen(null);
            onChanged();
          }}
          onStale={onChanged}
        />
      ) : null}
    </>
  );
}
