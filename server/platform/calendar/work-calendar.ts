import { AppError, say } from '../errors.ts';
import { dateOf, dayNumber, daysInYear, firstDayOf, yearOf } from './dates.ts';

/** One row of the published calendar: a date and whether people work on it. */
export interface CalendarDayRow {
  date: string;
  workday: boolean | number;
}

/**
 * The working-day calendar of the published years, precomputed for constant-time deadline
 * arithmetic. Days are held on one contiguous span from 1 January of the first published year to
 * 31 December of the last; a year inside the span without data (a gap) counts as unpublished.
 *
 * Counting convention (the one of 《行政许可法》 deadlines): the day of the event does not count,
 * counting starts the next day. Any day that the arithmetic has to look at in a year without data
 * throws CALENDAR_YEAR_NOT_PUBLISHED with that year: the calendar never guesses.
 */
export class WorkCalendar {
  /** Published years, ascending. */
  readonly years: readonly number[];
  private readonly firstYear: number;
  private readonly spanStart: number;
  /** Per year of the span (index year − firstYear): 1 when published. */
  private readonly published: Uint8Array;
  private readonly allPublished: boolean;
  /** Per span day: 1 when a working day. */
  private readonly work: Uint8Array;
  /** cum[i] = working days among span days [0, i). */
  private readonly cum: Int32Array;
  /** nth[k] = span index of the (k+1)-th working day of the span. */
  private readonly nth: Int32Array;
  /** Span index → date text, and back: string lookups avoid re-parsing dates on the hot path. */
  private readonly dates: string[];
  private readonly indexOf: Map<string, number>;

  /** Builds the calendar from every day of each published year; an incomplete year is a data error. */
  constructor(rows: Iterable<CalendarDayRow>) {
    const byYear = new Map<number, CalendarDayRow[]>();
    for (const row of rows) {
      const year = Number(row.date.slice(0, 4));
      const list = byYear.get(year) ?? [];
      list.push(row);
      byYear.set(year, list);
    }
    this.years = [...byYear.keys()].sort((a, b) => a - b);
    this.firstYear = this.years[0] ?? 0;
    const lastYear = this.years.at(-1) ?? -1;
    this.spanStart = firstDayOf(this.firstYear);
    const length = this.years.length === 0 ? 0 : firstDayOf(lastYear + 1) - this.spanStart;
    this.published = new Uint8Array(Math.max(0, lastYear - this.firstYear + 1));
    this.work = new Uint8Array(length);
    for (const [year, list] of byYear) {
      if (list.length !== daysInYear(year)) {
        throw new Error(`calendar year ${year} holds ${list.length} of ${daysInYear(year)} days`);
      }
      this.published[year - this.firstYear] = 1;
      for (const row of list) this.work[dayNumber(row.date) - this.spanStart] = row.workday ? 1 : 0;
    }
    this.allPublished = this.published.every((p) => p === 1);
    this.cum = new Int32Array(length + 1);
    this.dates = new Array<string>(length);
    this.indexOf = new Map();
    for (let i = 0; i < length; i++) {
      this.cum[i + 1] = (this.cum[i] ?? 0) + (this.work[i] ?? 0);
      const date = dateOf(this.spanStart + i);
      this.dates[i] = date;
      this.indexOf.set(date, i);
    }
    this.nth = new Int32Array(this.cum[length] ?? 0);
    for (let i = 0, k = 0; i < length; i++) if (this.work[i]) this.nth[k++] = i;
  }

  /** True when people work on that date (a weekday that is no holiday, or a 调休 make-up day). */
  isWorkday(date: string): boolean {
    const i = this.index(date);
    this.requirePublished(i - 1, i);
    return this.work[i] === 1;
  }

  /** The date n working days after `from` (counting starts the day after; n = 0 gives `from`). */
  addWorkdays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'n', message: say('应为非负整数', 'Should be a whole number, 0 or more') }],
      });
    }
    const f = this.index(from);
    if (n === 0) return from;
    const k = this.startCount(f) + n - 1;
    if (k >= this.nth.length) {
      // Beyond the last working day we know: name the first year without data on the way.
      this.requirePublished(f, this.work.length - 1);
      throw notPublished(this.firstYear + this.published.length);
    }
    const target = this.nth[k] ?? 0;
    this.requirePublished(f, target);
    return this.dates[target] ?? dateOf(this.spanStart + target);
  }

  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workdaysBetween(from: string, to: string): number {
    const f = this.index(from);
    const t = this.index(to);
    if (t <= f) return 0;
    this.requirePublished(f, t);
    return (this.cum[t + 1] ?? 0) - (this.cum[f + 1] ?? 0);
  }

  /** Working days counted up to and including span index f (f may be −1, the day before the span). */
  private startCount(f: number): number {
    if (f + 1 < 0 || f + 1 >= this.work.length) throw notPublished(yearOf(this.spanStart + f + 1));
    return this.cum[f + 1] ?? 0;
  }

  /** Span index of a date (negative or past the end for dates outside the span). */
  private index(date: string): number {
    return this.indexOf.get(date) ?? dayNumber(date) - this.spanStart;
  }

  /** Throws unless every day after span index f up to and including t lies in a published year. */
  private requirePublished(f: number, t: number): void {
    if (this.allPublished && f + 1 >= 0 && t < this.work.length) return;
    const fromYear = yearOf(this.spanStart + f + 1);
    const toYear = yearOf(this.spanStart + t);
    for (let y = fromYear; y <= toYear; y++) {
      if (this.published[y - this.firstYear] !== 1) throw notPublished(y);
    }
  }
}

function notPublished(year: number): AppError {
  return new AppError('CALENDAR_YEAR_NOT_PUBLISHED', { year });
}
