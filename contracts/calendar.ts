/**
 * The working-day calendar: which days are off (weekends, statutory holidays) and which weekend
 * days are 调休 make-up working days, per published year, and the deadline arithmetic on it.
 */
import { z } from 'zod';
import { bilingual } from './problem.ts';

export const CALENDAR_DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, { zh: string; en: string }> = {
  workday: { zh: '工作日', en: 'Working day' },
  weekend: { zh: '周末', en: 'Weekend' },
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  makeup: { zh: '调休上班', en: 'Make-up working day' },
};

/** Oldest and newest year the calendar accepts: guards against typos such as 20027. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A business date in Asia/Shanghai, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, bilingual('日期格式应为 YYYY-MM-DD', 'A date is written YYYY-MM-DD'))
  .refine(isRealIsoDate, bilingual('不是有效的日期', 'Not a real date'))
  .describe('日期 YYYY-MM-DD（北京时间）');

const Year = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR).describe('年度');
const DayName = z.string().trim().min(1).max(20);

export const CalendarDay = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** The holiday a day belongs to (春节, 国庆节…), for holidays and make-up days; otherwise null. */
  name: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDay>;

export const CalendarYearSummary = z.object({
  year: z.number().int(),
  /** 'chinese-days' for the seeded years, 'manual' for years an administrator entered. */
  source: z.string(),
  publishedAt: z.string(),
  holidayDays: z.number().int(),
  makeupDays: z.number().int(),
  workdays: z.number().int(),
});
export const CalendarYearList = z.object({ items: z.array(CalendarYearSummary) });

export const CalendarYearParams = z.object({ year: Year });
export const CalendarYearDetail = z.object({
  year: z.number().int(),
  source: z.string(),
  publishedAt: z.string(),
  days: z.array(CalendarDay),
});

export const HolidayRange = z.strictObject({
  name: DayName.describe('假日名称，如 春节'),
  from: IsoDate,
  to: IsoDate,
});
export const MakeupDay = z.strictObject({
  date: IsoDate,
  name: DayName.describe('所属假日名称，如 春节'),
});

/** A new year as the State Council's notice states it: holiday ranges and 调休 make-up days. */
export const PublishCalendarYearBody = z.strictObject({
  year: z.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR),
  holidays: z.array(HolidayRange).max(40),
  makeupDays: z.array(MakeupDay).max(40),
});
export type PublishCalendarYearInput = z.infer<typeof PublishCalendarYearBody>;

export const CalendarDayParams = z.object({ date: IsoDate });
export const UpdateCalendarDayBody = z.strictObject({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: DayName.nullish(),
});
export type UpdateCalendarDayInput = z.infer<typeof UpdateCalendarDayBody>;

export const AddWorkdaysQuery = z.object({
  from: IsoDate,
  n: z.coerce.number().int().min(0).max(2000).describe('工作日数'),
});
export const AddWorkdaysResponse = z.object({ from: z.string(), n: z.number().int(), date: z.string() });

export const WorkdaysBetweenQuery = z.object({ from: IsoDate, to: IsoDate });
export const WorkdaysBetweenResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workdays: z.number().int(),
});
