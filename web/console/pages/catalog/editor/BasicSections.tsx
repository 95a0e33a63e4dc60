import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { OPTIONS } from '../options.ts';
import { Section } from './Section.tsx';

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** 基本信息与编码; 类型、层级、实施部门与实施主体. */
export function BasicSection({ departments }: { departments: { value: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <Section id="basic">
      <Form.Item name="name" label={t('catalog.f.name')}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="catalogCode" label={t('catalog.f.catalogCode')}>
            <Input maxLength={50} className="ow-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="implementationCode"
            label={t('catalog.f.implementationCode')}
            extra={t('catalog.f.implementationCodeHint')}
          >
            <Input maxLength={50} className="ow-mono" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="type" label={t('catalog.f.type')}>
            <Select options={OPTIONS.type} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="exerciseLevel" label={t('catalog.f.level')}>
            <Select options={OPTIONS.level} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="departmentId" label={t('catalog.f.department')}>
            <Select
              showSearch
              optionFilterProp="label"
              options={departments}
              data-testid="department-select"
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['implementingBody', 'name']} label={t('catalog.f.bodyName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['implementingBody', 'creditCode']} label={t('catalog.f.bodyCreditCode')}>
            <Input maxLength={18} className="ow-mono" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['implementingBody', 'nature']} label={t('catalog.f.bodyNature')}>
            <Select options={OPTIONS.nature} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="powerDivision" label={t('catalog.f.powerDivision')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="exerciseContent" label={t('catalog.f.exerciseContent')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="coDepartments" label={t('catalog.f.coDepartments')}>
        <Select mode="tags" open={false} suffixIcon={null} placeholder={t('catalog.f.tagsHint')} />
      </Form.Item>
    </Section>
  );
}

/** 设定依据. */
export function BasisSection() {
  const { t } = useI18n();
  return (
    <Section id="basis">
      <Form.Item name="legalBasis" label={t('catalog.f.legalBasis')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} showCount />
      </Form.Item>
    </Section>
  );
}

/** A time limit's value, unit and note on one line. */
function LimitFields({
  name,
  label,
  nullable,
}: {
  name: 'legalLimit' | 'promisedLimit';
  label: string;
  nullable?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Form.Item
          name={[name, 'value']}
          label={label}
          extra={nullable ? t('catalog.f.legalLimitEmpty') : undefined}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'unit']} label={t('catalog.f.limitUnit')}>
          <Select options={OPTIONS.unit} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[name, 'note']} label={t('catalog.f.limitNote')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 法定 / 承诺办结时限 and 办件类型. */
export function LimitsSection() {
  const { t } = useI18n();
  return (
    <Section id="limits">
      <LimitFields name="legalLimit" label={t('catalog.f.legalLimit')} nullable />
      <LimitFields name="promisedLimit" label={t('catalog.f.promisedLimit')} />
      <Form.Item name="caseType" label={t('catalog.f.caseType')} style={{ maxWidth: 240 }}>
        <Select options={OPTIONS.caseType} />
      </Form.Item>
    </Section>
  );
}

/** 受理条件 (with their ids, which situations refer to), 办理流程 and the rarely filled rest. */
export function ConditionsSection() {
  const { t } = useI18n();
  return (
    <Section id="conditions">
      <Form.List name="conditions">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'id']}
                  label={i === 0 ? t('catalog.f.id') : undefined}
                  style={{ width: 90 }}
                >
                  <Input className="ow-mono" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  label={i === 0 ? t('catalog.f.condition') : undefined}
                  style={{ flex: 1, minWidth: 320 }}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                </Form.Item>
                <MinusCircleOutlined className="ow-cat-remove" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ id: `c${fields.length + 1}`, text: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('catalog.f.addCondition')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="process" label={t('catalog.f.process')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="intermediaryServices" label={t('catalog.f.intermediary')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="quantityLimit" label={t('catalog.f.quantity')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="specialProcedures" label={t('catalog.f.special')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 收费: charged or not, its basis (required when charged) and standard. */
export function FeeSection() {
  const { t } = useI18n();
  return (
    <Section id="fee">
      <Form.Item name={['fee', 'charged']} label={t('catalog.f.charged')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={['fee', 'basis']} label={t('catalog.f.feeBasis')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['fee', 'standard']} label={t('catalog.f.feeStandard')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
