import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { useAssignees } from '../../../api/cases.ts';
import {
  type ActionTarget,
  type CaseActionName,
  DELIVERY_METHODS_LIST,
  SPECIAL_KINDS_LIST,
} from './action-kinds.ts';
import { CorrectionItemsFields, RefusalFields, useRequired } from './shared-fields.tsx';

const future = (d: dayjs.Dayjs) => d.isBefore(dayjs(), 'day');

function ReasonField({ label = 'case.act.reason' as const }: { label?: 'case.act.reason' }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <Form.Item name="reason" label={t(label)} rules={required(label)}>
      <Input.TextArea rows={3} maxLength={500} />
    </Form.Item>
  );
}

/** 分派: only the staff who can act at the current step are offered (the server refuses anyone else). */
function AssignFields({ c }: { c: ActionTarget }) {
  const { t } = useI18n();
  const required = useRequired();
  const staff = useAssignees(c.id);
  return (
    <Form.Item
      name="assigneeAccountId"
      label={t('case.act.assignee')}
      rules={required('case.act.assignee')}
      extra={
        staff.data
          ? t('case.act.assigneeHint', {
              step: staff.data.stepName,
              department: staff.data.departmentName,
            })
          : undefined
      }
    >
      <Select
        loading={staff.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="assignee-select"
        options={(staff.data?.items ?? []).map((s) => ({
          value: s.accountId,
          label: [s.name, s.title, s.orgUnitName].filter(Boolean).join(' · '),
        }))}
      />
    </Form.Item>
  );
}

function DecideFields() {
  const { t } = useI18n();
  const required = useRequired();
  const outcome = Form.useWatch('outcome');
  return (
    <>
      <Form.Item name="outcome" label={t('case.act.outcome')} rules={required('case.act.outcome')}>
        <Radio.Group
          options={[
            { value: 'grant', label: t('case.outcome.grant') },
            { value: 'deny', label: t('case.outcome.deny') },
          ]}
        />
      </Form.Item>
      <Form.Item name="opinion" label={t('case.act.opinion')} rules={required('case.act.opinion')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {outcome === 'deny' ? (
        <>
          <Form.Item
            name="reasons"
            label={t('case.act.denyReasons')}
            rules={required('case.act.denyReasons')}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('case.act.denyBasis')} rules={required('case.act.denyBasis')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

function ConcludeFields() {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <>
      <Form.Item
        name="documentName"
        label={t('case.act.documentName')}
        rules={required('case.act.documentName')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="documentNumber"
        label={t('case.act.documentNumber')}
        rules={required('case.act.documentNumber')}
      >
        <Input maxLength={64} className="ow-mono" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('case.act.validFrom')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validUntil" label={t('case.act.validUntil')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="issuer" label={t('case.act.issuer')}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

function DeliverFields() {
  const { t } = useI18n();
  const required = useRequired();
  const method = Form.useWatch('method');
  return (
    <>
      <Form.Item name="method" label={t('case.act.method')} rules={required('case.act.method')}>
        <Radio.Group
          options={DELIVERY_METHODS_LIST.map((m) => ({ value: m, label: t(`case.delivery.${m}`) }))}
        />
      </Form.Item>
      {method === 'mail' ? (
        <Form.Item name="trackingNumber" label={t('case.act.tracking')} rules={required('case.act.tracking')}>
          <Input maxLength={64} className="ow-mono" />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('case.act.note')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}

function ResubmitFields({ c }: { c: ActionTarget }) {
  const { t } = useI18n();
  const missing = (c.materials ?? []).filter((m) => m.form === 'missing');
  return (
    <>
      {missing.map((m) => (
        <Form.Item
          key={m.materialId}
          name={['resubmit', m.materialId]}
          label={m.name}
          initialValue="original"
        >
          <Radio.Group
            optionType="button"
            size="small"
            options={(['original', 'copy', 'electronic', 'missing'] as const).map((f) => ({
              value: f,
              label: t(`case.form.${f}`),
            }))}
          />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('case.act.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

function SupplyFields({ c }: { c: ActionTarget }) {
  const { t } = useI18n();
  const required = useRequired();
  const outstanding = (c.materials ?? []).filter((m) => m.form === 'deferred' && !m.suppliedAt);
  return (
    <>
      <Form.Item
        name="materialId"
        label={t('case.act.material')}
        rules={required('case.act.material')}
        initialValue={outstanding[0]?.materialId}
      >
        <Select options={outstanding.map((m) => ({ value: m.materialId, label: m.name }))} />
      </Form.Item>
      <Form.Item
        name="form"
        label={t('case.act.form')}
        initialValue="original"
        rules={required('case.act.form')}
      >
        <Radio.Group
          options={(['original', 'copy', 'electronic'] as const).map((f) => ({
            value: f,
            label: t(`case.form.${f}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

/** The small form of one action, its fields named as the server's body so its field errors land on them. */
export function ActionFields({ action, c }: { action: CaseActionName; c: ActionTarget }) {
  const { t } = useI18n();
  const required = useRequired();
  switch (action) {
    case 'requestCorrection':
      return (
        <>
          <Form.Item label={t('case.act.correctionItems')}>
            <CorrectionItemsFields />
          </Form.Item>
          <Form.Item name="note" label={t('case.act.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'resubmit':
      return <ResubmitFields c={c} />;
    case 'refuse':
      return <RefusalFields />;
    case 'assign':
      return <AssignFields c={c} />;
    case 'pass':
      return (
        <Form.Item name="opinion" label={t('case.act.opinion')} rules={required('case.act.opinion')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      );
    case 'returnStep':
    case 'withdraw':
    case 'void':
      return <ReasonField />;
    case 'startSpecial':
      return (
        <>
          <Form.Item name="kind" label={t('case.act.kind')} rules={required('case.act.kind')}>
            <Select options={SPECIAL_KINDS_LIST.map((k) => ({ value: k, label: t(`case.special.${k}`) }))} />
          </Form.Item>
          <ReasonField />
          <Form.Item
            name="expectedEnd"
            label={t('case.act.expectedEnd')}
            rules={required('case.act.expectedEnd')}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={future} />
          </Form.Item>
        </>
      );
    case 'endSpecial':
      return (
        <Form.Item name="result" label={t('case.act.result')} rules={required('case.act.result')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      );
    case 'extend':
      return (
        <>
          <Form.Item name="days" label={t('case.act.days')} rules={required('case.act.days')}>
            <InputNumber min={1} max={15} style={{ width: 120 }} />
          </Form.Item>
          <ReasonField />
        </>
      );
    case 'decide':
      return <DecideFields />;
    case 'conclude':
      return <ConcludeFields />;
    case 'deliver':
      return <DeliverFields />;
    case 'supplyMaterial':
      return <SupplyFields c={c} />;
    default:
      return null;
  }
}
