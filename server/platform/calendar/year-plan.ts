import type {
  CalendarDayKind,
  CalendarDayView,
  PublishCalendarYearInput,
} from '../../../contracts/calendar.ts';
import { AppError, type Bilingual, say } from '../errors.ts';
import { dateOf, dayNumber, daysInYear, firstDayOf, isWeekend, yearOf } from './dates.ts';

/** A field at fault, named by its path in the request ('body.holidays.2.to'). */
interface FieldIssue {
  path: string;
  message: Bilingual;
}

function fail(fields: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', { fields });
}

/**
 * Pure: every day of a new year from a State Council notice. Weekends are off, each holiday range
 * is off, each 调休 make-up day is a working day; all else is an ordinary working day. Throws
 * VALIDATION_FAILED naming each offending entry: a date outside the year, a range ending before it
 * starts, overlapping holidays, a make-up day that is not a weekend day or that falls in a holiday.
 */
export function planYear(input: PublishCalendarYearInput): CalendarDayView[] {
  const { year } = input;
  const issues: FieldIssue[] = [];
  const inYear = (date: string, path: string): number | null => {
    const d = dayNumber(date);
    if (yearOf(d) === year) return d;
    issues.push({ path, message: say(`日期不在 ${year} 年内`, `The date is not in ${year}`) });
    return null;
  };

  const ranges: { from: number; to: number; name: string; i: number }[] = [];
  input.holidays.forEach((h, i) => {
    const from = inYear(h.from, `body.holidays.${i}.from`);
    const to = inYear(h.to, `body.holidays.${i}.to`);
    if (from === null || to === null) return;
    if (to < from) {
      issues.push({
        path: `body.holidays.${i}.to`,
        message: say('结束日期早于开始日期', 'The end is before the start'),
      });
      return;
    }
    const clash = ranges.find((r) => from <= r.to && r.from <= to);
    if (clash) {
      issues.push({
        path: `body.holidays.${i}.from`,
        message: say(
          `与第 ${clash.i + 1} 项假期「${clash.name}」重叠`,
          `Overlaps holiday ${clash.i + 1} (${clash.name})`,
        ),
      });
      return;
    }
    ranges.push({ from, to, name: h.name, i });
  });

  const makeups = new Map<number, string>();
  input.makeupDays.forEach((m, i) => {
    const path = `body.makeupDays.${i}.date`;
    const d = inYear(m.date, path);
    if (d === null) return;
    if (!isWeekend(d))
      issues.push({
        path,
        message: say('调休上班日应为周六或周日', 'A make-up working day is a Saturday or Sunday'),
      });
    else if (makeups.has(d))
      issues.push({ path, message: say('调休上班日重复', 'This make-up day is listed twice') });
    else {
      const clash = ranges.find((r) => r.from <= d && d <= r.to);
      if (clash) {
        issues.push({
          path,
          message: say(`落在假期「${clash.name}」之内`, `Falls inside the holiday ${clash.name}`),
        });
      } else makeups.set(d, m.name);
    }
  });
  if (issues.length > 0) fail(issues);

  const start = firstDayOf(year);
  const days: CalendarDayView[] = [];
  for (let d = start; d < start + daysInYear(year); d++) {
    const holiday = ranges.find((r) => r.from <= d && d <= r.to);
    const makeup = makeups.get(d);
    const date = dateOf(d);
    if (holiday) days.push({ date, workday: false, kind: 'holiday', name: holiday.name });
    else if (makeup) days.push({ date, workday: true, kind: 'makeup', name: makeup });
    else if (isWeekend(d)) days.push({ date, workday: false, kind: 'weekend', name: null });
    else days.push({ date, workday: true, kind: 'workday', name: null });
  }
  return days;
}

/** Whether people work on a day of this kind. */
export function kindIsWorkday(kind: CalendarDayKind): boolean {
  return kind === 'workday' || kind === 'makeup';
}

/**
 * Pure: the corrected day for an administrator's edit. Weekend and make-up days are Saturdays or
 * Sundays, ordinary working days are Monday to Friday, a holiday may fall on any day; only
 * holidays and make-up days carry a name (the holiday they belong to), and they must have one.
 */
export function correctDay(
  date: string,
  kind: CalendarDayKind,
  name: string | null | undefined,
): CalendarDayView {
  const weekend = isWeekend(dayNumber(date));
  const issues: FieldIssue[] = [];
  if ((kind === 'weekend' || kind === 'makeup') && !weekend) {
    issues.push({
      path: 'body.kind',
      message: say(`${date} 不是周六或周日`, `${date} is not a Saturday or Sunday`),
    });
  }
  if (kind === 'workday' && weekend) {
    issues.push({
      path: 'body.kind',
      message: say(
        `${date} 是周末；周末上班请选“调休上班”`,
        `${date} is a weekend day; for work on a weekend choose make-up day`,
      ),
    });
  }
  const named = kind === 'holiday' || kind === 'makeup';
  if (named && !name) {
    issues.push({
      path: 'body.name',
      message: say('请填写所属假日名称，如 春节', 'Name the holiday it belongs to, such as Spring Festival'),
    });
  }
  if (!named && name) {
    issues.push({
      path: 'body.name',
      message: say('只有节假日和调休上班日有名称', 'Only holidays and make-up days have a name'),
    });
  }
  if (issues.length > 0) fail(issues);
  return { date, workday: kindIsWorkday(kind), kind, name: named ? (name ?? null) : null };
}
