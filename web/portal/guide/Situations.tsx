import type { CatalogItemDocument } from '../../../contracts/catalog.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import type { Answers } from './tailor.ts';

/**
 * 情形引导: each question with its answers as buttons. Choosing answers tailors the conditions and
 * materials below; on paper the chosen answers are printed as a sentence instead.
 */
export function Situations({
  situations,
  answers,
  onChange,
}: {
  situations: CatalogItemDocument['situations'];
  answers: Answers;
  onChange(next: Answers): void;
}) {
  const { t } = useI18n();
  if (situations.length === 0) return null;
  const pick = (situationId: string, answerId: string, multiple: boolean) => {
    const current = answers[situationId] ?? [];
    let next: string[];
    if (multiple) {
      next = current.includes(answerId) ? current.filter((a) => a !== answerId) : [...current, answerId];
    } else {
      next = current.includes(answerId) ? [] : [answerId];
    }
    const copy = { ...answers };
    if (next.length) copy[situationId] = next;
    else delete copy[situationId];
    onChange(copy);
  };
  const chosenLabels = situations.flatMap((s) =>
    s.answers.filter((a) => answers[s.id]?.includes(a.id)).map((a) => `${s.question} ${a.label}`),
  );
  const answered = situations.filter((s) => answers[s.id]?.length).length;

  return (
    <section className="g-card g-situations" data-testid="situations">
      <h2>{t('catalog.guide.situations')}</h2>
      <p className="g-muted g-noprint">{t('catalog.guide.situationsHint')}</p>
      {situations.map((s) => (
        <fieldset key={s.id} className="g-question g-noprint" data-testid={`situation-${s.id}`}>
          <legend>
            {s.question}
            {s.multiple ? <span className="g-muted">{t('catalog.guide.multiple')}</span> : null}
          </legend>
          <div className="g-answers">
            {s.answers.map((a) => {
              const on = answers[s.id]?.includes(a.id) ?? false;
              return (
                <button
                  key={a.id}
                  type="button"
                  className={on ? 'g-answer g-answer-on' : 'g-answer'}
                  aria-pressed={on}
                  onClick={() => pick(s.id, a.id, s.multiple)}
                >
                  {a.label}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="g-noprint g-situation-status">
        {answered < situations.length
          ? t('catalog.guide.unanswered', { n: situations.length - answered })
          : t('catalog.guide.allAnswered')}
        {answered > 0 ? (
          <button type="button" className="g-link" onClick={() => onChange({})}>
            {t('catalog.guide.reset')}
          </button>
        ) : null}
      </div>
      <p className="g-printonly">
        {chosenLabels.length
          ? t('catalog.guide.printChosen', { list: chosenLabels.join('；') })
          : t('catalog.guide.printAll')}
      </p>
    </section>
  );
}
