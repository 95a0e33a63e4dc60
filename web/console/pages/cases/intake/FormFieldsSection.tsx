import { Col, DatePicker, Empty, Form, type FormRule, Input, InputNumber, Row, Select } from 'antd';
import type { CatalogItemDocument } from '../../../../../contracts/catalog.ts';
import { creditCodeIssue, idNumberIssue } from '../../../../../contracts/identifiers.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';

type Field = CatalogItemDocument['formFields'][number];

/** The control of one field; `rest` is what Form.Item hands its child (value, onChange, id), passed on. */
function FieldControl({ field, ...rest }: { field: Field } & Record<string, unknown>) {
  const { t } = useI18n();
  switch (field.kind) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...rest} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...rest} />;
    case 'choice':
      return <Select allowClear options={field.options.map((o) => ({ value: o, label: o }))} {...rest} />;
    case 'id_number':
    case 'credit_code':
      return <Input maxLength={18} className="ow-mono" {...rest} />;
    case 'attachment':
      return <Input maxLength={200} placeholder={t('case.intake.attachmentHint')} {...rest} />;
    case 'address':
      return <Input maxLength={200} {...rest} />;
    default:
      return <Input maxLength={2000} {...rest} />;
  }
}

/** 申请表: the item's form fields, each rendered by its kind, required ones marked. */
export function FormFieldsSection({ doc }: { doc: CatalogItemDocument }) {
  const { t, lang } = useI18n();
  if (doc.formFields.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.intake.noForm')} />;
  }
  return (
    <Row gutter={16} data-testid="form-fields">
      {doc.formFields.map((f) => {
        const rules: FormRule[] = [];
        if (f.required) rules.push({ required: true, message: t('common.required', { field: f.label }) });
        const check =
          f.kind === 'id_number' ? idNumberIssue : f.kind === 'credit_code' ? creditCodeIssue : null;
        if (check) {
          rules.push({
            validator: (_, v) => {
              if (typeof v !== 'string' || v === '') return Promise.resolve();
              const problem = check(v.trim().toUpperCase());
              if (!problem) return Promise.resolve();
              const wording = lang === 'en-US' ? problem.en : problem.zh;
              return Promise.reject(new Error(t('case.intake.idInvalid', { problem: wording })));
            },
          });
        }
        return (
          <Col key={f.key} xs={24} md={12}>
            <Form.Item
              name={['form', f.key]}
              label={f.label}
              rules={rules}
              extra={f.hint || undefined}
              normalize={check ? (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v) : undefined}
            >
              <FieldControl field={f} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
