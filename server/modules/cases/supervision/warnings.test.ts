import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb, type TestContext } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { findOrgUnitByCode } from '../../org/index.ts';
import { actOnCase } from '../backoffice/act-on-case.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { ALL_ORIGINALS, actorOf, person, setUpItems, type TestItems } from '../testing/http-test-support.ts';
import { insertTestItem } from '../testing/test-items.ts';
import { recomputeWarnings } from './recompute-warnings.ts';
import { type TimeLeftClock, timeLeftPhrase } from './warn-staff.ts';

const PROBLEM_2027 = { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 } as const;

/** The warning messages in an account's inbox about a case, oldest first. */
async function warningsOf(ctx: TestContext, username: string, caseId: string) {
  const rows = await ctx.platform.db
    .selectFrom('notifications')
    .innerJoin('accounts', 'accounts.id', 'notifications.recipient_account_id')
    .select(['template', 'body'])
    .where('accounts.username', '=', username)
    .where('related_id', '=', caseId)
    .where('template', 'in', ['case.warning', 'case.warningSupervised'])
    .orderBy('notifications.created_at')
    .execute();
  return rows.map((r) => `${r.template} ${r.body.includes('红牌') ? 'red' : 'yellow'}`);
}

/** The bodies of the warning messages in an account's inbox about a case, oldest first. */
async function warningBodiesOf(ctx: TestContext, username: string, caseId: string) {
  const rows = await ctx.platform.db
    .selectFrom('notifications')
    .innerJoin('accounts', 'accounts.id', 'notifications.recipient_account_id')
    .select('body')
    .where('accounts.username', '=', username)
    .where('related_id', '=', caseId)
    .where('template', 'in', ['case.warning', 'case.warningSupervised'])
    .orderBy('notifications.created_at')
    .execute();
  return rows.map((r) => r.body);
}

