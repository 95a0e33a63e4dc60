import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { houseJobHandlers } from '../../../house.ts';
import { JobRunner } from '../../../platform/jobs/index.ts';
import { OutboxSmsProvider } from '../../../platform/notify/index.ts';
import { describeEachDb, type TestContext } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { ALL_ORIGINALS, actorOf, person, setUpItems, type TestItems } from '../testing/http-test-support.ts';
import { insertTestItem } from '../testing/test-items.ts';
import { recomputeWarnings, yearsToRemind } from './recompute-warnings.ts';

/**
 * The people who publish the holiday calendar (calendar.manage, county-wide: the demo's `admin`)
 * hear once per year, through their inbox, that a year's holidays are missing: as soon as an open
 * case needs the year, or from 1 December for the next year. The demo calendar holds 2025 and 2026.
 */
const settings = DEFAULT_CASE_SETTINGS;

/** Runs whatever jobs are due, as a process's runner would (the reminder is a job). */
async function runJobs(ctx: TestContext): Promise<void> {
  const runner = new JobRunner(ctx.platform, houseJobHandlers({ sms: new OutboxSmsProvider() }), {
    log: () => {},
  });
  await runner.runDueJobs(100);
}

/** The calendar reminders in an account's inbox, oldest first. */
async function remindersTo(ctx: TestContext, username: string): Promise<string[]> {
  const rows = await ctx.platform.db
    .selectFrom('notifications')
    .innerJoin('accounts', 'accounts.id', 'notifications.recipient_account_id')
    .select('body')
    .where('accounts.username', '=', username)
    .where('related_type', '=', 'calendar_year')
    .orderBy('notifications.created_at')
    .execute();
  return rows.map((r) => r.body);
}

async function acceptOn(
  ctx: TestContext,
  { itemId, seq, date }: { itemId: string; seq: number; date: string },
): Promise<void> {
  await receiveCase(ctx.platform, await actorOf(ctx, 'clerk'), {
    intake: {
      itemId,
      applicant: person(seq),
      materials: ALL_ORIGINALS,
      form: {},
      situations: {},
      decision: 'accept',
    },
    settings,
    now: `${date}T02:00:00.000Z`,
  });
}

describeEachDb('the calendar’s maintainers hear of a missing year once an open case needs it', (ctx) => {
  let items: TestItems;
  before(async () => {
    items = await setUpItems(ctx());
  });

  test('told once, with the number of cases; nobody who cannot publish the calendar', async () => {
    // Mon 2 Nov 2026, 10 working days: due Mon 16 Nov, counted on 2026's days alone.
    await acceptOn(ctx(), { itemId: items.market, seq: 80, date: '2026-11-02' });
    assert.deepEqual(
      (await recomputeWarnings(ctx().platform, settings, { today: '2026-11-10' })).calendarReminders,
      [],
    );
    await runJobs(ctx());
    assert.deepEqual(await remindersTo(ctx(), 'admin'), []);

    // Mon 23 Nov 2026, 40 working days: the 40th falls in January 2027.
    const long = await insertTestItem(ctx().platform, {
      name: '建设工程规划许可',
      departmentCode: '220322D01',
      promisedDays: 40,
      legalDays: 60,
    });
    await acceptOn(ctx(), { itemId: long, seq: 81, date: '2026-11-23' });
    assert.deepEqual(
      (await recomputeWarnings(ctx().platform, settings, { today: '2026-11-24' })).calendarReminders,
      [2027],
    );
    await runJobs(ctx());
    const told = ['2027年节假日安排尚未录入，1件在办件的期限无法计算，请在节假日日历中发布2027年安排。'];
    assert.deepEqual(await remindersTo(ctx(), 'admin'), told);
    assert.deepEqual(
      await remindersTo(ctx(), 'townadmin'),
      [],
      'a township’s administrator cannot publish it',
    );
    assert.deepEqual(await remindersTo(ctx(), 'supervisor'), []);

    // A rerun, the next day and 1 December (when the next year is due anyway) tell nobody again.
    for (const day of ['2026-11-24', '2026-11-25', '2026-12-01']) {
      assert.deepEqual(
        (await recomputeWarnings(ctx().platform, settings, { today: day })).calendarReminders,
        [],
        day,
      );
    }
    await runJobs(ctx());
    assert.deepEqual(await remindersTo(ctx(), 'admin'), told);
    const inbox = ok<{ items: { body: string }[] }>(await (await ctx().as('admin')).get('/api/notify/inbox'));
    assert.ok(
      inbox.items.some((m) => m.body === told[0]),
      'the administrator reads it in the inbox',
    );
  });
});

describeEachDb('the calendar’s maintainers hear of the next year from 1 December', (ctx) => {
  test('no open case needs it: told on 1 December, not before; a year published meanwhile: not told', async () => {
    assert.deepEqual(
      (await recomputeWarnings(ctx().platform, settings, { today: '2026-11-30' })).calendarReminders,
      [],
    );
    assert.deepEqual(
      (await recomputeWarnings(ctx().platform, settings, { today: '2026-12-01' })).calendarReminders,
      [2027],
    );
    await runJobs(ctx());
    assert.deepEqual(await remindersTo(ctx(), 'admin'), [
      '2027年节假日安排尚未录入。国务院办公厅通知发布后，请及时在节假日日历中发布2027年安排，以免跨年办件的期限无法计算。',
    ]);

    // 2027 entered; on 1 Dec 2027 the reminder of 2028 is queued, and 2028 is entered before it runs.
    const admin = await ctx().as('admin');
    ok(await admin.post('/api/calendar/years', { year: 2027, holidays: [], makeupDays: [] }));
    assert.deepEqual(
      (await recomputeWarnings(ctx().platform, settings, { today: '2027-12-01' })).calendarReminders,
      [2028],
    );
    ok(await admin.post('/api/calendar/years', { year: 2028, holidays: [], makeupDays: [] }));
    await runJobs(ctx());
    assert.equal((await remindersTo(ctx(), 'admin')).length, 1, 'a year published since is not reminded of');
  });
});

test('which years to remind of: those open cases need, and the next one from the due day', () => {
  const published = [2025, 2026];
  assert.deepEqual([...yearsToRemind(new Map(), { publishedYears: published, today: '2026-11-30' })], []);
  assert.deepEqual(
    [...yearsToRemind(new Map(), { publishedYears: published, today: '2026-12-01' })],
    [[2027, 0]],
  );
  assert.deepEqual(
    [...yearsToRemind(new Map([[2027, 3]]), { publishedYears: published, today: '2026-12-01' })],
    [[2027, 3]],
  );
  assert.deepEqual(
    [...yearsToRemind(new Map([[2027, 3]]), { publishedYears: published, today: '2026-11-02' })],
    [[2027, 3]],
  );
  assert.deepEqual(
    [...yearsToRemind(new Map(), { publishedYears: [...published, 2027], today: '2026-12-01' })],
    [],
  );
  assert.deepEqual(
    [...yearsToRemind(new Map(), { publishedYears: published, today: '2026-11-15', dueFrom: '11-15' })],
    [[2027, 0]],
  );
});
