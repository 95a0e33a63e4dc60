import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Platform } from '../../../platform/context.ts';
import { fromJson } from '../../../platform/db/json.ts';
import {
  drain,
  eventRunner,
  type HandleCall,
  manualClock,
  recordingSubscriber,
  resetEventTables,
} from '../../../platform/events/testing/recorder.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { findOrgUnitByCode } from '../../org/index.ts';
import { CASE_EVENT_TYPES, type CaseEventPayload } from '../index.ts';
import { type CountyDesk, intakeAtA01, person, setUpCountyDesk } from '../testing/http-test-support.ts';

/** The events recorded for a case, in their order. */
async function eventsOf(platform: Platform, caseId: string) {
  const rows = await platform.db
    .selectFrom('domain_events')
    .select(['type', 'subject_seq', 'payload'])
    .where('subject_id', '=', caseId)
    .orderBy('subject_seq')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    sequence: Number(r.subject_seq),
    payload:
      fromJson<CaseEventPayload | null>(r.payload, null) ?? assert.fail(`event ${r.type} has no payload`),
  }));
}

async function eventCount(platform: Platform): Promise<number> {
  const row = await platform.db
    .selectFrom('domain_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDb('cases publish their events', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  test('a case from intake to delivery records received, accepted, concluded, delivered and every status change, in order, without personal data', async () => {
    const { platform } = ctx();
    const applicant = person(41, '王淑芬');
    const clerk = await ctx().as('clerk');
    const c = ok(await clerk.post('/api/cases', intakeAtA01(desk, applicant)));
    const handler = await ctx().as('scjg_handler');
    let v = ok(await handler.post(`/api/cases/${c.id}/claim`, { version: c.version })).version;
    v = ok(
      await handler.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '材料齐全，王淑芬符合条件' }),
    ).version;
    const reviewer = await ctx().as('scjg_reviewer');
    v = ok(await reviewer.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '同意' })).version;
    const approver = await ctx().as('scjg_approver');
    v = ok(
      await approver.post(`/api/cases/${c.id}/decide`, { version: v, outcome: 'grant', opinion: '准予许可' }),
    ).version;
    v = ok(
      await handler.post(`/api/cases/${c.id}/conclude`, {
        version: v,
        documentName: '食品经营许可证',
        documentNumber: 'JY12203220099999',
      }),
    ).version;
    ok(
      await (await ctx().as('delivery')).post(`/api/cases/${c.id}/deliver`, { version: v, method: 'window' }),
    );

    const events = await eventsOf(platform, c.id);
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.previousStatus, e.payload.status]),
      [
        ['case.received', null, 'received'],
        ['case.accepted', 'received', 'in_process'],
        ['case.statusChanged', 'received', 'in_process'],
        ['case.statusChanged', 'in_process', 'decided'],
        ['case.concluded', 'decided', 'concluded'],
        ['case.statusChanged', 'decided', 'concluded'],
        ['case.delivered', 'concluded', 'delivered'],
        ['case.statusChanged', 'concluded', 'delivered'],
      ],
    );
    assert.deepEqual(
      events.map((e) => e.sequence),
      [1, 2, 3, 4, 5, 6, 7, 8],
      'numbered in the order recorded',
    );
    assert.deepEqual(
      events.map((e) => e.payload.seq),
      [1, 2, 2, 6, 7, 7, 8, 8],
      'each names the action of the log that caused it',
    );
    const market = await findOrgUnitByCode(platform.db, '220322D01');
    const centre = await findOrgUnitByCode(platform.db, '220322C00');
    const delivered = events[6]?.payload;
    assert.ok(delivered);
    assert.equal(delivered.caseId, c.id);
    assert.equal(delivered.caseNumber, c.number);
    assert.equal(delivered.itemId, desk.items.market);
    assert.match(delivered.itemCode, /\S/);
    assert.equal(delivered.departmentId, market?.id);
    assert.equal(delivered.intakeUnitId, centre?.id);
    assert.equal(delivered.channel, 'window');
    assert.equal(delivered.outcome, 'grant');
    assert.ok(Date.parse(delivered.at) > 0, 'the action’s instant');
    const all = JSON.stringify(events);
    for (const secret of [applicant.name, applicant.idNumber, applicant.phone, '王淑芬', '材料齐全']) {
      assert.ok(!all.includes(secret), `no personal data or typed text in events: ${secret}`);
    }
    for (const e of events) assert.ok((CASE_EVENT_TYPES as readonly string[]).includes(e.type));
  });

  test('withdrawn and voided cases say so; an action refused (stale version, not allowed) records nothing', async () => {
    const { platform } = ctx();
    const clerk = await ctx().as('clerk');
    const a = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(42))));
    const b = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(43))));

    const count = await eventCount(platform);
    expectError(
      await clerk.post(`/api/cases/${a.id}/withdraw`, { version: a.version + 5, reason: '申请人撤回' }),
      409,
      'CASE_STALE_VERSION',
    );
    expectError(
      await clerk.post(`/api/cases/${a.id}/deliver`, { version: a.version, method: 'window' }),
      409,
      'CASE_ACTION_NOT_ALLOWED',
    );
    assert.equal(await eventCount(platform), count, 'a rolled-back write leaves no event');

    ok(await clerk.post(`/api/cases/${a.id}/withdraw`, { version: a.version, reason: '申请人撤回' }));
    const supervisor = await ctx().as('supervisor');
    ok(await supervisor.post(`/api/cases/${b.id}/void`, { version: b.version, reason: '重复录入' }));
    assert.deepEqual(
      (await eventsOf(platform, a.id)).slice(3).map((e) => [e.type, e.payload.status]),
      [
        ['case.withdrawn', 'withdrawn'],
        ['case.statusChanged', 'withdrawn'],
      ],
    );
    assert.deepEqual(
      (await eventsOf(platform, b.id)).slice(3).map((e) => [e.type, e.payload.status]),
      [
        ['case.voided', 'voided'],
        ['case.statusChanged', 'voided'],
      ],
    );
  });

  test('two subscribers of case events each get every event of their types once, in the order of the case', async () => {
    const { platform } = ctx();
    // The effects table of the test subscribers; the earlier tests' events and jobs go.
    await resetEventTables(platform);
    const calls: HandleCall[] = [];
    const clock = manualClock();
    // The subscribers are deployed before the case is received (the house knows them at start-up).
    const runner = eventRunner(
      platform,
      [
        recordingSubscriber({
          name: 'ratings.onCaseEnd',
          types: ['case.withdrawn', 'case.delivered'],
          calls,
          // The first try fails: the delivery is retried after its back-off.
          failBefore: (_e, attempt) => attempt === 1,
        }),
        recordingSubscriber({
          name: 'stats.onStatus',
          types: ['case.statusChanged', 'case.received'],
          calls,
        }),
      ],
      clock,
    );
    const clerk = await ctx().as('clerk');
    const c = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(44))));
    ok(await clerk.post(`/api/cases/${c.id}/withdraw`, { version: c.version, reason: '申请人撤回' }));
    await drain(platform, [runner], { clock });
    const mine = calls.filter((call) => call.subjectId === c.id);
    assert.deepEqual(
      mine
        .filter((call) => call.subscriber === 'stats.onStatus')
        .map((call) => [call.sequence, call.outcome]),
      [
        [1, 'effect'],
        [3, 'effect'],
        [5, 'effect'],
      ],
      'received, accepted → in process, in process → withdrawn',
    );
    assert.deepEqual(
      mine
        .filter((call) => call.subscriber === 'ratings.onCaseEnd')
        .map((call) => [call.sequence, call.outcome]),
      [
        [4, 'threw'],
        [4, 'effect'],
      ],
    );
  });
});
