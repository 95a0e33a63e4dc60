import { Alert, Checkbox, Descriptions, Form, Radio, Typography } from 'antd';
import type { CatalogItemDocument } from '../../../../../contracts/catalog.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { CatalogItemDetailView } from '../../../api/cases.ts';
import { WhereTags } from './ItemPicker.tsx';

/** The chosen item at a glance: department, time limits, visits, where it may be taken, conditions. */
export function ItemSummary({ item, notHere }: { item: CatalogItemDetailView; notHere: boolean }) {
  const { t } = useI18n();
  const d = item.document;
  const limit = (v: number | null, unit: string) =>
    v === null ? t('case.intake.noLegal') : `${v} ${t(`case.unit.${unit as 'working_day'}`)}`;
  return (
    <div data-testid="item-summary">
      {notHere ? (
        <Alert type="error" showIcon title={t('case.intake.notHere')} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'dept', label: t('case.col.department'), children: item.departmentName },
          {
            key: 'code',
            label: t('case.page.itemCode'),
            children: <span className="ow-mono">{d.implementationCode}</span>,
          },
          {
            key: 'where',
            label: t('case.intake.point'),
            children: (
              <WhereTags hit={{ comprehensive: d.window.comprehensive, grassroots: d.window.grassroots }} />
            ),
          },
          {
            key: 'promised',
            label: t('case.intake.promised'),
            children: limit(d.promisedLimit.value, d.promisedLimit.unit),
          },
          {
            key: 'legal',
            label: t('case.intake.legal'),
            children: limit(d.legalLimit.value, d.legalLimit.unit),
          },
          { key: 'visits', label: t('case.intake.visits'), children: d.visits },
        ]}
      />
      <Typography.Text type="secondary">{t('case.intake.conditions')}：</Typography.Text>
      <ol className="ow-conditions">
        {d.conditions.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ol>
    </div>
  );
}

/** 办理情形: one question per row; the answers decide which materials apply. */
export function SituationsSection({ doc }: { doc: CatalogItemDocument }) {
  if (doc.situations.length === 0) return null;
  return (
    <div data-testid="situations">
      {doc.situations.map((s) => (
        <Form.Item key={s.id} name={['situations', s.id]} label={s.question}>
          {s.multiple ? (
            <Checkbox.Group options={s.answers.map((a) => ({ value: a.id, label: a.label }))} />
          ) : (
            <Radio.Group options={s.answers.map((a) => ({ value: a.id, label: a.label }))} />
          )}
        </Form.Item>
      ))}
    </div>
  );
}

/** The first answer of each single-choice question (most often 本人办理): the common case, preset. */
export function defaultSituations(doc: CatalogItemDocument): Record<string, string> {
  return Object.fromEntries(
    doc.situations.filter((s) => !s.multiple && s.answers[0]).map((s) => [s.id, s.answers[0]?.id ?? '']),
  );
}
