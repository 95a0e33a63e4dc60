import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../../../ui/i18n/index.tsx';
import { useI18n } from '../../../../ui/i18n/index.tsx';

/** The editor's sections, in page order: the side anchor lists them. */
export const SECTIONS = [
  ['basic', 'catalog.sec.basic'],
  ['basis', 'catalog.sec.basis'],
  ['limits', 'catalog.sec.limits'],
  ['conditions', 'catalog.sec.conditions'],
  ['fee', 'catalog.sec.fee'],
  ['objects', 'catalog.sec.objects'],
  ['online', 'catalog.sec.online'],
  ['place', 'catalog.sec.place'],
  ['window', 'catalog.sec.window'],
  ['materials', 'catalog.sec.materials'],
  ['situations', 'catalog.sec.situations'],
  ['fields', 'catalog.sec.fields'],
  ['faq', 'catalog.sec.faq'],
  ['result', 'catalog.sec.result'],
  ['versions', 'catalog.sec.versions'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export type SectionId = (typeof SECTIONS)[number][0];

/** One titled card of the editor, reachable from the anchor as #sec-<id>. */
export function Section({ id, children, extra }: { id: SectionId; children: ReactNode; extra?: ReactNode }) {
  const { t } = useI18n();
  const label = SECTIONS.find((s) => s[0] === id)?.[1] ?? 'catalog.sec.basic';
  return (
    <Card
      id={`sec-${id}`}
      size="small"
      title={t(label)}
      extra={extra}
      className="ow-cat-section"
      data-testid={`sec-${id}`}
    >
      {children}
    </Card>
  );
}
