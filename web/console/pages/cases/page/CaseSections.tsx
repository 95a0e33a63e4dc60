import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Space, Steps, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../../ui/form-errors.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { type CaseDetailView, fetchCasePersonal, useCatalogItem } from '../../../api/cases.ts';
import { can, useMe } from '../../../session.ts';
import { shortTime, useStepName } from '../labels.tsx';

type Personal = Awaited<ReturnType<typeof fetchCasePersonal>>;

/** 申请人 (and agent), masked; the full values on request where the user may read them (audited). */
export function ApplicantCard({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  const me = useMe().data;
  const report = useReportError();
  const [full, setFull] = useState<Personal | null>(null);
  const [loading, setLoading] = useState(false);
  const show = async () => {
    setLoading(true);
    try {
      setFull(await fetchCasePersonal(c.id));
    } catch (err) {
      report(err);
    } finally {
      setLoading(false);
    }
  };
  const a = c.applicant;
  const items = [
    {
      key: 'name',
      label: a.kind === 'enterprise' ? t('case.intake.orgName') : t('case.intake.name'),
      children: a.name,
    },
    {
      key: 'id',
      label: a.kind === 'enterprise' ? t('case.intake.creditCode') : t('case.intake.idNumber'),
      children: (
        <span className="ow-mono" data-testid="applicant-id">
          {full?.applicantId ?? a.idMasked}
        </span>
      ),
    },
    {
      key: 'phone',
      label: t('case.intake.phone'),
      children: <span className="ow-mono">{full?.applicantPhone ?? a.phoneMasked}</span>,
    },
  ];
  if (a.legalRepresentative)
    items.push({ key: 'rep', label: t('case.intake.legalRep'), children: a.legalRepresentative });
  if (full?.applicantAddress)
    items.push({ key: 'addr', label: t('case.intake.address'), children: full.applicantAddress });
  if (c.agent) {
    items.push({
      key: 'agent',
      label: t('case.page.agent'),
      children: (
        <span>
          {c.agent.name} <span className="ow-mono">{full?.agentId ?? c.agent.idMasked}</span>{' '}
          <span className="ow-mono">{full?.agentPhone ?? c.agent.phoneMasked}</span>
        </span>
      ),
    });
  }
  return (
    <div>
      <Descriptions size="small" column={1} items={items} />
      {!full && can(me, 'case.readPersonal') ? (
        <Tooltip title={t('case.page.personalAudited')}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={show}
            data-testid="show-personal"
          >
            {t('case.page.showPersonal')}
          </Button>
        </Tooltip>
      ) : null}
    </div>
  );
}

/** 申请表 and 办理情形 with the item's own labels (the keys when the item no longer has the field). */
export function FormCard({ c }: { c: CaseDetailView }) {
  const item = useCatalogItem(c.itemId).data?.document;
  const label = (key: string) => item?.formFields.find((f) => f.key === key)?.label ?? key;
  const answer = (qid: string, v: unknown) => {
    const q = item?.situations.find((s) => s.id === qid);
    const ids = Array.isArray(v) ? v : [v];
    return {
      question: q?.question ?? qid,
      answer: ids.map((id) => q?.answers.find((a) => a.id === id)?.label ?? String(id)).join('、'),
    };
  };
  const formEntries = Object.entries(c.form);
  const situationEntries = Object.entries(c.situations);
  if (formEntries.length === 0 && situationEntries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="case-form"
      items={[
        ...situationEntries.map(([qid, v]) => {
          const s = answer(qid, v);
          // The question's own ? would sit before the list's colon (“办理？：”): drop it.
          return { key: `s-${qid}`, label: s.question.replace(/[?？:：]\s*$/, ''), children: s.answer };
        }),
        ...formEntries.map(([key, v]) => ({
          key: `f-${key}`,
          label: label(key),
          children: Array.isArray(v)
            ? v.join('、')
            : typeof v === 'boolean'
              ? v
                ? '✓'
                : '✗'
              : String(v ?? ''),
        })),
      ]}
    />
  );
}

/** 材料: how each was presented; deferred ones with their promised date or when supplied. */
export function MaterialsCard({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  const colour = {
    original: 'green',
    copy: 'blue',
    electronic: 'cyan',
    missing: 'red',
    deferred: 'purple',
  } as const;
  return (
    <Table
      rowKey="materialId"
      size="small"
      pagination={false}
      dataSource={c.materials}
      data-testid="case-materials"
      columns={[
        {
          title: t('case.intake.material'),
          dataIndex: 'name',
          render: (name: string, m) => (
            <span>
              {name} {m.required ? <Tag color="red">{t('case.intake.required')}</Tag> : null}
            </span>
          ),
        },
        {
          title: t('case.intake.howPresented'),
          key: 'form',
          width: 260,
          render: (_, m) => (
            <Space size={4} wrap>
              <Tag color={colour[m.form]}>{t(`case.form.${m.form}`)}</Tag>
              {m.deferredUntil && !m.suppliedAt ? (
                <span className="ow-muted">{t('case.page.deferredUntil', { date: m.deferredUntil })}</span>
              ) : null}
              {m.suppliedAt ? (
                <span className="ow-muted">
                  {t('case.page.suppliedAt', { date: shortTime(m.suppliedAt) })}
                </span>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 办理环节: each step's budget and use; the one where time was lost shows its overrun. */
export function StepsCard({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  const stepName = useStepName();
  if (c.steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const current = c.steps.findIndex((s) => s.current);
  // Budgets are shares of the promised limit and count in its unit.
  const natural = c.limitUnit === 'natural_day';
  const finished = ['decided', 'concluded', 'delivered'].includes(c.status);
  return (
    <Steps
      size="small"
      current={current >= 0 ? current : finished ? c.steps.length : 0}
      status={c.warningLevel === 'red' && current >= 0 ? 'error' : undefined}
      data-testid="case-steps"
      items={c.steps.map((s) => ({
        title: stepName(s.name, s.role),
        content: (
          <div>
            <div>{s.departmentName}</div>
            <div className="ow-muted">
              {t(natural ? 'case.page.stepBudget.natural' : 'case.page.stepBudget', {
                budget: s.budgetDays,
                used: s.usedDays,
              })}
            </div>
            {s.overrunDays > 0 ? (
              <Tag color="red">
                {t(natural ? 'case.page.stepOverrun.natural' : 'case.page.stepOverrun', { n: s.overrunDays })}
              </Tag>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** The clock: dates, limit, used, left, pauses and extensions; a missing calendar year said plainly. */
export function ClockCard({ c }: { c: CaseDetailView }) {
  const { t } = useI18n();
  const days = (n: number | null) => (n === null ? '—' : t('case.days', { n }));
  // The limit and the days used and left count in the limit's unit; pauses and extensions in working days.
  const limitDays = (n: number | null) =>
    n === null ? '—' : t(c.limitUnit === 'natural_day' ? 'case.days.natural' : 'case.days', { n });
  // Paused: the days left stay as they were at the stop; the dates are those of a resumption today.
  const open = c.paused ? c.pauses.find((p) => p.to === null) : undefined;
  const ifResumed = (date: string | null, testId: string) =>
    date === null ? (
      '—'
    ) : (
      <span data-testid={testId}>
        {(c.remainingDays ?? 0) < 0
          ? t('case.page.overdueWhilePaused', { date })
          : t('case.page.dueIfResumed', { date })}
      </span>
    );
  return (
    <div>
      {c.paused && c.pausedSince ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="clock-paused"
          title={t('case.page.pausedSince', {
            date: c.pausedSince,
            kind:
              open?.kind === 'special' && open.specialKind
                ? t(`case.special.${open.specialKind}`)
                : t('case.page.pauseCorrection'),
          })}
        />
      ) : null}
      {c.calendarProblem ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="calendar-problem"
          title={t(
            // Today itself in that year: the days used and left are unknown too, not only the dates.
            c.usedDays === null && c.clockStart !== null
              ? 'case.page.calendarProblemToday'
              : 'case.page.calendarProblem',
            { year: c.calendarProblem.year },
          )}
        />
      ) : null}
      {c.deemedAccepted ? (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('case.page.deemed')} />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xxl: 4 }}
        data-testid="case-clock"
        items={[
          { key: 'received', label: t('case.page.receivedAt'), children: shortTime(c.receivedAt) },
          { key: 'accepted', label: t('case.page.acceptedAt'), children: shortTime(c.acceptedAt) },
          {
            key: 'promised',
            label: t('case.page.promisedDue'),
            children: c.paused
              ? ifResumed(c.promisedDueIfResumedToday, 'promised-if-resumed')
              : (c.promisedDue ?? '—'),
          },
          {
            key: 'legal',
            label: t('case.page.legalDue'),
            children: c.paused
              ? ifResumed(c.legalDueIfResumedToday, 'legal-if-resumed')
              : (c.legalDue ?? '—'),
          },
          { key: 'limit', label: t('case.page.limit'), children: limitDays(c.limitDays) },
          { key: 'used', label: t('case.page.used'), children: limitDays(c.usedDays) },
          {
            key: 'remaining',
            label: t('case.page.remaining'),
            children:
              // Working days left stand still during a pause; natural days to the resumed date do not.
              c.paused && c.remainingDays !== null && c.limitUnit !== 'natural_day'
                ? t('case.page.remainingFrozen', { days: limitDays(c.remainingDays) })
                : limitDays(c.remainingDays),
          },
          {
            key: 'paused',
            label: t('case.page.pausedDays'),
            children: `${days(c.pausedDays)}${c.extensionDays ? ` · ${t('case.page.extension')} ${days(c.extensionDays)}` : ''}`,
          },
        ]}
      />
    </div>
  );
}
