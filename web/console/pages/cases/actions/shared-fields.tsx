import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormRule, Input, Space } from 'antd';
import { type MessageKey, useI18n } from '../../../../ui/i18n/index.tsx';

/**
 * A required rule naming the field; blank text counts as missing. (Not `whitespace: true`: that
 * makes the rule a string rule, which a date, a number or a choice would then fail.)
 */
export function useRequired() {
  const { t } = useI18n();
  return (key: MessageKey): FormRule[] => [
    {
      required: true,
      message: t('common.required', { field: t(key) }),
      transform: (v: unknown) => (typeof v === 'string' ? v.trim() : v),
    },
  ];
}

/** The items of a one-time correction notice: what is missing or wrong, and what to bring. */
export function CorrectionItemsFields({ name = 'items', min = 1 }: { name?: string; min?: number }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid="correction-items">
          {fields.map((field, i) => (
            <Space key={field.key} align="start" style={{ display: 'flex' }}>
              <Form.Item
                name={[field.name, 'name']}
                rules={required('case.intake.itemName')}
                style={{ width: 200, marginBottom: 8 }}
              >
                <Input placeholder={t('case.intake.itemName')} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'problem']}
                rules={required('case.intake.problem')}
                style={{ width: 260, marginBottom: 8 }}
              >
                <Input placeholder={t('case.intake.problem')} maxLength={300} />
              </Form.Item>
              {i >= min ? (
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
              ) : null}
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('case.intake.addItem')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 不予受理: the reason, the body that may accept it instead, the legal basis. */
export function RefusalFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <>
      <Form.Item
        name={[...prefix, 'reason']}
        label={t('case.intake.reason')}
        rules={required('case.intake.reason')}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item name={[...prefix, 'competentBody']} label={t('case.intake.competentBody')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={[...prefix, 'legalBasis']} label={t('case.intake.legalBasis')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}
