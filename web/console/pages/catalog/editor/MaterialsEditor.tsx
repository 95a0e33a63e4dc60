import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Table } from 'antd';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { OPTIONS } from '../options.ts';
import type { MaterialForm } from './form-model.ts';
import { Section } from './Section.tsx';

const compact = { style: { marginBottom: 0 } };

/** A new material: one original, no copy, required, paper or electronic, trust C. */
function blankMaterial(id: string): MaterialForm {
  return {
    id,
    name: '',
    issuer: '申请人',
    originals: 1,
    copies: 0,
    required: true,
    deferrable: false,
    medium: 'either',
    fromSharedData: false,
    trustLevel: 'C',
    blankForm: { name: '', fileId: null },
    sample: { name: '', fileId: null },
    note: '',
  };
}

/** The first `<prefix><n>` id that a list does not hold yet. */
export function freeId(prefix: string, taken: readonly { id?: string }[] | undefined): string {
  const ids = new Set((taken ?? []).map((x) => x.id));
  let n = (taken?.length ?? 0) + 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** 申请材料 as a table of inputs; ids are what situations refer to. */
export function MaterialsEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Section id="materials">
      <Form.List name="materials">
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 1500 }}
              data-testid="materials-table"
              columns={[
                {
                  title: t('catalog.f.id'),
                  width: 140,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'id']} {...compact}>
                      <Input className="ow-mono" />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.materialName'),
                  width: 220,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'name']} {...compact}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.issuer'),
                  width: 150,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'issuer']} {...compact}>
                      <Input maxLength={200} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.originals'),
                  width: 80,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'originals']} {...compact}>
                      <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.copies'),
                  width: 80,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'copies']} {...compact}>
                      <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                ...(['required', 'deferrable', 'fromSharedData'] as const).map((flag) => ({
                  title: t(`catalog.f.${flag}`),
                  width: 80,
                  render: (_: unknown, f: { name: number }) => (
                    <Form.Item name={[f.name, flag]} valuePropName="checked" {...compact}>
                      <Checkbox />
                    </Form.Item>
                  ),
                })),
                {
                  title: t('catalog.f.medium'),
                  width: 120,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'medium']} {...compact}>
                      <Select options={OPTIONS.medium} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.trust'),
                  width: 70,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'trustLevel']} {...compact}>
                      <Select options={OPTIONS.trust} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.blankForm'),
                  width: 180,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'blankForm', 'name']} {...compact}>
                      <Input maxLength={200} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.sample'),
                  width: 180,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'sample', 'name']} {...compact}>
                      <Input maxLength={200} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.f.note'),
                  width: 180,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'note']} {...compact}>
                      <Input maxLength={1000} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  width: 44,
                  fixed: 'right',
                  render: (_, f) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.delete')}
                    />
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(blankMaterial(freeId('m', form.getFieldValue('materials'))))}
              style={{ marginTop: 8 }}
            >
              {t('catalog.f.addMaterial')}
            </Button>
          </>
        )}
      </Form.List>
    </Section>
  );
}
