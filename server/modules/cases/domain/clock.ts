import type { TimeLimitUnit, WarningLevel } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import type { CaseSettings } from './case-settings.ts';
import {
  type ClockCalendar,
  type Counter,
  counterFor,
  daysLeft,
  limitDue,
  pausedWithin,
  reachOf,
  unpublishedYear,
  usedDaysAt,
} from './clock-days.ts';
import type { CaseState } from './model.ts';

export {
  type ClockCalendar,
  type Counter,
  counterFor,
  dueDate,
  limitDue,
  pausedWithin,
  reachOf,
  type TimeLimitRun,
  usedDaysAt,
} from './clock-days.ts';

/**
 * The case clock, pure. A case's time counts from acceptance in the unit of the item's limit
 * (working days, or natural days 自然日; Asia/Shanghai dates), excludes correction after
 * acceptance and special procedures, grows only by recorded extensions (working days), and stops
 * at the decision. Counting convention, the calendar's: the day of an event does not count, the
 * next day is day 1; so a pause from d1 to d2 removes the days after d1 up to and including d2,
 * and a pause that starts and ends on one day removes nothing. The day arithmetic, with the end of
 * a natural-day period moved off rest days and holidays, is clock-days.ts.
 */

export interface StepUsage {
  index: number;
  key: string;
  name: string;
  budgetDays: number;
  usedDays: number;
  overrunDays: number;
}

export interface CaseClock {
  /** The clock counts today (accepted, not paused, not decided or closed). */
  running: boolean;
  paused: boolean;
  clockStart: string | null;
  /**
   * No notice or decision within five working days of receipt: accepted by law (art. 32). False
   * too when the wait runs into a year without published holidays and the published days alone do
   * not prove it; calendarProblem says so.
   */
  deemedAccepted: boolean;
  unit: TimeLimitUnit;
  /**
   * Promised limit plus extensions, and the legal limit plus extensions, in the limit's unit. For
   * a natural-day limit whose due date is known: the days of the clock up to the due date (the
   * holiday rule's extra days and the extensions' working days included), so that
   * usedDays + remainingDays = limitDays as for working days.
   */
  limitDays: number;
  legalLimitDays: number;
  /** Working days (行政许可法 第42条), whatever the limit's unit. */
  extensionDays: number;
  /**
   * Null before the clock starts, and when the count up to today crosses a year without published
   * holidays (calendarProblem names it): unknown, never guessed. A clock paused before that year
   * keeps its figures, since no day after the pause's start counts.
   */
  usedDays: number | null;
  /** Paused days up to today, or only up to the last published day when calendarProblem is set. */
  pausedDays: number;
  /**
   * Days of the limit's unit to the due date (or, while paused, the date if resumed today); null
   * when usedDays is unknown.
   */
  remainingDays: number | null;
  /** Null while paused (the end moves with the pause) or when the calendar lacks the year. */
  promisedDue: string | null;
  legalDue: string | null;
  /** While paused: the day the open pause (correction or special procedure) began. */
  pausedSince: string | null;
  /**
   * While paused: the due dates as they stand if the clock resumed today (working days left are
   * frozen in remainingDays); null when running, or when the calendar lacks the year.
   */
  promisedDueIfResumedToday: string | null;
  legalDueIfResumedToday: string | null;
  /**
   * When usedDays is unknown: only what the published days prove (red once the due date has passed,
   * yellow when the days used by the end of the published year reach the threshold), else 'none'
   * beside calendarProblem.
   */
  warningLevel: WarningLevel;
  /** Days each step used; up to the last published day when calendarProblem is set. */
  steps: StepUsage[];
  /** The step that overran its budget most (or used most time, when the case is late). */
  lostStep: StepUsage | null;
  /** Set when a deadline, or today, falls in a year whose holidays are not yet published. */
  calendarProblem: { code: 'CALENDAR_YEAR_NOT_PUBLISHED'; year: number } | null;
}

/** The date the clock stopped (decision) or the case closed; null while it may still run. */
function stopDate(state: CaseState): string | null {
  if (state.decision) return shanghaiDay(state.decision.at);
  if (state.closure) return shanghaiDay(state.closure.at);
  return null;
}

/**
 * Green, yellow or red from the days used and the limit (one unit), and the working days left
 * before the due date (by default, as for a working-day limit: limit − used). Yellow when at most
 * yellowDaysLeft working days are left or yellowUsedRatio of the limit is used.
 */
