import { FileSearchOutlined } from '@ant-design/icons';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { LOOKUP_CODE_PATTERN, normalizeLookupCode } from '../../../contracts/case-lookup.ts';
import type { ProgressView } from '../../../contracts/case-views.ts';
import type { CaseActionType, CaseStatus, StepRole } from '../../../contracts/cases.ts';
import { errorText, http, qs } from '../../ui/api.ts';
import { type MessageKey, type Translate, useI18n } from '../../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import './progress.css';

type Progress = z.infer<typeof ProgressView>;

type Milestone = Progress['milestones'][number];

/** The milestones the portal has words for in every language (the others keep the server's words). */
const MILESTONE_KEYS: Partial<Record<CaseActionType, MessageKey>> = {
  receive: 'case.progress.m.receive',
  requestCorrection: 'case.progress.m.requestCorrection',
  resubmit: 'case.progress.m.resubmit',
  accept: 'case.progress.m.accept',
  refuse: 'case.progress.m.refuse',
  pass: 'case.progress.m.pass',
  startSpecial: 'case.progress.m.startSpecial',
  endSpecial: 'case.progress.m.endSpecial',
  extend: 'case.progress.m.extend',
  decide: 'case.progress.m.decide',
  conclude: 'case.progress.m.conclude',
  deliver: 'case.progress.m.deliver',
  withdraw: 'case.progress.m.withdraw',
  void: 'case.progress.m.void',
};

/** A step in the reader's language: its own (Chinese) name, or in English the name of its role. */
function stepName(
  t: Translate,
  english: boolean,
  { name, role }: { name: string | null; role: StepRole | null },
): string | null {
  if (!english || !role) return name;
  return t(`case.progress.step.${role}`);
}

/** A milestone's words: the server's Chinese label, or the portal's own English by its action code. */
function milestoneLabel(t: Translate, english: boolean, m: Milestone): string {
  const key = MILESTONE_KEYS[m.type];
  if (!english || !key) return m.label;
  return t(key, { step: stepName(t, english, { name: m.step, role: m.stepRole }) ?? '' });
}

/** Why the clock is paused, in the reader's language: a correction, or a special procedure's kind. */
function pauseText(t: Translate, pause: NonNullable<Progress['pause']>): string {
  const what =
    pause.kind === 'special' && pause.specialKind
      ? t('case.progress.pauseSpecial', { kind: t(`case.special.${pause.specialKind}`) })
      : t('case.progress.pauseCorrection');
  return t('case.progress.pauseSince', { since: pause.since, what });
}

const DONE: readonly CaseStatus[] = ['concluded', 'delivered'];
const STOPPED: readonly CaseStatus[] = ['refused', 'withdrawn', 'voided'];

