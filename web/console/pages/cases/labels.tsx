import { PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { CaseStatus, StepRole, WarningLevel } from '../../../../contracts/cases.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import './cases.css';

const WARNING_COLOURS: Record<WarningLevel, string | undefined> = {
  none: undefined,
  green: 'green',
  yellow: 'gold',
  red: 'red',
};

const STATUS_COLOURS: Record<CaseStatus, string> = {
  received: 'blue',
  intake_correction: 'orange',
  refused: 'default',
  in_process: 'processing',
  process_correction: 'orange',
  special_procedure: 'purple',
  decided: 'cyan',
  concluded: 'geekblue',
  delivered: 'success',
  withdrawn: 'default',
  voided: 'default',
};

/** The default step names of a process, by the role that acts there. */
const DEFAULT_STEPS: Record<string, StepRole> = {
  承办: 'dept_handler',
  审核: 'dept_reviewer',
  批准: 'dept_approver',
};

/**
 * A back-office step's name in the reader's language: a process names its steps in Chinese, so in
 * English the step is named by its role (given, or known from the default names); others as named.
 */
export function useStepName(): (name: string, role?: StepRole) => string {
  const { t, lang } = useI18n();
  return (name, role) => {
    const by = role ?? DEFAULT_STEPS[name];
    return lang === 'en-US' && by ? t(`case.progress.step.${by}`) : name;
  };
}

/** The clock figures that tell an uncounted case (see WarningTag). */
type CountedFigures = { status: CaseStatus; clockStart: string | null; usedDays: number | null };
const OPEN_STATUSES: readonly CaseStatus[] = [
  'received',
  'in_process',
  'process_correction',
  'special_procedure',
];

/**
 * The warning level as a coloured tag: green, yellow (黄牌) or red (红牌). An open case whose clock
 * runs but whose days could not be counted (today lies in a year whose holidays are not published)
 * has no proven level: it says so instead of "未计时", which would read as a stopped clock.
 */
export function WarningTag({ level, c }: { level: WarningLevel; c?: CountedFigures }) {
  const { t } = useI18n();
  const uncounted =
    level === 'none' &&
    c !== undefined &&
    OPEN_STATUSES.includes(c.status) &&
    c.clockStart !== null &&
    c.usedDays === null;
  if (uncounted) {
    return (
      <Tag color="orange" data-testid="warning-tag" data-level="uncounted">
        {t('case.warning.uncounted')}
      </Tag>
    );
  }
  return (
    <Tag color={WARNING_COLOURS[level]} data-testid="warning-tag" data-level={level}>
      {t(`case.warning.${level}`)}
    </Tag>
  );
}

/** The status as a tag. */
export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="status-tag">
      {t(`case.status.${status}`)}
    </Tag>
  );
}

/** Working days left (or over), or the pause; a dash when the clock has not started. */
export function DaysLeft({
  remaining,
  paused,
  level,
  unit = 'working_day',
}: {
  remaining: number | null;
  paused: boolean;
  level: WarningLevel;
  /** The limit's unit: 工作日 or 自然日 (the figures count in it). */
  unit?: 'working_day' | 'natural_day';
}) {
  const { t } = useI18n();
  if (remaining === null) return <span className="ow-muted">—</span>;
  const colour = level === 'red' ? '#c8161d' : level === 'yellow' ? '#ad6800' : undefined;
  const text =
    remaining > 0
      ? t(unit === 'natural_day' ? 'case.daysLeft.natural' : 'case.daysLeft', { n: remaining })
      : remaining === 0
        ? t('case.dueToday')
        : t(unit === 'natural_day' ? 'case.daysOver.natural' : 'case.daysOver', { n: -remaining });
  return (
    <span style={{ color: colour, whiteSpace: 'nowrap' }}>
      {text}
      {paused ? (
        <Tooltip title={t('case.paused')}>
          <PauseCircleOutlined style={{ marginLeft: 4, color: '#8a919f' }} />
        </Tooltip>
      ) : null}
    </span>
  );
}

/** An ISO timestamp as the county's date and minute; a plain date as it is. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16)
    .replace('T', ' ');
}

/** A case list's item cell: the item, and below it the department that decides it. */
export function ItemCell({ c }: { c: { itemName: string; departmentName: string } }) {
  return (
    <div>
      <div>{c.itemName}</div>
      <div className="ow-muted">{c.departmentName}</div>
    </div>
  );
}

/** A case list's status cell: the status, and below it the current step and who holds it. */
export function StatusCell({
  c,
}: {
  c: { status: CaseStatus; stepName: string | null; assigneeName: string | null };
}) {
  const stepName = useStepName();
  return (
    <div>
      <StatusTag status={c.status} />
      {c.stepName ? (
        <div className="ow-muted">
          {stepName(c.stepName)}
          {c.assigneeName ? ` · ${c.assigneeName}` : ''}
        </div>
      ) : null}
    </div>
  );
}
