import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { OPTIONS } from '../options.ts';
import { Section } from './Section.tsx';

/** The applicant form's fields: key, label, kind, required, options (for a choice), hint. */
export function FormFieldsEditor() {
  const { t } = useI18n();
  return (
    <Section id="fields">
      <Form.List name="formFields">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'key']} label={i === 0 ? t('catalog.f.fieldKey') : undefined}>
                    <Input className="ow-mono" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[f.name, 'label']} label={i === 0 ? t('catalog.f.fieldLabel') : undefined}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'kind']} label={i === 0 ? t('catalog.f.fieldKind') : undefined}>
                    <Select options={OPTIONS.kind} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={2}>
                  <Form.Item
                    name={[f.name, 'required']}
                    valuePropName="checked"
                    label={i === 0 ? t('catalog.f.fieldRequired') : undefined}
                  >
                    <Checkbox />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[f.name, 'options']}
                    label={i === 0 ? t('catalog.f.fieldOptions') : undefined}
                  >
                    <Select mode="tags" open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={4}>
                  <Form.Item name={[f.name, 'hint']} label={i === 0 ? t('catalog.f.fieldHint') : undefined}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: i === 0 ? 34 : 6 }}>
                  <MinusCircleOutlined className="ow-cat-remove" onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ key: '', label: '', kind: 'text', required: false, options: [], hint: '' })
              }
            >
              {t('catalog.f.addField')}
            </Button>
          </>
        )}
      </Form.List>
    </Section>
  );
}

/** 常见问题: question and answer pairs. */
export function FaqEditor() {
  const { t } = useI18n();
  return (
    <Section id="faq">
      <Form.List name="faq">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={24} md={9}>
                  <Form.Item name={[f.name, 'question']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 3 }}
                      maxLength={500}
                      placeholder={t('catalog.f.faqQuestion')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={22} md={14}>
                  <Form.Item name={[f.name, 'answer']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 5 }}
                      maxLength={2000}
                      placeholder={t('catalog.f.faqAnswer')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: 6 }}>
                  <MinusCircleOutlined className="ow-cat-remove" onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })}>
              {t('catalog.f.addFaq')}
            </Button>
          </>
        )}
      </Form.List>
    </Section>
  );
}
