import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPlatform } from '../../bootstrap.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { loadConfig } from '../config.ts';
import { inTransaction, type Platform } from '../context.ts';
import { enqueueJob } from './enqueue-job.ts';
import type { JobHandlers } from './handlers.ts';
import { JobRunner, type JobRunnerOptions } from './runner.ts';

/** A clock the test moves by hand; it starts a second ahead so that fresh jobs are due. */
function manualClock() {
  let t = Date.now() + 1000;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

const quiet: JobRunnerOptions['log'] = () => {};

function runner(platform: Platform, handlers: JobHandlers, options: JobRunnerOptions = {}): JobRunner {
  return new JobRunner(platform, handlers, { log: quiet, ...options });
}

function jobRow(platform: Platform, id: string) {
  return platform.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Opens a second platform (its own connections) on the same database, as a second process would. */
function openSecond(platform: Platform): Promise<Platform> {
  return openPlatform(platform.config, { sqliteFile: platform.database.sqliteFile ?? undefined });
}

describeEachDb(
  'job table',
  (ctx) => {
    test('a job enqueued in a rolled-back transaction never exists; a dedupe key enqueues once', async () => {
      const { platform } = ctx();
      await assert.rejects(
        inTransaction(platform, async (trx) => {
          await enqueueJob(trx, { kind: 'test.rollback', payload: { n: 1 } });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      const none = await platform.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'test.rollback')
        .execute();
      assert.equal(none.length, 0);

      const first = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.dedupe', payload: {}, dedupeKey: 'case.accepted:42' }),
      );
      const second = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.dedupe', payload: {}, dedupeKey: 'case.accepted:42' }),
      );
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.id, first.id);
      const rows = await platform.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'test.dedupe')
        .execute();
      assert.equal(rows.length, 1);
      await platform.db.deleteFrom('jobs').execute();
    });

    test('a job that fails twice then succeeds is done after 3 attempts, waiting out the back-off', async () => {
      const { platform } = ctx();
      const clock = manualClock();
      let calls = 0;
      const seen: unknown[] = [];
      const r = runner(
        platform,
        {
          'test.flaky': async (payload, _p, job) => {
            calls++;
            seen.push({ payload, attempt: job.attempt });
            if (calls <= 2) throw new Error(`gateway down (${calls})`);
          },
        },
        { now: clock.now },
      );
      const { id } = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.flaky', payload: { caseId: 'c-1' } }),
      );

      assert.deepEqual(await r.runDueJobs(10), { ran: 1, succeeded: 0, failed: 1, dead: 0 });
      let row = await jobRow(platform, id);
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, 'gateway down (1)');
      assert.equal(row.run_at, new Date(clock.now().getTime() + 10_000).toISOString(), '2¹ × 5 s later');

      clock.advance(9_000);
      assert.equal((await r.runDueJobs(10)).ran, 0, 'not due before the back-off has passed');
      clock.advance(1_000);
      assert.equal((await r.runDueJobs(10)).failed, 1);
      row = await jobRow(platform, id);
      assert.equal(row.attempts, 2);
      assert.equal(row.run_at, new Date(clock.now().getTime() + 20_000).toISOString(), '2² × 5 s later');

      clock.advance(20_000);
      assert.equal((await r.runDueJobs(10)).succeeded, 1);
      row = await jobRow(platform, id);
      assert.equal(row.status, 'done');
      assert.equal(row.attempts, 3);
      assert.equal(row.locked_by, null);
      assert.deepEqual(seen, [
        { payload: { caseId: 'c-1' }, attempt: 1 },
        { payload: { caseId: 'c-1' }, attempt: 2 },
        { payload: { caseId: 'c-1' }, attempt: 3 },
      ]);
      clock.advance(3_600_000);
      assert.equal((await r.runDueJobs(10)).ran, 0, 'a done job never runs again');
    });

    test('a job that always fails is dead after maxAttempts and runs no more', async () => {
      const { platform } = ctx();
      const clock = manualClock();
      const logged: string[] = [];
      let calls = 0;
      const r = runner(
        platform,
        {
          'test.broken': async () => {
            calls++;
            throw new Error('always broken');
          },
        },
        { now: clock.now, log: (level, message) => logged.push(`${level}: ${message}`) },
      );
      const { id } = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.broken', payload: {}, maxAttempts: 3 }),
      );
      const outcomes = [];
      for (let i = 0; i < 6; i++) {
        outcomes.push(await r.runDueJobs(10));
        clock.advance(3_600_000);
      }
      assert.equal(calls, 3);
      assert.deepEqual(
        outcomes.map((o) => [o.failed, o.dead]),
        [
          [1, 0],
          [1, 0],
          [0, 1],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      );
      const row = await jobRow(platform, id);
      assert.equal(row.status, 'dead');
      assert.equal(row.attempts, 3);
      assert.equal(row.last_error, 'always broken');
      assert.deepEqual(logged, [
        'warn: job failed; will retry',
        'warn: job failed; will retry',
        'error: job failed for the last time',
      ]);
    });

    test('a job of a kind nobody handles fails with a clear error', async () => {
      const { platform } = ctx();
      const { id } = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.nobody', payload: {}, maxAttempts: 1 }),
      );
      const summary = await runner(platform, {}).runDueJobs(10);
      assert.equal(summary.dead, 1);
      const row = await jobRow(platform, id);
      assert.equal(row.status, 'dead');
      assert.equal(row.last_error, 'no handler for job kind "test.nobody" in this process');
    });

    test('four runners on the same database run every job exactly once', async () => {
      const { platform } = ctx();
      // Each runner has its own connections, as separate processes would.
      const others = await Promise.all([openSecond(platform), openSecond(platform), openSecond(platform)]);
      try {
        const runs = new Map<string, string[]>();
        const handlers = (name: string): JobHandlers => ({
          'test.count': async (payload) => {
            const n = (payload as { n: string }).n;
            runs.set(n, [...(runs.get(n) ?? []), name]);
          },
        });
        const total = 120;
        await inTransaction(platform, async (trx) => {
          for (let i = 0; i < total; i++)
            await enqueueJob(trx, { kind: 'test.count', payload: { n: `j${i}` } });
        });
        const runners = [platform, ...others].map((p, i) =>
          runner(p, handlers(`r${i}`), { id: `runner-${i}` }),
        );
        const summaries = await Promise.all(runners.map((r) => r.runDueJobs(total)));
        assert.equal(runs.size, total);
        for (const [n, by] of runs)
          assert.equal(by.length, 1, `${n} ran ${by.length} times (${by.join(',')})`);
        assert.equal(
          summaries.reduce((sum, s) => sum + s.ran, 0),
          total,
        );
        const done = await platform.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'test.count')
          .where('status', '=', 'done')
          .where('attempts', '=', 1)
          .executeTakeFirstOrThrow();
        assert.equal(Number(done.n), total);
      } finally {
        for (const other of others) await other.database.close();
      }
    });

    test("a crashed runner's job is taken over after its lease; a live lease is respected", async () => {
      const { platform } = ctx();
      const ran: string[] = [];
      const handlers: JobHandlers = {
        'test.lease': async (payload) => {
          ran.push((payload as { name: string }).name);
        },
      };
      const ids = await inTransaction(platform, async (trx) => ({
        crashed: (await enqueueJob(trx, { kind: 'test.lease', payload: { name: 'crashed' } })).id,
        live: (await enqueueJob(trx, { kind: 'test.lease', payload: { name: 'live' } })).id,
        lastTry: (await enqueueJob(trx, { kind: 'test.lease', payload: { name: 'lastTry' }, maxAttempts: 1 }))
          .id,
      }));
      const past = new Date(Date.now() - 60_000).toISOString();
      const future = new Date(Date.now() + 600_000).toISOString();
      const claim = (id: string, lockedUntil: string) =>
        platform.db
          .updateTable('jobs')
          .set({ status: 'running', locked_by: 'gone-host:1234:abc', locked_until: lockedUntil, attempts: 1 })
          .where('id', '=', id)
          .execute();
      await claim(ids.crashed, past);
      await claim(ids.live, future);
      await claim(ids.lastTry, past);

      const summary = await runner(platform, handlers, { id: 'new-runner' }).runDueJobs(10);
      assert.equal(summary.ran, 1);
      assert.deepEqual(ran, ['crashed']);
      const crashed = await jobRow(platform, ids.crashed);
      assert.equal(crashed.status, 'done');
      assert.equal(crashed.attempts, 2, 'the crashed run counts as an attempt');
      const live = await jobRow(platform, ids.live);
      assert.equal(live.status, 'running');
      assert.equal(live.locked_by, 'gone-host:1234:abc');
      const lastTry = await jobRow(platform, ids.lastTry);
      assert.equal(lastTry.status, 'dead', 'a job whose last attempt crashed its runner is not run again');
      assert.match(lastTry.last_error ?? '', /lease expired/);
    });

    test('start() polls until stop(), and stop() waits for the job in hand', async () => {
      const { platform } = ctx();
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered = false;
      let finished = false;
      const r = runner(
        platform,
        {
          'test.slow': async () => {
            entered = true;
            await gate;
            finished = true;
          },
        },
        { pollMs: 10 },
      );
      r.start();
      const { id } = await inTransaction(platform, (trx) =>
        enqueueJob(trx, { kind: 'test.slow', payload: {} }),
      );
      for (let i = 0; i < 500 && !entered; i++) await sleep(10);
      assert.ok(entered, 'the poll loop picked the job up');
      const stopped = r.stop();
      await sleep(30);
      assert.equal(finished, false);
      release();
      await stopped;
      assert.equal(finished, true);
      assert.equal((await jobRow(platform, id)).status, 'done');
      await inTransaction(platform, (trx) => enqueueJob(trx, { kind: 'test.slow', payload: {} }));
      await sleep(50);
      const pending = await platform.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .execute();
      assert.equal(pending.length, 1, 'a stopped runner claims nothing');
    });
  },
  { demo: false },
);

test('a job enqueued before a restart runs after it (SQLite file)', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-jobs-'));
  const sqliteFile = path.join(dataDir, 'restart.sqlite');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdeffedcba9876543210',
    JOB_POLL_MS: '0',
  });
  try {
    const before = await openPlatform(config, { sqliteFile });
    const { id } = await inTransaction(before, (trx) =>
      enqueueJob(trx, { kind: 'test.restart', payload: { note: 'survives' } }),
    );
    await before.database.close();

    const after = await openPlatform(config, { sqliteFile });
    try {
      const got: unknown[] = [];
      const summary = await runner(after, {
        'test.restart': async (payload) => {
          got.push(payload);
        },
      }).runDueJobs(10);
      assert.equal(summary.succeeded, 1);
      assert.deepEqual(got, [{ note: 'survives' }]);
      assert.equal((await jobRow(after, id)).status, 'done');
    } finally {
      await after.database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
