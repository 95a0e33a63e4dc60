import type { CatalogItemDocument } from '../../../contracts/catalog.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import type { Tailored } from './tailor.ts';

type Doc = Pick<CatalogItemDocument, 'materials' | 'conditions'>;

/** "适用情形：委托他人办理" or "视情形：…" under a material or condition brought in by a situation. */
function SituationNote({ id, tailored }: { id: string; tailored: Tailored }) {
  const { t } = useI18n();
  const because = tailored.because.get(id);
  const pending = tailored.pending.get(id);
  if (because)
    return <span className="g-why">{t('catalog.guide.because', { list: because.join('、') })}</span>;
  if (pending)
    return (
      <span className="g-why g-why-pending">{t('catalog.guide.pending', { list: pending.join('、') })}</span>
    );
  return null;
}

/** 受理条件, as the chosen situations tailor them. */
export function Conditions({ doc, tailored }: { doc: Doc; tailored: Tailored }) {
  const { t } = useI18n();
  const shown = doc.conditions.filter((c) => tailored.conditionIds.includes(c.id));
  return (
    <section className="g-card">
      <h2>{t('catalog.guide.conditions')}</h2>
      <ol className="g-conditions" data-testid="conditions">
        {shown.map((c) => (
          <li key={c.id}>
            {c.text}
            <SituationNote id={c.id} tailored={tailored} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * 申请材料: one row each, with what a person must bring (originals, copies, paper or electronic)
 * and what they may skip (shared data, 容缺). A table on paper and desktops, cards on a phone.
 */
export function Materials({ doc, tailored }: { doc: Doc; tailored: Tailored }) {
  const { t } = useI18n();
  const copiesText = (o: number, c: number) =>
    [o ? t('catalog.guide.originals', { n: o }) : '', c ? t('catalog.guide.copies', { n: c }) : '']
      .filter(Boolean)
      .join(t('catalog.guide.and')) || '—';
  const shown = doc.materials.filter((m) => tailored.materialIds.includes(m.id));
  return (
    <section className="g-card g-materials-card">
      <h2>
        {t('catalog.guide.materials')}
        <span className="g-count">{t('catalog.guide.materialCount', { n: shown.length })}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="g-muted">{t('catalog.guide.noMaterials')}</p>
      ) : (
        <table className="g-materials" data-testid="materials">
          <thead>
            <tr>
              <th>{t('catalog.guide.col.no')}</th>
              <th>{t('catalog.guide.col.name')}</th>
              <th>{t('catalog.guide.col.issuer')}</th>
              <th>{t('catalog.guide.col.copies')}</th>
              <th>{t('catalog.guide.col.medium')}</th>
              <th>{t('catalog.guide.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m, i) => (
              <tr key={m.id} data-testid="material">
                <td className="g-no">{i + 1}</td>
                <td className="g-mname">
                  <span>{m.name}</span>
                  {m.required ? null : (
                    <span className="pt-tag pt-tag-grey">{t('catalog.guide.optional')}</span>
                  )}
                  <SituationNote id={m.id} tailored={tailored} />
                </td>
                <td data-label={t('catalog.guide.col.issuer')}>{m.issuer}</td>
                <td data-label={t('catalog.guide.col.copies')}>{copiesText(m.originals, m.copies)}</td>
                <td data-label={t('catalog.guide.col.medium')}>{t(`catalog.medium.${m.medium}`)}</td>
                <td data-label={t('catalog.guide.col.note')} className="g-mnote">
                  {m.fromSharedData ? (
                    <span className="pt-tag pt-tag-green">{t('catalog.guide.shared')}</span>
                  ) : null}
                  {m.deferrable ? (
                    <span className="pt-tag pt-tag-blue">{t('catalog.guide.deferrable')}</span>
                  ) : null}
                  {m.blankForm ? (
                    <span className="g-file">{t('catalog.guide.blankForm', { name: m.blankForm.name })}</span>
                  ) : null}
                  {m.sample ? (
                    <span className="g-file">{t('catalog.guide.sample', { name: m.sample.name })}</span>
                  ) : null}
                  {m.note ? <span>{m.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