describeEachDb('case warnings: responsible staff and supervisors are told once per level', (ctx) => {
  let items: TestItems;
  before(async () => {
    items = await setUpItems(ctx());
  });

  test('yellow, then red: the assignee, the step’s handlers, the receiving clerk and the supervisors over it', async () => {
    const settings = DEFAULT_CASE_SETTINGS;
    const clerk = await actorOf(ctx(), 'clerk');
    const handler = await actorOf(ctx(), 'scjg_handler');
    const lishuzhen = await actorOf(ctx(), 'lishuzhen');
    // A township supervisor: sees 梨树镇's cases, not the county centre's.
    const township = await findOrgUnitByCode(ctx().platform.db, '220322004');
    assert.ok(township);
    ok(
      await (await ctx().as('admin')).post('/api/org/staff', {
        username: 'lszsup',
        name: '韩督查',
        orgUnitId: township.id,
        initialPassword: 'Init-Pass-2026',
        roles: [{ role: 'supervisor', scopeOrgUnitId: township.id }],
      }),
    );
    // All accepted (or received) on Mon 12 Oct 2026: 10 working days, due Mon 26 Oct.
    const then = { now: '2026-10-12T02:00:00.000Z' };
    const intake = { materials: ALL_ORIGINALS, form: {}, situations: {} };
    const claimed = await receiveCase(ctx().platform, clerk, {
      intake: { ...intake, itemId: items.market, applicant: person(50), decision: 'accept' },
      settings,
      now: then.now,
    });
    await actOnCase(ctx().platform, handler, {
      caseId: claimed.state.id,
      version: claimed.state.version,
      command: { type: 'claim' },
      settings,
      now: then.now,
    });
    const unclaimed = await receiveCase(ctx().platform, clerk, {
      intake: { ...intake, itemId: items.market, applicant: person(51), decision: 'accept' },
      settings,
      now: then.now,
    });
    const atTownship = await receiveCase(ctx().platform, lishuzhen, {
      intake: {
        itemId: items.marketLocal,
        applicant: person(52),
        situations: { s1: 'self' },
        form: { shopName: '梨树镇五金店' },
        materials: [
          { materialId: 'm1', form: 'original' },
          { materialId: 'm2', form: 'original' },
        ],
        decision: 'receive',
      },
      settings,
      now: then.now,
    });

    // Fri 23 Oct: one working day left, yellow.
    const first = await recomputeWarnings(ctx().platform, settings, { today: '2026-10-23' });
    assert.equal(first.notified, 3);
    const again = await recomputeWarnings(ctx().platform, settings, { today: '2026-10-23' });
    assert.equal(again.notified, 0, 'a rerun tells nobody twice');

    const [a, b, c] = [claimed.state.id, unclaimed.state.id, atTownship.state.id];
    assert.deepEqual(await warningsOf(ctx(), 'scjg_handler', a), ['case.warning yellow']);
    assert.deepEqual(
      await warningsOf(ctx(), 'scjg_handler', b),
      ['case.warning yellow'],
      'unclaimed: the handlers of the step’s department',
    );
    assert.deepEqual(
      await warningsOf(ctx(), 'lishuzhen', c),
      ['case.warning yellow'],
      'not yet accepted: the clerk who received it',
    );
    for (const id of [a, b, c]) {
      assert.deepEqual(await warningsOf(ctx(), 'supervisor', id), ['case.warningSupervised yellow']);
    }
    assert.deepEqual(await warningsOf(ctx(), 'lszsup', c), ['case.warningSupervised yellow']);
    assert.deepEqual(await warningsOf(ctx(), 'lszsup', a), [], 'not the township’s case');
    assert.deepEqual(await warningsOf(ctx(), 'scjg_reviewer', a), [], 'a later step is not told');

    // Tue 27 Oct: overdue, red; told once more, once.
    const red = await recomputeWarnings(ctx().platform, settings, { today: '2026-10-27' });
    assert.equal(red.notified, 3);
    assert.equal((await recomputeWarnings(ctx().platform, settings, { today: '2026-10-28' })).notified, 0);
    assert.deepEqual(await warningsOf(ctx(), 'scjg_handler', a), ['case.warning yellow', 'case.warning red']);
    assert.deepEqual(await warningsOf(ctx(), 'supervisor', c), [
      'case.warningSupervised yellow',
      'case.warningSupervised red',
    ]);
    const inbox = ok<{ items: { body: string; relatedId: string | null }[] }>(
      await (await ctx().as('supervisor')).get('/api/notify/inbox'),
    );
    const shown = inbox.items.find((m) => m.relatedId === a && m.body.includes('红牌'));
    assert.ok(shown, 'the supervisor reads it in the inbox');
    assert.match(
      shown.body,
      /督办提示：梨树县市场监督管理局办件.*已红牌预警，已超期1个工作日，请督促办理。$/,
    );
    // Fri 23 Oct: 1 working day left; Tue 27 Oct: the 26th was the last, so one day over.
    assert.deepEqual(
      (await warningBodiesOf(ctx(), 'scjg_handler', a)).map((b) => b.replace(/^.*预警，/, '')),
      ['剩余1个工作日，请及时办理。', '已超期1个工作日，请及时办理。'],
    );
  });

  test('the message says the time left as it is: due today, overdue, in the limit’s unit', async () => {
    const settings = DEFAULT_CASE_SETTINGS;
    const clerk = await actorOf(ctx(), 'clerk');
    const natural = await insertTestItem(ctx().platform, {
      name: '临时占用道路许可',
      departmentCode: '220322D01',
      limitUnit: 'natural_day',
      promisedDays: 30,
      legalDays: 60,
    });
    const accept = (itemId: string, seq: number) =>
      receiveCase(ctx().platform, clerk, {
        intake: {
          itemId,
          applicant: person(seq),
          materials: ALL_ORIGINALS,
          form: {},
          situations: {},
          decision: 'accept',
        },
        settings,
        // Mon 2 Nov 2026: 10 working days end Mon 16 Nov; 30 natural days end Wed 2 Dec.
        now: '2026-11-02T02:00:00.000Z',
      });
    const workdays = (await accept(items.market, 53)).state.id;
    const naturals = (await accept(natural, 54)).state.id;
    const said = async (id: string) =>
      (await warningBodiesOf(ctx(), 'scjg_handler', id)).map((b) =>
        b.replace(/^.*预警，|，请及时办理。$/g, ''),
      );

    await recomputeWarnings(ctx().platform, settings, { today: '2026-11-16' }); // first seen on its due date
    // Thu 26 Nov: 24 of the 30 natural days used; 8 working days past the 16th.
    await recomputeWarnings(ctx().platform, settings, { today: '2026-11-26' });
    await recomputeWarnings(ctx().platform, settings, { today: '2026-12-03' }); // the natural-day case past due too
    assert.deepEqual(await said(workdays), ['今日到期', '已超期8个工作日']);
    assert.deepEqual(await said(naturals), ['剩余6个自然日', '已超期1个自然日']);
  });
});

test('the time left in words: paused, past a due date that fell on a rest day, unknown', () => {
  const clock = {
    remainingDays: 3,
    unit: 'working_day',
    promisedDue: '2026-10-16',
    paused: false,
    warningLevel: 'yellow',
    calendarProblem: null,
  } as const satisfies TimeLeftClock;
  assert.equal(timeLeftPhrase(clock, '2026-10-13'), '剩余3个工作日');
  assert.equal(
    timeLeftPhrase({ ...clock, paused: true, promisedDue: null }, '2026-10-13'),
    '计时暂停中，剩余3个工作日',
  );
  // Due Fri 16 Oct, read on Sat 17 Oct: no working day has passed since, so not overdue yet.
  assert.equal(timeLeftPhrase({ ...clock, remainingDays: 0 }, '2026-10-17'), '已于2026-10-16到期');
  const unknown = { ...clock, remainingDays: null, promisedDue: null, calendarProblem: PROBLEM_2027 };
  assert.equal(timeLeftPhrase(unknown, '2027-01-04'), '剩余天数待2027年节假日安排发布后计算');
  assert.equal(
    timeLeftPhrase({ ...unknown, warningLevel: 'red' }, '2027-01-04'),
    '已超期（超期天数待2027年节假日安排发布后计算）',
  );
});
