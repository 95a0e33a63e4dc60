import { Alert, Form, Input, List, Modal } from 'antd';
import type { CorrectionItem } from '../../../../../contracts/cases.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { CorrectionItemsFields, RefusalFields } from '../actions/shared-fields.tsx';
import type { DecisionExtra } from './intake-body.ts';

interface CorrectValues {
  items?: CorrectionItem[];
  note?: string;
}
interface RefuseValues {
  reason: string;
  competentBody?: string;
  legalBasis?: string;
}

/**
 * The words a decision at the window needs: for 一次性告知, the missing required materials (listed
 * by the server on its own) plus anything else to correct; for 不予受理, the reason and the body
 * that may accept the application instead.
 */
export function DecisionModal({
  kind,
  missing,
  loading,
  onSubmit,
  onCancel,
}: {
  kind: 'correct' | 'refuse';
  missing: { materialId: string; name: string }[];
  loading: boolean;
  onSubmit(extra: DecisionExtra): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const finish = (v: CorrectValues & RefuseValues) => {
    if (kind === 'refuse') {
      onSubmit({
        refusal: {
          reason: v.reason.trim(),
          competentBody: v.competentBody?.trim() || undefined,
          legalBasis: v.legalBasis?.trim() || undefined,
        },
      });
      return;
    }
    // The server lists the missing materials itself only when no items are given: give them all.
    const auto = missing.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      problem: '未提交，请补充提交',
    }));
    const items = [...auto, ...(v.items ?? []).filter((i) => i?.name && i.problem)];
    onSubmit({ correction: { items: items.length ? items : undefined, note: v.note?.trim() || undefined } });
  };
  return (
    <Modal
      open
      width={640}
      title={kind === 'refuse' ? t('case.intake.refuseTitle') : t('case.intake.correctTitle')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={kind === 'refuse' ? t('case.intake.refuse') : t('case.intake.correct')}
      okButtonProps={{ danger: kind === 'refuse', 'data-testid': 'decision-ok' }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={finish}>
        {kind === 'refuse' ? (
          <RefusalFields />
        ) : (
          <>
            <Alert type="info" showIcon title={t('case.intake.correctHint')} style={{ marginBottom: 12 }} />
            {missing.length > 0 ? (
              <List
                size="small"
                bordered
                style={{ marginBottom: 12 }}
                dataSource={missing}
                renderItem={(m) => <List.Item>{m.name}</List.Item>}
              />
            ) : null}
            <Form.Item label={t('case.intake.extraItems')}>
              <CorrectionItemsFields min={0} />
            </Form.Item>
            <Form.Item name="note" label={t('case.intake.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