/** The answer: where the application stands and its milestones; nothing about the applicant. */
function ProgressResult({ p }: { p: Progress }) {
  const { t, lang } = useI18n();
  const english = lang === 'en-US';
  const tone = DONE.includes(p.status) ? 'done' : STOPPED.includes(p.status) ? 'stopped' : 'open';
  const rows: [string, string | null][] = [
    [t('case.progress.item'), p.itemName],
    [t('case.progress.department'), p.departmentName],
    [t('case.progress.receivedOn'), p.receivedOn],
    [t('case.progress.acceptedOn'), p.acceptedOn],
    [t('case.progress.promisedDue'), p.promisedDue],
    // While the clock is paused there is no fixed date: since when, for what, and if resumed today.
    [t('case.progress.pause'), p.pause ? pauseText(t, p.pause) : null],
    [
      t('case.progress.dueIfResumed'),
      p.pause?.dueIfResumedToday ? t('case.progress.dueBy', { date: p.pause.dueIfResumedToday }) : null,
    ],
    [t('case.progress.currentStep'), stepName(t, english, { name: p.currentStep, role: p.currentStepRole })],
  ];
  return (
    <section className="pg-card" data-testid="progress-result">
      <div className="pg-head">
        <span className="pg-number">{p.number}</span>
        <span className={`pg-status pg-status-${tone}`} data-testid="progress-status">
          {t(`case.status.${p.status}`)}
        </span>
      </div>
      <dl className="pg-facts">
        {rows
          .filter(([, v]) => v)
          .map(([label, v]) => (
            <div key={label} className="pg-fact">
              <dt>{label}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <h2 className="pg-subtitle">{t('case.progress.milestones')}</h2>
      <ol className="pg-steps" data-testid="progress-milestones">
        {p.milestones.map((m, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: milestones are an append-only log, never reordered.
            key={`${m.type}-${i}`}
            className={i === p.milestones.length - 1 ? 'pg-step pg-step-last' : 'pg-step'}
            data-type={m.type}
          >
            <span className="pg-step-label">{milestoneLabel(t, english, m)}</span>
            <span className="pg-step-date">{m.on}</span>
          </li>
        ))}
      </ol>
      <p className="pg-privacy">{t('case.progress.privacy')}</p>
    </section>
  );
}

/**
 * 办件进度查询, without log-in: the case number and the receipt's lookup code (both filled in from a
 * notice's QR code, which then looks the case up at once), or the last six characters of the
 * applicant's ID number or credit code. Mobile first, no antd.
 */
export function ProgressPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const fromQr = params.get('number') ?? '';
  const codeFromQr = params.get('code') ?? '';
  const [number, setNumber] = useState(fromQr);
  const [code, setCode] = useState(codeFromQr);
  const [tail, setTail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Progress | null>(null);
  const [loading, setLoading] = useState(false);

  const lookUp = async (n: string, c: string, tl: string) => {
    if (n.length < 6) return setProblem(t('case.progress.invalidNumber'));
    if (c && !LOOKUP_CODE_PATTERN.test(normalizeLookupCode(c)))
      return setProblem(t('case.progress.invalidCode'));
    if (!c && !tl) return setProblem(t('case.progress.needCodeOrTail'));
    if (!c && !/^[0-9A-Z]{6}$/.test(tl)) return setProblem(t('case.progress.invalidTail'));
    setProblem(null);
    setLoading(true);
    try {
      const query = c ? { number: n, code: normalizeLookupCode(c) } : { number: n, tail: tl };
      setResult(await http.get<Progress>(`/api/public/case-progress${qs(query)}`));
    } catch (err) {
      setResult(null);
      setProblem(errorText(err));
    } finally {
      setLoading(false);
    }
  };

  // A scanned QR code carries the number and the code: the answer comes without typing anything.
  const scanned = useRef(false);
  useEffect(() => {
    if (scanned.current || !fromQr || !codeFromQr) return;
    scanned.current = true;
    void lookUp(fromQr.trim(), codeFromQr.trim(), '');
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void lookUp(number.trim(), code.trim(), tail.trim().toUpperCase());
  };

  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main pg-main">
        <h1 className="pg-title">
          <FileSearchOutlined /> {t('case.progress.title')}
        </h1>
        <form className="pg-card pg-form" onSubmit={submit} data-testid="progress-form" noValidate>
          <p className="pg-intro">
            {fromQr && !result ? t('case.progress.fromNotice') : t('case.progress.intro')}
          </p>
          <label className="pg-field">
            <span>{t('case.progress.number')}</span>
            <input
              name="number"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              placeholder={t('case.progress.numberPlaceholder')}
              autoComplete="off"
              inputMode="numeric"
              maxLength={32}
            />
          </label>
          <label className="pg-field">
            <span>{t('case.progress.code')}</span>
            <input
              name="code"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              placeholder={t('case.progress.codePlaceholder')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={14}
              // biome-ignore lint/a11y/noAutofocus: arriving from a QR code, the number is filled and this is what is left.
              autoFocus={!!fromQr && !codeFromQr}
            />
          </label>
          <p className="pg-or">{t('case.progress.orTail')}</p>
          <label className="pg-field">
            <span>{t('case.progress.tail')}</span>
            <input
              name="tail"
              value={tail}
              onChange={(e) => setTail(e.target.value.toUpperCase())}
              placeholder={t('case.progress.tailPlaceholder')}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={6}
            />
          </label>
          {problem ? (
            <p className="pg-problem" role="alert" data-testid="progress-problem">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="pg-submit" disabled={loading}>
            {loading ? '…' : t('case.progress.submit')}
          </button>
        </form>
        {result ? <ProgressResult p={result} /> : null}
      </main>
      <PortalFooter />
    </div>
  );
}