export function warningLevelOf(
  { used, limit, workdaysLeft = limit - used }: { used: number; limit: number; workdaysLeft?: number },
  settings: CaseSettings,
): WarningLevel {
  if (used > limit) return 'red';
  if (workdaysLeft <= settings.yellowDaysLeft || used >= limit * settings.yellowUsedRatio) return 'yellow';
  return 'green';
}

/** What the clock of a case is computed with: the calendar, the day (a Shanghai date), the settings. */
export interface ClockContext {
  calendar: ClockCalendar;
  today: string;
  settings: CaseSettings;
}

/** The clock of a case as of `today` (a Shanghai date). */
export function computeClock(state: CaseState, { calendar, today, settings }: ClockContext): CaseClock {
  const { promised, legal } = state.item;
  const unit = promised.unit;
  const counter = counterFor(calendar, unit);
  const extensionDays = state.extensions.reduce((sum, e) => sum + e.days, 0);
  const limitDays = promised.days + extensionDays;
  const legalLimitDays = legal.days + extensionDays;
  const base: CaseClock = {
    running: false,
    paused: false,
    clockStart: state.clockStart,
    deemedAccepted: state.deemedAccepted,
    unit,
    limitDays,
    legalLimitDays,
    extensionDays,
    usedDays: null,
    pausedDays: 0,
    remainingDays: null,
    promisedDue: null,
    legalDue: null,
    pausedSince: null,
    promisedDueIfResumedToday: null,
    legalDueIfResumedToday: null,
    warningLevel: 'none',
    steps: [],
    lostStep: null,
    calendarProblem: null,
  };
  let start = state.clockStart;
  if (state.status === 'received') {
    // Art. 32: silence beyond five working days counts as acceptance from the day of receipt.
    const silence = deemedAcceptance(calendar, {
      receivedOn: state.lastReceivedOn,
      today,
      days: settings.intakeDecisionDays,
    });
    base.calendarProblem = problemOf(silence.missingYear);
    if (silence.deemed !== true) return base;
    start = state.lastReceivedOn;
    base.deemedAccepted = true;
  }
  if (start === null || state.status === 'refused') return base;

  const stopped = stopDate(state);
  const end = stopped !== null && stopped < today ? stopped : today;
  const paused = state.status === 'process_correction' || state.status === 'special_procedure';
  const pausedSince = paused ? (state.pauses.find((p) => p.to === null)?.from ?? null) : null;
  // Days are counted only as far as the calendar is published; beyond, they are unknown.
  const reach = reachOf(counter, start, end);
  const usedKnown = usedDaysAt(counter, { start, pauses: state.pauses, date: reach.day });
  // A clock paused before the unpublished year used nothing after: its figures stay exact.
  const exact = reach.missingYear === null || (pausedSince !== null && pausedSince <= reach.day);
  const usedDays = exact ? usedKnown : null;
  const clock: CaseClock = {
    ...base,
    clockStart: start,
    running: stopped === null && !paused,
    paused,
    usedDays,
    pausedDays: pausedWithin(counter, { pauses: state.pauses, from: start, until: reach.day }),
    remainingDays: usedDays === null ? null : limitDays - usedDays,
    pausedSince,
    calendarProblem: problemOf(reach.missingYear),
  };
  // While paused the due dates move every day; they are shown as "if the clock resumed today".
  const due = (days: number, u: TimeLimitUnit) =>
    limitDue(calendar, { unit: u, start, limit: days, extension: extensionDays, pauses: state.pauses, end });
  let promisedDue: string | null = null;
  try {
    promisedDue = due(promised.days, unit);
    if (paused) clock.promisedDueIfResumedToday = promisedDue;
    else clock.promisedDue = promisedDue;
    const legalDue = due(legal.days, legal.unit);
    if (paused) clock.legalDueIfResumedToday = legalDue;
    else clock.legalDue = legalDue;
    if (legal.unit === 'natural_day') {
      const natural = counterFor(calendar, 'natural_day');
      clock.legalLimitDays =
        usedDaysAt(natural, { start, pauses: state.pauses, date: end }) +
        daysLeft(natural, { pauses: state.pauses, end, due: legalDue });
    }
  } catch (err) {
    clock.calendarProblem ??= problemOf(unpublishedYear(err));
  }
  // A natural-day limit counts to its due date, which the holiday rule and the extensions'
  // working days may put later than limit days on: the days left are the days to that date, and
  // the warning counts the working days left, as for a working-day limit. (Natural days are
  // always counted, so usedDays is known here.)
  let workdaysLeft = clock.remainingDays ?? 0;
  if (unit === 'natural_day' && promisedDue !== null && usedDays !== null) {
    clock.remainingDays = daysLeft(counter, { pauses: state.pauses, end, due: promisedDue });
    clock.limitDays = usedDays + clock.remainingDays;
    workdaysLeft = clock.remainingDays < 0 ? clock.remainingDays : calendar.workdaysBetween(end, promisedDue);
  }
  // Once decided, a case was either on time or late; a closed one (withdrawn, voided) shows nothing.
  clock.warningLevel = state.closure
    ? 'none'
    : usedDays === null
      ? provenLevel(counter, state, {
          reachDay: reach.day,
          usedKnown,
          limitDays: clock.limitDays,
          promisedDue,
          stopped,
          settings,
        })
      : stopped !== null
        ? usedDays > clock.limitDays
          ? 'red'
          : 'green'
        : warningLevelOf({ used: usedDays, limit: clock.limitDays, workdaysLeft }, settings);
  clock.steps = stepUsage(state, calendar, reach.day);
  clock.lostStep = lostStep(clock.steps, clock.warningLevel);
  return clock;
}

