import { LIMIT_UNITS } from '../../../../contracts/catalog-codes.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { notifyInbox } from '../../../platform/notify/index.ts';
import { nowIso } from '../../../platform/time.ts';
import { listRootOrgUnits, listStaffWhoCan, listStaffWithRoleOver } from '../../org/index.ts';
import type { CaseClock } from '../domain/clock.ts';
import type { CaseState } from '../domain/model.ts';
import { casesDb } from '../store/store.ts';

/**
 * Telling staff that a case turned yellow or red, once per case and level: the staff responsible
 * for it (its assignee; unclaimed, whoever holds the current step's role in the step's department;
 * not yet accepted, the clerk who received it) and the supervisors over its department, the step's
 * department and, for a township or village intake, the service point. The marker row and the
 * messages commit together, so a rerun of the daily job tells nobody twice. In-app inbox only:
 * the org module offers no staff phone lookup to other modules (reading a phone is an audited use
 * case of its own), so no SMS goes to staff.
 */

export type WarningLevel = 'yellow' | 'red';

/** Who is told, by account: the responsible staff, then supervisors who are not also responsible. */
export async function warningRecipients(
  trx: Tx,
  state: CaseState,
): Promise<{ responsible: string[]; supervisors: string[] }> {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  let responsible: string[];
  if (state.assignee) responsible = [state.assignee.accountId];
  else if (step && state.status !== 'received') {
    responsible = (await listStaffWithRoleOver(trx, step.role, step.departmentPath)).map((s) => s.accountId);
  } else {
    const first = await casesDb(trx)
      .selectFrom('case_actions')
      .select('actor_id')
      .where('case_id', '=', state.id)
      .where('seq', '=', 1)
      .executeTakeFirst();
    responsible = first?.actor_id ? [first.actor_id] : [];
  }
  const paths = new Set([state.item.departmentPath]);
  if (step) paths.add(step.departmentPath);
  if (state.intake.level !== 'county') paths.add(state.intake.unitPath);
  const supervisors = new Set<string>();
  for (const path of paths) {
    for (const s of await listStaffWithRoleOver(trx, 'supervisor', path)) supervisors.add(s.accountId);
  }
  const told = new Set(responsible);
  return { responsible: [...told], supervisors: [...supervisors].filter((id) => !told.has(id)) };
}

/**
 * Tells the staff of a case at a warning level unless they were told of that level before; the
 * number of staff told, or null when this case and level had been told already.
 */
export async function warnStaffOnce(
  trx: Tx,
  state: CaseState,
  {
    level,
    timeLeft,
  }: {
    level: WarningLevel;
    /** How the time left is said (timeLeftPhrase). */
    timeLeft: string;
  },
): Promise<number | null> {
  const marked = await casesDb(trx)
    .insertInto('case_warning_notices')
    .values({ case_id: state.id, level, notified_at: nowIso() })
    .onConflict((oc) => oc.columns(['case_id', 'level']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  if (!marked) return null;
  const { responsible, supervisors } = await warningRecipients(trx, state);
  const params = {
    caseNo: state.number,
    itemName: state.item.name,
    level: level === 'red' ? '红牌' : '黄牌',
    timeLeft,
  };
  const related = { relatedType: 'case', relatedId: state.id };
  for (const accountId of responsible) {
    await notifyInbox(trx, { accountId, template: 'case.warning', params, ...related });
  }
  for (const accountId of supervisors) {
    await notifyInbox(trx, {
      accountId,
      template: 'case.warningSupervised',
      params: { ...params, department: state.item.departmentName },
      ...related,
    });
  }
  return responsible.length + supervisors.length;
}

/** What of the clock the wording of the time left needs. */
export type TimeLeftClock = Pick<
  CaseClock,
  'remainingDays' | 'unit' | 'promisedDue' | 'paused' | 'warningLevel' | 'calendarProblem'
>;

/**
 * The time left of a case as a warning message says it, in the unit of its limit (工作日 or 自然日):
 * "剩余2个工作日", "今日到期", "已超期3个自然日". A clamped "剩余0个工作日" would tell staff of an
 * overdue case that it is still on time. When the days cannot be counted (a year without published
 * holidays) they are said to be unknown, never guessed; a red case is still said to be overdue,
 * since the clock proves that from the published days.
 */
export function timeLeftPhrase(clock: TimeLeftClock, today: string): string {
  const unit = LIMIT_UNITS[clock.unit];
  const left = clock.remainingDays;
  if (left === null) return unknownTimeLeft(clock);
  if (left < 0) return `已超期${-left}个${unit}`;
  if (clock.paused) return `计时暂停中，剩余${left}个${unit}`;
  if (left > 0) return `剩余${left}个${unit}`;
  // No day of the limit left: due today, or due on a rest day already past with no working day since.
  return clock.promisedDue !== null && clock.promisedDue < today
    ? `已于${clock.promisedDue}到期`
    : '今日到期';
}

function unknownTimeLeft(clock: TimeLeftClock): string {
  const year = clock.calendarProblem?.year;
  const until = year === undefined ? '节假日安排发布后' : `${year}年节假日安排发布后`;
  return clock.warningLevel === 'red' ? `已超期（超期天数待${until}计算）` : `剩余天数待${until}计算`;
}

/**
 * Tells the people who maintain the holiday calendar (`calendar.manage`, a county-wide grant) that
 * a year's holidays are still missing: with the number of open cases whose time cannot be counted
 * without it, or, when none needs it yet, that the next year is due. Nothing when the year has been
 * published since the reminder was queued. Returns the number of people told. Once per year is the
 * caller's affair (recompute-warnings.ts queues it under a dedupe key per year).
 */
export async function remindCalendarMaintainers(trx: Tx, year: number, openCases: number): Promise<number> {
  if ((await getWorkCalendar(trx)).years.includes(year)) return 0;
  const maintainers = await calendarMaintainers(trx);
  const related = { relatedType: 'calendar_year', relatedId: String(year) };
  for (const accountId of maintainers) {
    if (openCases > 0) {
      await notifyInbox(trx, {
        accountId,
        template: 'calendar.yearNotPublished',
        params: { year, openCases },
        ...related,
      });
    } else {
      await notifyInbox(trx, {
        accountId,
        template: 'calendar.nextYearNotPublished',
        params: { year },
        ...related,
      });
    }
  }
  return maintainers.length;
}

/** Accounts whose grants allow publishing a calendar year: calendar.manage over a whole root (the county). */
async function calendarMaintainers(trx: Tx): Promise<string[]> {
  const accounts = new Set<string>();
  for (const root of await listRootOrgUnits(trx)) {
    for (const s of await listStaffWhoCan(trx, 'calendar.manage', root.path)) accounts.add(s.accountId);
  }
  return [...accounts];
}
