import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { mergeHandlers, typedHandler } from './handlers.ts';
import { afterFailure, retryDelayMs } from './retry-policy.ts';

test('back-off doubles from 10 s and stops growing at one hour', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(retryDelayMs), [10_000, 20_000, 40_000, 80_000, 160_000]);
  assert.equal(retryDelayMs(20), 3_600_000);
});

test('a failure reschedules until the last attempt, which is final', () => {
  const now = new Date('2026-03-02T01:00:00.000Z');
  assert.deepEqual(afterFailure(1, 3, now), { status: 'pending', runAt: '2026-03-02T01:00:10.000Z' });
  assert.deepEqual(afterFailure(3, 3, now), { status: 'dead', runAt: null });
});

test('two handler sets claiming one kind are refused at start-up', () => {
  const h = async () => {};
  assert.deepEqual(Object.keys(mergeHandlers([{ 'a.x': h }, { 'b.y': h }])), ['a.x', 'b.y']);
  assert.throws(() => mergeHandlers([{ 'a.x': h }, { 'a.x': h }]), /job kind "a.x" has two handlers/);
});

test('a typed handler refuses a malformed payload with the kind in the message', async () => {
  const got: string[] = [];
  const handler = typedHandler(z.object({ caseId: z.string() }), async (p) => {
    got.push(p.caseId);
  });
  const job = { id: 'j', kind: 'cases.remind', attempt: 1, maxAttempts: 5, runnerId: 'r' };
  // biome-ignore lint/suspicious/noExplicitAny: the handler never touches the platform here.
  const platform = {} as any;
  await handler({ caseId: 'c1' }, platform, job);
  assert.deepEqual(got, ['c1']);
  await assert.rejects(handler({ case: 1 }, platform, job), /invalid payload for job kind "cases.remind"/);
});
