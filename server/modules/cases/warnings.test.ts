import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb, type TestContext } from '../../testing/harness.ts';
import { findOrgUnitByCode } from '../org/index.ts';
import { actOnCase } from './act-on-case.ts';
import { ALL_ORIGINALS, actorOf, ok, person, setUpItems, type TestItems } from './http-test-support.ts';
import { receiveCase } from './receive-case.ts';
import { recomputeWarnings } from './recompute-warnings.ts';
import { DEFAULT_CASE_SETTINGS } from './settings.ts';

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
    const claimed = await receiveCase(
      ctx().platform,
      clerk,
      { ...intake, itemId: items.market, applicant: person(50), decision: 'accept' },
      settings,
      then,
    );
    await actOnCase(
      ctx().platform,
      handler,
      claimed.state.id,
      claimed.state.version,
      { type: 'claim' },
      settings,
      then,
    );
    const unclaimed = await receiveCase(
      ctx().platform,
      clerk,
      { ...intake, itemId: items.market, applicant: person(51), decision: 'accept' },
      settings,
      then,
    );
    const atTownship = await receiveCase(
      ctx().platform,
      lishuzhen,
      {
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
      then,
    );

    // Fri 23 Oct: one working day left, yellow.
    const first = await recomputeWarnings(ctx().platform, settings, '2026-10-23');
    assert.equal(first.notified, 3);
    const again = await recomputeWarnings(ctx().platform, settings, '2026-10-23');
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
    const red = await recomputeWarnings(ctx().platform, settings, '2026-10-27');
    assert.equal(red.notified, 3);
    assert.equal((await recomputeWarnings(ctx().platform, settings, '2026-10-28')).notified, 0);
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
    assert.match(shown.body, /督办提示：梨树县市场监督管理局办件.*已红牌预警/);
  });
});
