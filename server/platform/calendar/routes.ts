import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddWorkdaysQuery,
  AddWorkdaysResponse,
  CalendarDay,
  CalendarDayParams,
  CalendarYearDetail,
  CalendarYearList,
  CalendarYearParams,
  CalendarYearSummary,
  PublishCalendarYearBody,
  UpdateCalendarDayBody,
  WorkdaysBetweenQuery,
  WorkdaysBetweenResponse,
} from '../../../contracts/calendar.ts';
import { authorize } from '../access/policy.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { publishCalendarYear } from './publish-calendar-year.ts';
import { findCalendarYear, getWorkCalendar, listCalendarDays, listCalendarYears } from './store.ts';
import { updateCalendarDay } from './update-calendar-day.ts';

const tags = ['calendar'];

/** HTTP wiring of the working-day calendar: published years, day corrections, deadline arithmetic. */
export function calendarRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/calendar/years',
    {
      schema: {
        operationId: 'listCalendarYears',
        tags,
        summary: '已发布的节假日年度',
        response: { 200: CalendarYearList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'calendar.read', 'anywhere');
      const years = await listCalendarYears(platform.db);
      return {
        items: years.map((y) => ({
          year: y.year,
          source: y.source,
          publishedAt: y.published_at,
          holidayDays: y.holidayDays,
          makeupDays: y.makeupDays,
          workdays: y.workdays,
        })),
      };
    },
  );

  r.get(
    '/api/calendar/years/:year',
    {
      schema: {
        operationId: 'getCalendarYear',
        tags,
        summary: '某年度每一天（工作日、周末、节假日、调休上班）',
        params: CalendarYearParams,
        response: { 200: CalendarYearDetail },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'calendar.read', 'anywhere');
      const { year } = req.params;
      const found = await findCalendarYear(platform.db, year);
      if (!found) throw new AppError('CALENDAR_YEAR_NOT_PUBLISHED', { year });
      const days = await listCalendarDays(platform.db, year);
      return {
        year,
        source: found.source,
        publishedAt: found.published_at,
        days: days.map((d) => ({ date: d.date, workday: d.workday === 1, kind: d.kind, name: d.name })),
      };
    },
  );

  r.post(
    '/api/calendar/years',
    {
      schema: {
        operationId: 'publishCalendarYear',
        tags,
        summary: '录入国务院办公厅公布的新年度放假安排',
        body: PublishCalendarYearBody,
        response: { 201: CalendarYearSummary },
      },
    },
    async (req, reply) => {
      const { year } = await publishCalendarYear(platform, requireActor(req), req.body);
      const summary = (await listCalendarYears(platform.db)).find((y) => y.year === year);
      if (!summary) throw new Error(`calendar year ${year} vanished after publishing`);
      reply.status(201);
      return {
        year,
        source: summary.source,
        publishedAt: summary.published_at,
        holidayDays: summary.holidayDays,
        makeupDays: summary.makeupDays,
        workdays: summary.workdays,
      };
    },
  );

  r.put(
    '/api/calendar/days/:date',
    {
      schema: {
        operationId: 'updateCalendarDay',
        tags,
        summary: '更正某一天（工作日、周末、节假日或调休上班）',
        params: CalendarDayParams,
        body: UpdateCalendarDayBody,
        response: { 200: CalendarDay },
      },
    },
    (req) => updateCalendarDay(platform, requireActor(req), { ...req.body, date: req.params.date }),
  );

  r.get(
    '/api/calendar/workdays/add',
    {
      schema: {
        operationId: 'addWorkdays',
        tags,
        summary: '某日之后第 n 个工作日',
        querystring: AddWorkdaysQuery,
        response: { 200: AddWorkdaysResponse },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'calendar.read', 'anywhere');
      const { from, n } = req.query;
      const calendar = await getWorkCalendar(platform.db);
      return { from, n, date: calendar.addWorkdays(from, n) };
    },
  );

  r.get(
    '/api/calendar/workdays/between',
    {
      schema: {
        operationId: 'workdaysBetween',
        tags,
        summary: '两日之间的工作日数（不含起始日，含结束日）',
        querystring: WorkdaysBetweenQuery,
        response: { 200: WorkdaysBetweenResponse },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'calendar.read', 'anywhere');
      const { from, to } = req.query;
      const calendar = await getWorkCalendar(platform.db);
      return { from, to, workdays: calendar.workdaysBetween(from, to) };
    },
  );
}
