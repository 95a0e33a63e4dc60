/** What the rest of the house may use of the working-day calendar. */
export { calendarRoutes } from './routes.ts';
export { getWorkCalendar } from './store.ts';
export { type CalendarDayRow, WorkCalendar } from './work-calendar.ts';
