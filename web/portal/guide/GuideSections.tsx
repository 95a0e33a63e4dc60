import type { CatalogItemDetailView } from '../../../contracts/catalog-api.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { useCodeLabels } from './code-labels.ts';

/** "1. 申请：…；2. 受理：…" → its steps; a text without numbered steps stays one paragraph. */
function steps(process: string): string[] {
  const parts = process
    .split(/[；;]\s*(?=\d+[.、．])/)
    .map((s) => s.replace(/^\d+[.、．]\s*/, '').trim())
    .filter(Boolean);
  return parts.length > 1 ? parts : [process];
}

/** 办理流程, 收费, 设定依据. */
export function ProcessAndFee({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const doc = item.document;
  const list = steps(doc.process);
  return (
    <>
      <section className="g-card">
        <h2>{t('catalog.guide.process')}</h2>
        {list.length > 1 ? (
          <ol className="g-steps">
            {list.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        ) : (
          <p className="g-text">{doc.process}</p>
        )}
      </section>
      <section className="g-card" data-testid="guide-fee">
        <h2>{t('catalog.guide.feeTitle')}</h2>
        {doc.fee.charged ? (
          <dl className="g-pairs">
            <dt>{t('catalog.guide.feeStandard')}</dt>
            <dd>{doc.fee.standard || '—'}</dd>
            <dt>{t('catalog.guide.feeBasis')}</dt>
            <dd>{doc.fee.basis}</dd>
          </dl>
        ) : (
          <p>{t('catalog.guide.free')}</p>
        )}
      </section>
      <section className="g-card">
        <h2>{t('catalog.guide.basis')}</h2>
        <p className="g-text">{doc.legalBasis}</p>
      </section>
    </>
  );
}

/** 常见问题 and 办理结果. */
export function FaqAndResult({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const doc = item.document;
  return (
    <>
      {doc.faq.length ? (
        <section className="g-card" data-testid="guide-faq">
          <h2>{t('catalog.guide.faq')}</h2>
          <dl className="g-faq">
            {doc.faq.map((f) => (
              <div key={f.question}>
                <dt>{f.question}</dt>
                <dd>{f.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section className="g-card">
        <h2>{t('catalog.guide.result')}</h2>
        <p>
          {doc.result.name}
          {doc.result.sample ? (
            <span className="g-muted"> · {t('catalog.guide.sample', { name: doc.result.sample.name })}</span>
          ) : null}
        </p>
      </section>
    </>
  );
}

/** The catalogue's identity of the item: codes, type, level, body, and the rarely needed rest. */
export function ItemIdentity({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const codes = useCodeLabels();
  const doc = item.document;
  const rows: [string, string][] = [
    [t('catalog.guide.type'), codes.itemType(doc.type)],
    [t('catalog.guide.implementationCode'), doc.implementationCode],
    [t('catalog.guide.catalogCode'), doc.catalogCode],
    [
      t('catalog.guide.body'),
      codes.withNote(doc.implementingBody.name, codes.nature(doc.implementingBody.nature)),
    ],
    [t('catalog.guide.level'), codes.level(doc.exerciseLevel)],
  ];
  if (doc.coDepartments.length) rows.push([t('catalog.guide.coDepartments'), codes.list(doc.coDepartments)]);
  if (doc.intermediaryServices) rows.push([t('catalog.guide.intermediary'), doc.intermediaryServices]);
  if (doc.quantityLimit) rows.push([t('catalog.guide.quantity'), doc.quantityLimit]);
  if (doc.specialProcedures) rows.push([t('catalog.guide.special'), doc.specialProcedures]);
  return (
    <section className="g-card">
      <h2>{t('catalog.guide.identity')}</h2>
      <dl className="g-pairs">
        {rows.map(([k, v]) => (
          <div key={k} className="g-pair">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
