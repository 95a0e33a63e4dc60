import type { TimeLimitUnit, WarningLevel } from '../../../contracts/cases.ts';
import { dateOf, dayNumber } from '../../platform/calendar/dates.ts';
import { isAppError } from '../../platform/errors.ts';
import type { CaseState, Pause } from './model.ts';
import type { CaseSettings } from './settings.ts';
import { shanghaiDay } from './shanghai-day.ts';

/**
 * The case clock, pure. A case's time counts from acceptance in working days (Asia/Shanghai
 * dates), excludes correction after acceptance and special procedures, grows only by recorded
 * extensions, and stops at the decision. Counting convention, the calendar's: the day of an event
 * does not count, the next day is day 1; so a pause from d1 to d2 removes the days after d1 up to
 * and including d2, and a pause that starts and ends on one day removes nothing.
 */

/** What the clock needs of the working-day calendar (platform/calendar's WorkCalendar has it). */
export interface ClockCalendar {
  addWorkdays(from: string, n: number): string;
  workdaysBetween(from: string, to: string): number;
}

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
  /** No notice or decision within five working days of receipt: accepted by law (art. 32). */
  deemedAccepted: boolean;
  unit: TimeLimitUnit;
  /** Promised limit plus extensions, and the legal limit plus extensions. */
  limitDays: number;
  legalLimitDays: number;
  extensionDays: number;
  usedDays: number | null;
  pausedDays: number;
  remainingDays: number | null;
  /** Null while paused (the end moves with the pause) or when the calendar lacks the year. */
  promisedDue: string | null;
  legalDue: string | null;
  warningLevel: WarningLevel;
  steps: StepUsage[];
  /** The step that overran its budget most (or used most time, when the case is late). */
  lostStep: StepUsage | null;
  /** Set when a deadline falls in a year whose holidays are not yet published. */
  calendarProblem: { code: 'CALENDAR_YEAR_NOT_PUBLISHED'; year: number } | null;
}

interface Counter {
  add(from: string, n: number): string;
  between(from: string, to: string): number;
}

/** Day arithmetic in the unit of a time limit: working days from the calendar, or plain days. */
export function counterFor(calendar: ClockCalendar, unit: TimeLimitUnit): Counter {
  if (unit === 'working_day') {
    return { add: (f, n) => calendar.addWorkdays(f, n), between: (f, t) => calendar.workdaysBetween(f, t) };
  }
  return {
    add: (f, n) => dateOf(dayNumber(f) + n),
    between: (f, t) => Math.max(0, dayNumber(t) - dayNumber(f)),
  };
}

/** Days of the pauses that fall after `from` up to and including `until` (open pauses run to `until`). */
export function pausedWithin(
  counter: Counter,
  pauses: readonly Pause[],
  from: string,
  until: string,
): number {
  let days = 0;
  for (const p of pauses) {
    const start = p.from > from ? p.from : from;
    const end = p.to === null || p.to > until ? until : p.to;
    if (end > start) days += counter.between(start, end);
  }
  return days;
}

/** Days used from the clock start up to a date, pauses excluded. */
export function usedDaysAt(counter: Counter, start: string, pauses: readonly Pause[], date: string): number {
  if (date <= start) return 0;
  return counter.between(start, date) - pausedWithin(counter, pauses, start, date);
}

/** The date the clock stopped (decision) or the case closed; null while it may still run. */
function stopDate(state: CaseState): string | null {
  if (state.decision) return shanghaiDay(state.decision.at);
  if (state.closure) return shanghaiDay(state.closure.at);
  return null;
}

/** Green, yellow or red from the days used and the limit. */
export function warningLevelOf(used: number, limit: number, settings: CaseSettings): WarningLevel {
  if (used > limit) return 'red';
  if (limit - used <= settings.yellowDaysLeft || used >= limit * settings.yellowUsedRatio) return 'yellow';
  return 'green';
}

/** The clock of a case as of `today` (a Shanghai date). */
export function computeClock(
  state: CaseState,
  calendar: ClockCalendar,
  today: string,
  settings: CaseSettings,
): CaseClock {
  const unit = state.item.promised.unit;
  const counter = counterFor(calendar, unit);
  const extensionDays = state.extensions.reduce((sum, e) => sum + e.days, 0);
  const limitDays = state.item.promised.days + extensionDays;
  const legalLimitDays = state.item.legal.days + extensionDays;
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
    warningLevel: 'none',
    steps: [],
    lostStep: null,
    calendarProblem: null,
  };
  let start = state.clockStart;
  if (state.status === 'received') {
    // Art. 32: silence beyond five working days counts as acceptance from the day of receipt.
    const waited = calendar.workdaysBetween(state.lastReceivedOn, today);
    if (waited <= settings.intakeDecisionDays) return base;
    start = state.lastReceivedOn;
    base.deemedAccepted = true;
  }
  if (start === null || state.status === 'refused') return base;

  const stopped = stopDate(state);
  const end = stopped !== null && stopped < today ? stopped : today;
  const paused = state.status === 'process_correction' || state.status === 'special_procedure';
  const pausedDays = pausedWithin(counter, state.pauses, start, end);
  const usedDays = usedDaysAt(counter, start, state.pauses, end);
  const clock: CaseClock = {
    ...base,
    clockStart: start,
    running: stopped === null && !paused,
    paused,
    usedDays,
    pausedDays,
    remainingDays: limitDays - usedDays,
  };
  if (!paused) {
    try {
      clock.promisedDue = counter.add(start, limitDays + pausedDays);
      const legal = counterFor(calendar, state.item.legal.unit);
      clock.legalDue = legal.add(start, legalLimitDays + pausedWithin(legal, state.pauses, start, end));
    } catch (err) {
      if (!isAppError(err, 'CALENDAR_YEAR_NOT_PUBLISHED')) throw err;
      clock.calendarProblem = { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: Number(yearOfError(err)) };
    }
  }
  // Once decided, a case was either on time or late; a closed one (withdrawn, voided) shows nothing.
  clock.warningLevel = state.closure
    ? 'none'
    : stopped !== null
      ? usedDays > limitDays
        ? 'red'
        : 'green'
      : warningLevelOf(usedDays, limitDays, settings);
  clock.steps = stepUsage(state, calendar, end);
  clock.lostStep = lostStep(clock.steps, clock.warningLevel);
  return clock;
}

/** Working days each visited step used (pauses excluded), summed over its visits. */
export function stepUsage(state: CaseState, calendar: ClockCalendar, end: string): StepUsage[] {
  const counter = counterFor(calendar, 'working_day');
  return state.steps.map((step, index) => {
    let usedDays = 0;
    for (const v of state.stepVisits) {
      if (v.index !== index) continue;
      const to = v.to === null || v.to > end ? end : v.to;
      if (to <= v.from) continue;
      usedDays += counter.between(v.from, to) - pausedWithin(counter, state.pauses, v.from, to);
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

function yearOfError(err: unknown): number {
  const details = (err as { details?: { year?: number } }).details;
  return details?.year ?? 0;
}
