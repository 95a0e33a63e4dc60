import type { PublishCalendarYearInput } from '../../../contracts/calendar.ts';
import { type Actor, authorize } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { lockForWrite } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { findCalendarYear, insertCalendarYear } from './store.ts';
import { planYear } from './year-plan.ts';

/** Serialises publishers of a year across processes on PostgreSQL. */
const CALENDAR_LOCK_KEY = 4242_0002;

/**
 * Enters a year the State Council has published: weekends off, the notice's holiday ranges off,
 * its 调休 make-up days on. A year is published once; later corrections go day by day.
 */
export async function publishCalendarYear(
  platform: Platform,
  actor: Actor,
  input: PublishCalendarYearInput,
): Promise<{ year: number }> {
  return inTransaction(platform, async (trx) => {
    await lockForWrite(trx, platform.dialect, CALENDAR_LOCK_KEY);
    const existing = await findCalendarYear(trx, input.year);
    authorize(actor, 'calendar.manage', 'global');
    if (existing) throw new AppError('CALENDAR_YEAR_EXISTS', { year: input.year });
    const days = planYear(input);
    await insertCalendarYear(trx, {
      year: input.year,
      source: 'manual',
      publishedBy: actor.accountId,
      days: days.map((d) => ({ date: d.date, workday: d.workday ? 1 : 0, kind: d.kind, name: d.name })),
    });
    await auditPlatform(platform, trx, {
      actor,
      action: 'calendar.publishYear',
      entityType: 'calendar_year',
      entityId: String(input.year),
      detail: {
        holidays: input.holidays,
        makeupDays: input.makeupDays,
        workdays: days.filter((d) => d.workday).length,
      },
    });
    return { year: input.year };
  });
}
