import type { CalendarDayView, UpdateCalendarDayInput } from '../../../contracts/calendar.ts';
import { type Actor, authorize } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { findCalendarDay, updateCalendarDayRow } from './store.ts';
import { correctDay } from './year-plan.ts';

/** Which day to correct (`date`, YYYY-MM-DD) and what it becomes (the request body). */
export type UpdateCalendarDayRequest = UpdateCalendarDayInput & { date: string };

/**
 * Corrects one day of a published year (a notice amended, a typo in the entered year). The day's
 * year gets a new version token in the same transaction, so every process drops its cached calendar.
 */
export async function updateCalendarDay(
  platform: Platform,
  actor: Actor,
  input: UpdateCalendarDayRequest,
): Promise<CalendarDayView> {
  const { date } = input;
  return inTransaction(platform, async (trx) => {
    const before = await findCalendarDay(trx, date);
    authorize(actor, 'calendar.manage', 'global');
    if (!before) throw new AppError('CALENDAR_YEAR_NOT_PUBLISHED', { year: Number(date.slice(0, 4)) });
    const after = correctDay(date, input.kind, input.name);
    await updateCalendarDayRow(trx, { ...after, year: before.year });
    await auditPlatform(platform, trx, {
      actor,
      action: 'calendar.updateDay',
      entityType: 'calendar_day',
      entityId: date,
      detail: {
        before: { workday: before.workday === 1, kind: before.kind, name: before.name },
        after: { workday: after.workday, kind: after.kind, name: after.name },
      },
    });
    return after;
  });
}
