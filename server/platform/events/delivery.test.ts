import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction } from '../context.ts';
import { groupedTransaction } from '../db/group-commit.ts';
import { mergeHandlers } from '../jobs/handlers.ts';
import { eventJobHandlers, recordEvent } from './index.ts';
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

/** Per subscriber and subject, the event numbers its handler was called with, in call order. */
function callOrder(calls: readonly HandleCall[], subscriber: string, subjectId: string): number[] {
  return calls.filter((c) => c.subscriber === subscriber && c.subjectId === subjectId).map((c) => c.sequence);
}

function isNonDecreasing(ns: readonly number[]): boolean {
  return ns.every((n, i) => i === 0 || (ns[i - 1] ?? 0) <= n);
}

describeEachDb(
  'events between modules: delivery',
  (ctx) => {
    test('two subscribers each see every event of their types once in effect, with two runners, a failed try and a crash after the effect', async () => {
      const { platform } = ctx();
      await resetEventTables(platform);
      const calls: HandleCall[] = [];
      const subscriptions = [
        recordingSubscriber({
          name: 'ratings.inviteOnDelivery',
          types: ['case.received', 'case.delivered'],
          calls,
          // Every case's first event fails its first try and waits out the back-off.
          failBefore: (event, attempt) => event.sequence === 1 && attempt === 1,
        }),
        recordingSubscriber({
          name: 'stats.countCases',
          types: ['case.received', 'case.delivered', 'case.voided'],
          calls,
          // Every case's first event is handled, then the process "dies" before the job is done.
          failAfter: (event, attempt) => event.sequence === 1 && attempt === 1,
        }),
      ];
      subscribeIn(platform, subscriptions);
      const subjects = ['case-a', 'case-b', 'case-c'];
      const recorded = new Map<string, string[]>(subjects.map((s) => [s, []]));
      for (const type of ['case.received', 'case.delivered', 'case.voided'] as const) {
        for (const subjectId of subjects) {
          const { id, sequence } = await inTransaction(platform, (trx) =>
            recordEvent(platform, trx, { type, subjectId, payload: { caseId: subjectId, itemCode: 'I-1' } }),
          );
          recorded.get(subjectId)?.push(id);
          assert.equal(sequence, recorded.get(subjectId)?.length, 'numbered 1, 2, 3 per subject');
        }
      }

      const clock = manualClock();
      const second = await secondPlatform(platform);
      try {
        // Two runners, as two processes would have: each builds its handlers from the same list.
        const runners = [
          eventRunner(platform, subscriptions, clock),
          eventRunner(second.platform, subscriptions, clock),
        ];
        const ran = await drain(platform, runners, { clock });
        assert.ok(
          ran.every((n) => n > 0),
          `both runners delivered (${ran.join(', ')})`,
        );
      } finally {
        await second.close();
      }

      const ratings = await effectsOf(platform, 'ratings.inviteOnDelivery');
      const stats = await effectsOf(platform, 'stats.countCases');
      for (const subjectId of subjects) {
        const ids = recorded.get(subjectId) ?? [];
        assert.deepEqual(
          ratings.filter((e) => e.subject_id === subjectId).map((e) => e.event_id),
          ids.slice(0, 2),
          `ratings: received and delivered of ${subjectId}, once each (voided is not its type)`,
        );
        assert.deepEqual(
          stats.filter((e) => e.subject_id === subjectId).map((e) => e.event_id),
          ids,
          `stats: every event of ${subjectId}, once each`,
        );
        for (const name of ['ratings.inviteOnDelivery', 'stats.countCases']) {
          const order = callOrder(calls, name, subjectId);
          assert.ok(isNonDecreasing(order), `${name} got ${subjectId} in order: ${order.join(',')}`);
        }
      }
      assert.equal(
        calls.filter((c) => c.outcome === 'threw' && c.subscriber === 'ratings.inviteOnDelivery').length,
        3,
      );
      assert.equal(
        calls.filter((c) => c.outcome === 'already handled').length,
        3,
        'each redelivery after the crash found its receipt and did nothing',
      );
      const jobs = await platform.db.selectFrom('jobs').select(['kind', 'status', 'attempts']).execute();
      assert.ok(
        jobs.every((j) => j.status === 'done'),
        'every dispatch and delivery is done',
      );
      assert.equal(jobs.filter((j) => j.kind === 'events.dispatch').length, 9, 'one dispatch per event');
      assert.equal(jobs.filter((j) => j.kind === 'event:ratings.inviteOnDelivery').length, 6);
      assert.equal(jobs.filter((j) => j.kind === 'event:stats.countCases').length, 9);
    });

    test('an event recorded in a rolled-back transaction, or in a grouped write that failed, is never delivered', async () => {
      const { platform } = ctx();
      await resetEventTables(platform);
      const calls: HandleCall[] = [];
      const subscriptions = [
        recordingSubscriber({ name: 'stats.countCases', types: ['case.received'], calls }),
      ];
      subscribeIn(platform, subscriptions);
      const received = (subjectId: string) =>
        ({ type: 'case.received', subjectId, payload: { caseId: subjectId } }) as const;

      await assert.rejects(
        inTransaction(platform, async (trx) => {
          await recordEvent(platform, trx, received('case-rolled-back'));
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      // Two writes in one batch on SQLite (one transaction, a savepoint each): the failing one alone vanishes.
      const outcomes = await Promise.allSettled([
        groupedTransaction(platform.database, (trx) => recordEvent(platform, trx, received('case-kept'))),
        groupedTransaction(platform.database, async (trx) => {
          await recordEvent(platform, trx, received('case-refused'));
          throw new Error('refused');
        }),
      ]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['fulfilled', 'rejected'],
      );

      const clock = manualClock();
      await drain(platform, [eventRunner(platform, subscriptions, clock)], { clock });
      const events = await platform.db.selectFrom('domain_events').select('subject_id').execute();
      assert.deepEqual(
        events.map((e) => e.subject_id),
        ['case-kept'],
        'only the committed change left an event',
      );
      assert.deepEqual(
        (await effectsOf(platform, 'stats.countCases')).map((e) => e.subject_id),
        ['case-kept'],
      );
      assert.deepEqual(
        calls.map((c) => c.subjectId),
        ['case-kept'],
        'the handler never heard of the others',
      );
    });

    test('a subscription added later gets the events recorded from then on; a type nobody wants is dispatched to no one', async () => {
      const { platform } = ctx();
      await resetEventTables(platform);
      const calls: HandleCall[] = [];
      const early = recordingSubscriber({ name: 'stats.countCases', types: ['case.received'], calls });
      const late = recordingSubscriber({ name: 'bundles.followSubCase', types: ['case.received'], calls });
      // Deployed with the first release: the process knows a subscriber of case.received, none of case.withdrawn.
      subscribeIn(platform, [early]);
      platform.subscribedEventTypes.delete('case.withdrawn');
      const clock = manualClock();
      const record = (subjectId: string, type: 'case.received' | 'case.withdrawn' = 'case.received') =>
        inTransaction(platform, (trx) =>
          recordEvent(platform, trx, { type, subjectId, payload: { caseId: subjectId } }),
        );

      await record('case-before');
      await record('case-before', 'case.withdrawn');
      await drain(platform, [eventRunner(platform, [early], clock)], { clock });
      // The next release deploys a second subscription.
      await record('case-after');
      await drain(platform, [eventRunner(platform, [early, late], clock)], { clock });

      assert.deepEqual(
        (await effectsOf(platform, 'stats.countCases')).map((e) => e.subject_id),
        ['case-after', 'case-before'],
      );
      assert.deepEqual(
        (await effectsOf(platform, 'bundles.followSubCase')).map((e) => e.subject_id),
        ['case-after'],
        'no event from before it existed',
      );
      const jobs = await platform.db.selectFrom('jobs').select(['kind', 'status']).execute();
      assert.equal(
        jobs.length,
        2 + 3,
        'two dispatches, three deliveries: case.withdrawn, which nobody wants, has no job',
      );
      assert.ok(jobs.every((j) => j.status === 'done'));
    });

    test('recordEvent refuses a type that is not module.pastTense, and work outside a transaction', async () => {
      const { platform } = ctx();
      await resetEventTables(platform);
      await assert.rejects(
        inTransaction(platform, (trx) =>
          // @ts-expect-error a type without a module is refused by the compiler too
          recordEvent(platform, trx, { type: 'delivered', subjectId: 'c-1', payload: {} }),
        ),
        /not module\.pastTense/,
      );
      await assert.rejects(
        inTransaction(platform, (trx) =>
          recordEvent(platform, trx, { type: 'Case.Delivered', subjectId: 'c-1', payload: {} }),
        ),
        /not module\.pastTense/,
      );
      await assert.rejects(
        // @ts-expect-error the database itself is not a transaction
        recordEvent(platform, platform.db, { type: 'case.delivered', subjectId: 'c-1', payload: {} }),
        /inside the transaction/,
      );
      assert.equal((await platform.db.selectFrom('domain_events').select('id').execute()).length, 0);
    });
  },
  { demo: false },
);

test('subscriptions are refused at start-up when two share a name, a name or type is malformed, or the set is registered twice', () => {
  const handle = async () => {};
  const sub = (name: string, types: readonly `${string}.${string}`[] = ['case.delivered']) => ({
    name,
    types,
    handle,
  });
  assert.throws(
    () => eventJobHandlers([sub('ratings.invite'), sub('ratings.invite')]),
    /two event subscriptions/,
  );
  assert.throws(() => eventJobHandlers([sub('invite')]), /not module\.verb/);
  assert.throws(
    () => eventJobHandlers([sub('ratings.invite', ['case delivered.'])]),
    /not module\.pastTense/,
  );
  assert.throws(() => eventJobHandlers([sub('ratings.invite', [])]), /names no event type/);
  assert.deepEqual(Object.keys(eventJobHandlers([sub('ratings.invite'), sub('stats.count')])).sort(), [
    'event:ratings.invite',
    'event:stats.count',
    'events.dispatch',
  ]);
  assert.throws(
    () => mergeHandlers([eventJobHandlers([sub('ratings.invite')]), eventJobHandlers([sub('stats.count')])]),
    /"events\.dispatch" has two handlers/,
  );
});