/**
 * 行政许可法 第三十二条: no notice or decision within `days` working days after receipt counts as
 * acceptance from the day of receipt. When the wait runs into a year without published holidays,
 * `deemed` is true only if the published days alone exceed the limit, else null: unknown, with the
 * year named, for the caller to show rather than guess.
 */
export function deemedAcceptance(
  calendar: ClockCalendar,
  { receivedOn, today, days }: { receivedOn: string; today: string; days: number },
): { deemed: boolean | null; missingYear: number | null } {
  const counter = counterFor(calendar, 'working_day');
  const reach = reachOf(counter, receivedOn, today);
  if (counter.between(receivedOn, reach.day) > days) return { deemed: true, missingYear: reach.missingYear };
  return { deemed: reach.missingYear === null ? false : null, missingYear: reach.missingYear };
}

/**
 * The warning level when the days used up to today cannot be counted: only what the published days
 * prove. Red when the due date has passed with days of the clock after it; at least yellow when the
 * days used by the last published day already reach a threshold (yellow is shown); otherwise
 * 'none', which beside calendarProblem reads as unknown. A decided case is red if proven late, else
 * unknown. Never a guessed green: a supervisor must not read an uncounted case as on time.
 */
function provenLevel(
  counter: Counter,
  state: CaseState,
  known: {
    /** The last published day, which the count reached. */
    reachDay: string;
    /** Days used up to reachDay. */
    usedKnown: number;
    limitDays: number;
    promisedDue: string | null;
    stopped: string | null;
    settings: CaseSettings;
  },
): WarningLevel {
  const { reachDay, usedKnown, limitDays, promisedDue, stopped, settings } = known;
  if (
    promisedDue !== null &&
    daysLeft(counter, { pauses: state.pauses, end: reachDay, due: promisedDue }) < 0
  )
    return 'red';
  if (stopped !== null) return 'none';
  return warningLevelOf({ used: usedKnown, limit: limitDays }, settings) === 'green' ? 'none' : 'yellow';
}

function problemOf(year: number | null): CaseClock['calendarProblem'] {
  return year === null ? null : { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year };
}

/**
 * Days each visited step used (pauses excluded), summed over its visits, in the unit of the
 * promised limit its budget is a share of (working days, or natural days for a 自然日 limit).
 */
export function stepUsage(state: CaseState, calendar: ClockCalendar, end: string): StepUsage[] {
  const counter = counterFor(calendar, state.item.promised.unit);
  return state.steps.map((step, index) => {
    let usedDays = 0;
    for (const v of state.stepVisits) {
      if (v.index !== index) continue;
      const to = v.to === null || v.to > end ? end : v.to;
      if (to <= v.from) continue;
      usedDays +=
        counter.between(v.from, to) -
        pausedWithin(counter, { pauses: state.pauses, from: v.from, until: to });
    }
    return {
      index,
      key: step.key,
      name: step.name,
      budgetDays: step.budgetDays,
      usedDays,
      overrunDays: Math.max(0, usedDays - step.budgetDays),
    };
  });
}

function lostStep(steps: StepUsage[], level: WarningLevel): StepUsage | null {
  let worst: StepUsage | null = null;
  for (const s of steps) {
    if (
      !worst ||
      s.overrunDays > worst.overrunDays ||
      (s.overrunDays === worst.overrunDays && s.usedDays > worst.usedDays)
    ) {
      worst = s;
    }
  }
  if (!worst) return null;
  if (worst.overrunDays > 0) return worst;
  return level === 'yellow' || level === 'red' ? worst : null;
}
