import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { ItemForm } from './form-model.ts';
import { freeId } from './MaterialsEditor.tsx';
import { Section } from './Section.tsx';

/** One situation's answers: label, and the materials and conditions the answer brings in. */
function Answers({ situation }: { situation: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ItemForm>();
  // The choices follow the materials and conditions as they are being edited.
  const materials = Form.useWatch('materials', form) ?? [];
  const conditions = Form.useWatch('conditions', form) ?? [];
  const materialOptions = materials.map((m) => ({ value: m?.id, label: `${m?.id} ${m?.name ?? ''}` }));
  const conditionOptions = conditions.map((c) => ({ value: c?.id, label: `${c?.id} ${c?.text ?? ''}` }));
  return (
    <Form.List name={[situation, 'answers']}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <Row key={f.key} gutter={8} align="top" wrap={false} data-testid="answer-row">
              <Col flex="90px">
                <Form.Item name={[f.name, 'id']}>
                  <Input className="ow-mono" placeholder={t('catalog.f.id')} />
                </Form.Item>
              </Col>
              <Col flex="200px">
                <Form.Item name={[f.name, 'label']}>
                  <Input maxLength={200} placeholder={t('catalog.f.answer')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 200px">
                <Form.Item name={[f.name, 'materialIds']}>
                  <Select
                    mode="multiple"
                    allowClear
                    options={materialOptions}
                    placeholder={t('catalog.f.answerMaterials')}
                  />
                </Form.Item>
              </Col>
              <Col flex="1 1 160px">
                <Form.Item name={[f.name, 'conditionIds']}>
                  <Select
                    mode="multiple"
                    allowClear
                    options={conditionOptions}
                    placeholder={t('catalog.f.answerConditions')}
                  />
                </Form.Item>
              </Col>
              <Col flex="24px">
                <MinusCircleOutlined className="ow-cat-remove" onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                id: freeId('a', form.getFieldValue(['situations', situation, 'answers'])),
                label: '',
                materialIds: [],
                conditionIds: [],
              })
            }
          >
            {t('catalog.f.addAnswer')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 情形: question → answers → which materials and conditions apply. */
export function SituationsEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance<ItemForm>();
  return (
    <Section id="situations">
      <p className="ow-muted">{t('catalog.f.situationsHint')}</p>
      <Form.List name="situations">
        {(fields, { add, remove }, { errors }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.delete')}
                  />
                }
                title={
                  <Row gutter={8} wrap={false} style={{ paddingTop: 8 }}>
                    <Col flex="110px">
                      <Form.Item name={[f.name, 'id']}>
                        <Input className="ow-mono" placeholder={t('catalog.f.id')} />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Form.Item name={[f.name, 'question']}>
                        <Input maxLength={200} placeholder={t('catalog.f.question')} />
                      </Form.Item>
                    </Col>
                    <Col flex="none">
                      <Form.Item name={[f.name, 'multiple']} valuePropName="checked">
                        <Checkbox>{t('catalog.f.multiple')}</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                }
              >
                <Answers situation={f.name} />
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  id: freeId('s', form.getFieldValue('situations')),
                  question: '',
                  multiple: false,
                  answers: [
                    { id: 'yes', label: '是', materialIds: [], conditionIds: [] },
                    { id: 'no', label: '否', materialIds: [], conditionIds: [] },
                  ],
                })
              }
            >
              {t('catalog.f.addSituation')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Section>
  );
}
