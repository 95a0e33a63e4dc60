import type { CatalogItemDetailView } from '../../../contracts/catalog-api.ts';
import { limitText, visitsText } from '../../ui/catalog-format.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { useCodeLabels } from './code-labels.ts';

/** A labelled value; the note (if any) under it in grey. */
function Fact({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="g-fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {value}
        {note ? <span className="g-fact-note">{note}</span> : null}
      </dd>
    </div>
  );
}

/** The numbers people look at first: time limits, visits, fee, case type, 通办. */
export function GuideFacts({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const codes = useCodeLabels();
  const doc = item.document;
  return (
    <dl className="g-facts" data-testid="guide-facts">
      <Fact
        label={t('catalog.guide.legalLimit')}
        value={limitText(t, doc.legalLimit)}
        note={doc.legalLimit.note}
        testId="legal-limit"
      />
      <Fact
        label={t('catalog.guide.promisedLimit')}
        value={limitText(t, doc.promisedLimit)}
        note={doc.promisedLimit.note}
        testId="promised-limit"
      />
      <Fact label={t('catalog.guide.visits')} value={visitsText(t, doc.visits)} />
      <Fact
        label={t('catalog.guide.fee')}
        value={doc.fee.charged ? doc.fee.standard || t('catalog.guide.charged') : t('catalog.guide.free')}
      />
      <Fact label={t('catalog.guide.caseType')} value={codes.caseType(doc.caseType)} />
      <Fact label={t('catalog.guide.tongban')} value={codes.tongban(doc.tongbanScope)} />
    </dl>
  );
}
