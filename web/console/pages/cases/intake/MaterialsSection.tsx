import { Alert, Button, Checkbox, DatePicker, Empty, Form, Radio, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { MaterialForm } from '../../../../../contracts/cases.ts';
import type { CatalogItemDocument } from '../../../../../contracts/catalog.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { IntakeValues } from './intake-body.ts';

type Material = CatalogItemDocument['materials'][number];
const FORMS: MaterialForm[] = ['original', 'copy', 'electronic', 'missing', 'deferred'];

/** One row's 收取情况, and for 容缺 the promised date and the signed promise. */
function MaterialRow({ m }: { m: Material }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<IntakeValues>();
  const chosen = Form.useWatch(['checklist', m.id, 'form'], form);
  return (
    <div>
      <Form.Item name={['checklist', m.id, 'form']} initialValue="missing" style={{ marginBottom: 0 }}>
        <Radio.Group
          size="small"
          optionType="button"
          data-testid={`material-${m.id}`}
          options={FORMS.filter((f) => f !== 'deferred' || m.deferrable).map((f) => ({
            value: f,
            label: t(`case.form.${f}`),
          }))}
        />
      </Form.Item>
      {chosen === 'deferred' ? (
        <Space wrap style={{ marginTop: 8 }} align="start">
          <Form.Item
            name={['checklist', m.id, 'dueDate']}
            style={{ marginBottom: 0 }}
            rules={[{ required: true, message: t('common.required', { field: t('case.intake.dueDate') }) }]}
          >
            <DatePicker
              size="small"
              placeholder={t('case.intake.dueDate')}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item
            name={['checklist', m.id, 'promise']}
            valuePropName="checked"
            style={{ marginBottom: 0 }}
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('case.intake.promiseRequired'))),
              },
            ]}
          >
            <Checkbox>{t('case.intake.promise')}</Checkbox>
          </Form.Item>
        </Space>
      ) : null}
    </div>
  );
}

/** 材料清单: the materials that apply to the chosen situations, each ticked as presented, missing or deferred. */
export function MaterialsSection({ materials }: { materials: Material[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<IntakeValues>();
  const checklist = Form.useWatch('checklist', form);
  if (materials.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.intake.noMaterials')} />;
  }
  const missing = materials.filter((m) => {
    const f = checklist?.[m.id]?.form ?? 'missing';
    return m.required && f === 'missing';
  }).length;
  const allOriginal = () =>
    form.setFieldsValue({
      checklist: Object.fromEntries(
        materials.map((m) => [m.id, { ...form.getFieldValue(['checklist', m.id]), form: 'original' }]),
      ),
    });
  return (
    <div data-testid="materials-section">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button size="small" onClick={allOriginal} data-testid="all-original">
          {t('case.intake.allOriginal')}
        </Button>
      </Space>
      <Table<Material>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={materials}
        columns={[
          {
            title: t('case.intake.material'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <div>
                <div>
                  {name}{' '}
                  {m.required ? (
                    <Tag color="red">{t('case.intake.required')}</Tag>
                  ) : (
                    <Tag>{t('case.intake.optional')}</Tag>
                  )}
                  {m.deferrable ? <Tag color="purple">{t('case.intake.deferrable')}</Tag> : null}
                </div>
                <div className="ow-muted">
                  {m.issuer} · {t('case.intake.copies', { o: m.originals, c: m.copies })}
                </div>
              </div>
            ),
          },
          {
            title: t('case.intake.howPresented'),
            key: 'form',
            width: 380,
            render: (_, m) => <MaterialRow m={m} />,
          },
        ]}
      />
      {missing > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={t('case.intake.missingRequired', { n: missing })}
          data-testid="missing-alert"
        />
      ) : null}
    </div>
  );
}
