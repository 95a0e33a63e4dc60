import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb, type TestContext } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { actOnCase } from '../backoffice/act-on-case.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { casesDb } from '../store/store.ts';
import { ALL_ORIGINALS, actorOf, person, setUpItems, type TestItems } from '../testing/http-test-support.ts';
import { getCase } from '../views/get-case.ts';
import { recomputeWarnings } from './recompute-warnings.ts';

/**
 * The 2027 holidays are not published (the demo calendar holds 2025 and 2026), and 2026 cases are
 * still open on Mon 4 Jan 2027: they must still be worked, listed, supervised and recomputed; what
 * cannot be counted is unknown and flagged (CALENDAR_YEAR_NOT_PUBLISHED), never a 422.
 */
const settings = DEFAULT_CASE_SETTINGS;
const JAN_4 = '2027-01-04T02:00:00.000Z';

async function receivedOn(
  ctx: TestContext,
  {
    itemId,
    seq,
    date,
    decision = 'accept',
  }: { itemId: string; seq: number; date: string; decision?: 'accept' | 'receive' },
) {
  const written = await receiveCase(ctx.platform, await actorOf(ctx, 'clerk'), {
    intake: { itemId, applicant: person(seq), materials: ALL_ORIGINALS, form: {}, situations: {}, decision },
    settings,
    now: `${date}T02:00:00.000Z`,
  });
  return written.state;
}

describeEachDb('cases on a day whose year has no published holidays (Mon 4 Jan 2027)', (ctx) => {
  let items: TestItems;
  before(async () => {
    items = await setUpItems(ctx());
  });

  test('an overdue 2026 case is claimed, shown and supervised: red, the days used unknown', async () => {
    // Accepted Mon 2 Nov 2026, 10 working days: due Mon 16 Nov.
    const c = await receivedOn(ctx(), { itemId: items.market, seq: 70, date: '2026-11-02' });
    const handler = await actorOf(ctx(), 'scjg_handler');
    const claimed = await actOnCase(ctx().platform, handler, {
      caseId: c.id,
      version: c.version,
      command: { type: 'claim' },
      settings,
      now: JAN_4,
    });
    assert.equal(claimed.state.assignee?.accountId, handler.accountId);
    assert.equal(claimed.clock.warningLevel, 'red');
    assert.equal(claimed.clock.usedDays, null);

    const page = await getCase(ctx().platform, handler, { caseId: c.id, settings, now: JAN_4 });
    assert.equal(page.promisedDue, '2026-11-16');
    assert.equal(page.usedDays, null, 'not counted past 31 Dec');
    assert.equal(page.remainingDays, null);
    assert.equal(page.warningLevel, 'red');
    assert.deepEqual(page.calendarProblem, { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 });

    // The lists and supervision read the projection the claim wrote.
    const supervisor = await ctx().as('supervisor');
    const rows = ok<{ items: { id: string; warningLevel: string; usedDays: number | null }[] }>(
      await supervisor.get('/api/cases/supervision'),
    ).items;
    assert.deepEqual(
      rows.filter((r) => r.id === c.id).map((r) => [r.warningLevel, r.usedDays]),
      [['red', null]],
    );
  });

  test('the daily job goes through every open case; staff of a proven-late one are told', async () => {
    const overdue = await receivedOn(ctx(), { itemId: items.market, seq: 71, date: '2026-11-03' });
    const dueIn2027 = await receivedOn(ctx(), { itemId: items.market, seq: 72, date: '2026-12-28' });
    const silent = await receivedOn(ctx(), {
      itemId: items.market,
      seq: 73,
      date: '2026-12-29',
      decision: 'receive',
    });
    const summary = await recomputeWarnings(ctx().platform, settings, { today: '2027-01-04' });
    const open = await casesDb(ctx().platform.db)
      .selectFrom('cases')
      .select(['id', 'warning_level', 'used_days', 'clock_on'])
      .where('status', 'in', ['received', 'in_process', 'process_correction', 'special_procedure'])
      .execute();
    assert.equal(summary.checked, open.length);
    const byId = new Map(open.map((r) => [r.id, r]));
    assert.deepEqual(
      [overdue, dueIn2027, silent].map((s) => {
        const r = byId.get(s.id);
        return [r?.warning_level, r?.used_days, r?.clock_on];
      }),
      [
        ['red', null, '2027-01-04'],
        ['none', null, '2027-01-04'],
        ['none', null, '2027-01-04'],
      ],
    );
    const told = await ctx()
      .platform.db.selectFrom('notifications')
      .select(['template', 'body'])
      .where('related_id', '=', overdue.id)
      .where('template', 'in', ['case.warning', 'case.warningSupervised'])
      .execute();
    assert.ok(told.length >= 2, 'the handlers and the supervisors hear of the red case');
    for (const { body } of told) {
      // Overdue is proven by 2026 alone; by how many working days waits for the 2027 holidays.
      assert.match(body, /已红牌预警，已超期（超期天数待2027年节假日安排发布后计算），请(及时|督促)办理。$/);
    }
  });
});
