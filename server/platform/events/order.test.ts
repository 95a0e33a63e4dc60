import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction, type Platform } from '../context.ts';
import { recordEvent } from './index.ts';
import {
  drain,
  effectsOf,
  eventRunner,
  type HandleCall,
  manualClock,
  recordingSubscriber,
  resetEventTables,
  secondPlatform,
  subscribeIn,
} from './testing/recorder.ts';

const TYPES = ['case.received', 'case.accepted', 'case.delivered'] as const;

/** Records the three events of each subject, one transaction each, and returns their ids by subject. */
async function recordLifecycles(
  platform: Platform,
  subjects: readonly string[],
): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>(subjects.map((s) => [s, []]));
  for (const type of TYPES) {
    for (const subjectId of subjects) {
      const { id } = await inTransaction(platform, (trx) =>
        recordEvent(platform, trx, { type, subjectId, payload: { caseId: subjectId } }),
      );
      ids.get(subjectId)?.push(id);
    }
  }
  return ids;
}

function seen(calls: readonly HandleCall[], subscriber: string, subjectId: string): string[] {
  return calls
    .filter((c) => c.subscriber === subscriber && c.subjectId === subjectId)
    .map((c) => `${c.sequence}:${c.outcome}`);
}

describeEachDb('events between modules: order per subject', (ctx) => {
  test('the events of one case wait for its first one, which failed once, while a second runner polls', async () => {
    const { platform } = ctx();
    await resetEventTables(platform);
    const calls: HandleCall[] = [];
    const subscriptions = [
      recordingSubscriber({
        name: 'ratings.followCase',
        types: TYPES,
        calls,
        failBefore: (event, attempt) =>
          event.subjectId === 'case-slow' && event.sequence === 1 && attempt === 1,
      }),
    ];
    subscribeIn(platform, subscriptions);
    const ids = await recordLifecycles(platform, ['case-slow', 'case-other']);
    const clock = manualClock();
    const second = await secondPlatform(platform);
    try {
      const first = eventRunner(platform, subscriptions, clock);
      const other = eventRunner(second.platform, subscriptions, clock);
      await first.runDueJobs(100);
      assert.deepEqual(seen(calls, 'ratings.followCase', 'case-slow'), ['1:threw']);
      assert.deepEqual(
        seen(calls, 'ratings.followCase', 'case-other'),
        ['1:effect', '2:effect', '3:effect'],
        'another case is not held back',
      );
      // The first delivery waits out its back-off (10 s); the second runner finds nothing it may run.
      clock.advance(9_000);
      assert.equal((await other.runDueJobs(100)).ran, 0);
      assert.equal((await first.runDueJobs(100)).ran, 0);
      assert.deepEqual(seen(calls, 'ratings.followCase', 'case-slow'), ['1:threw']);
      const waiting = await platform.db
        .selectFrom('jobs')
        .select(['status', 'order_key'])
        .where('kind', '=', 'event:ratings.followCase')
        .where('status', '<>', 'done')
        .execute();
      assert.deepEqual(
        waiting.map((j) => j.status),
        ['pending', 'pending', 'pending'],
      );
      assert.ok(waiting.every((j) => j.order_key === 'event:ratings.followCase:case-slow'));

      clock.advance(1_000);
      await drain(platform, [other, first], { clock });
      assert.deepEqual(seen(calls, 'ratings.followCase', 'case-slow'), [
        '1:threw',
        '1:effect',
        '2:effect',
        '3:effect',
      ]);
      assert.deepEqual(
        (await effectsOf(platform, 'ratings.followCase'))
          .filter((e) => e.subject_id === 'case-slow')
          .map((e) => e.event_id),
        ids.get('case-slow'),
      );
    } finally {
      await second.close();
    }
  });

  test('a dead delivery holds back the later events of its case for its subscriber only, shows on the jobs console, and an operator retry lets them through in order', async () => {
    const { platform } = ctx();
    await resetEventTables(platform);
    const calls: HandleCall[] = [];
    let gatewayDown = true;
    const subscriptions = [
      recordingSubscriber({
        name: 'lawgov.reportCase',
        types: TYPES,
        calls,
        maxAttempts: 2,
        failBefore: (event) => gatewayDown && event.subjectId === 'case-stuck' && event.sequence === 2,
      }),
      recordingSubscriber({ name: 'stats.countCases', types: TYPES, calls }),
    ];
    subscribeIn(platform, subscriptions);
    const ids = await recordLifecycles(platform, ['case-stuck', 'case-fine']);
    const clock = manualClock();
    const runner = eventRunner(platform, subscriptions, clock);
    await drain(platform, [runner], { clock, rounds: 6 });

    assert.deepEqual(seen(calls, 'lawgov.reportCase', 'case-stuck'), ['1:effect', '2:threw', '2:threw']);
    assert.deepEqual(seen(calls, 'lawgov.reportCase', 'case-fine'), ['1:effect', '2:effect', '3:effect']);
    assert.deepEqual(
      seen(calls, 'stats.countCases', 'case-stuck'),
      ['1:effect', '2:effect', '3:effect'],
      'the other subscriber is not held back',
    );

    const admin = await ctx().as('admin');
    const dead = await admin.get('/api/jobs?status=dead');
    assert.equal(dead.statusCode, 200, dead.body);
    const [deadJob, ...noMore] = dead.json().items;
    assert.equal(noMore.length, 0);
    assert.equal(deadJob.kind, 'event:lawgov.reportCase');
    assert.equal(deadJob.lastError, 'lawgov.reportCase failed (try 2)');
    assert.equal(deadJob.orderKey, 'event:lawgov.reportCase:case-stuck');
    const held = await admin.get('/api/jobs?status=pending&kind=event:lawgov.reportCase');
    assert.deepEqual(
      held.json().items.map((j: { orderKey: string }) => j.orderKey),
      ['event:lawgov.reportCase:case-stuck'],
      'the third event waits behind the dead one',
    );

    gatewayDown = false;
    const retried = await admin.post(`/api/jobs/${deadJob.id}/retry`);
    assert.equal(retried.statusCode, 200, retried.body);
    await drain(platform, [runner], { clock });
    assert.deepEqual(seen(calls, 'lawgov.reportCase', 'case-stuck'), [
      '1:effect',
      '2:threw',
      '2:threw',
      '2:effect',
      '3:effect',
    ]);
    assert.deepEqual(
      (await effectsOf(platform, 'lawgov.reportCase'))
        .filter((e) => e.subject_id === 'case-stuck')
        .map((e) => e.event_id),
      ids.get('case-stuck'),
    );
  });
});
