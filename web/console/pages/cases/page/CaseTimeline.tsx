import { Descriptions, Tag, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { CaseDetailView } from '../../../api/cases.ts';
import { shortTime } from '../labels.tsx';

const COLOURS: Partial<Record<CaseDetailView['timeline'][number]['type'], string>> = {
  accept: 'green',
  decide: 'green',
  conclude: 'green',
  deliver: 'green',
  refuse: 'red',
  void: 'red',
  withdraw: 'gray',
  requestCorrection: 'orange',
  returnStep: 'orange',
  startSpecial: 'purple',
  extend: 'purple',
};

/** 全过程记录: every action, who did it, where, when, and the working days used by then. */
export function CaseTimeline({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="case-timeline"
      items={c.timeline.map((e) => ({
        key: e.seq,
        color: COLOURS[e.type] ?? 'blue',
        content: (
          <div className="ow-timeline-entry" data-testid="timeline-entry">
            <div className="ow-timeline-head">
              <strong>{t(`case.action.${e.type}`)}</strong>
              <span className="ow-muted ow-mono">{shortTime(e.at)}</span>
            </div>
            <div className="ow-timeline-actor">
              {e.actorName}
              {e.orgUnitName ? ` · ${e.orgUnitName}` : ''}
              {e.workdaysElapsed !== null ? (
                <Tag style={{ marginInlineStart: 8 }}>
                  {t(c.limitUnit === 'natural_day' ? 'case.page.elapsed.natural' : 'case.page.elapsed', {
                    n: e.workdaysElapsed,
                  })}
                </Tag>
              ) : null}
            </div>
            {e.summary ? <div className="ow-muted ow-timeline-summary">{e.summary}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

/** What the case came to: corrections, pauses, refusal, decision, result, delivery, closure. */
export function OutcomeSections({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  const rows: { key: string; label: string; children: ReactNode }[] = [];
  for (const [i, k] of c.corrections.entries()) {
    rows.push({
      key: `corr-${i}`,
      label: `${t('case.page.corrections')}（${k.stage === 'intake' ? t('case.page.correctionIntake') : t('case.page.correctionProcess')}）`,
      children: (
        <div>
          <div>
            {shortTime(k.at)}：{k.items.map((x) => `${x.name}（${x.problem}）`).join('；')}
          </div>
          {k.answeredAt ? (
            <div className="ow-muted">{t('case.page.answered', { date: shortTime(k.answeredAt) })}</div>
          ) : null}
        </div>
      ),
    });
  }
  for (const [i, p] of c.pauses.entries()) {
    rows.push({
      key: `pause-${i}`,
      label: t('case.page.pauses'),
      children: `${p.kind === 'special' && p.specialKind ? t(`case.special.${p.specialKind}`) : t('case.page.pauseCorrection')}：${p.from} — ${p.to ?? '…'}　${p.reason}${p.result ? `（${p.result}）` : ''}`,
    });
  }
  if (c.refusal) {
    rows.push({
      key: 'refusal',
      label: t('case.page.refusal'),
      children: [c.refusal.reason, c.refusal.competentBody, c.refusal.legalBasis].filter(Boolean).join('；'),
    });
  }
  if (c.decisionDetail) {
    const d = c.decisionDetail;
    rows.push({
      key: 'decision',
      label: t('case.page.decision'),
      children: `${t(`case.outcome.${d.outcome}`)}：${d.opinion}${d.reasons ? `；${d.reasons}` : ''}${d.legalBasis ? `（${d.legalBasis}）` : ''} — ${d.by} ${shortTime(d.at)}`,
    });
  }
  if (c.result) {
    const r = c.result;
    rows.push({
      key: 'result',
      label: t('case.page.result'),
      children: (
        <span data-testid="case-result">
          {r.documentName} <span className="ow-mono">{r.documentNumber}</span>
          {r.validFrom || r.validUntil ? `（${r.validFrom ?? ''} — ${r.validUntil ?? ''}）` : ''}
          {r.issuer ? ` · ${r.issuer}` : ''}
        </span>
      ),
    });
  }
  if (c.delivery) {
    rows.push({
      key: 'delivery',
      label: t('case.page.delivery'),
      children: `${t(`case.delivery.${c.delivery.method}`)} ${shortTime(c.delivery.at)}${c.delivery.trackingNumber ? ` · ${c.delivery.trackingNumber}` : ''}`,
    });
  }
  if (c.closure) {
    rows.push({
      key: 'closure',
      label: t('case.page.closure'),
      children: `${t(`case.status.${c.closure.kind}`)}：${c.closure.reason} — ${c.closure.by} ${shortTime(c.closure.at)}`,
    });
  }
  if (rows.length === 0) return null;
  return <Descriptions size="small" column={1} bordered items={rows} data-testid="case-outcome" />;
}
