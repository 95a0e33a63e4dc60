import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghaiDay } from '../../../contracts/shanghai-date.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { ok } from '../../testing/http-support.ts';
import { loadConfig } from '../config.ts';
import { inTransaction } from '../context.ts';
import { enqueueJob } from './enqueue-job.ts';
import { JobRunner } from './runner.ts';
import { jobRetentionDays, SWEEP_JOBS_JOB, scheduleSweepJob, sweepJobHandlers } from './sweep-jobs.ts';

const DAY = 86_400_000;

describeEachDb('finished jobs are swept after the retention; the console opens on what is open', (ctx) => {
  test('the daily sweep deletes done jobs older than 30 days and keeps dead ones, recent ones and once-only keys', async () => {
    const { platform } = ctx();
    await platform.db.deleteFrom('jobs').execute();
    const old = new Date(Date.now() - 31 * DAY).toISOString();
    const recent = new Date(Date.now() - 29 * DAY).toISOString();
    const make = async (
      name: string,
      { status, at, dedupeKey }: { status: 'done' | 'dead' | 'pending'; at: string; dedupeKey?: string },
    ) => {
      const kind = name.startsWith('event:') ? name : `test.${name}`;
      await inTransaction(platform, async (trx) => {
        await enqueueJob(trx, { kind, payload: {}, dedupeKey });
        await trx
          .updateTable('jobs')
          // A pending one waits for later, so that only the sweep runs now.
          .set({ status, updated_at: at, created_at: at, run_at: '2999-01-01T00:00:00.000Z' })
          .where('kind', '=', kind)
          .execute();
      });
    };
    await make('oldDone', { status: 'done', at: old });
    await make('event:ratings.inviteOnDelivery', {
      status: 'done',
      at: old,
      dedupeKey: 'event:ratings.inviteOnDelivery@e1',
    });
    await make('recentDone', { status: 'done', at: recent });
    await make('oldDead', { status: 'dead', at: old });
    await make('oldPending', { status: 'pending', at: old });
    await make('onceAYear', { status: 'done', at: old, dedupeKey: 'cases.remindCalendar:2027' });
    // Scheduled from yesterday (Shanghai): today's sweep is due and runs, tomorrow's waits.
    await scheduleSweepJob(platform.db, shanghaiDay(new Date(Date.now() - DAY)));
    const runner = new JobRunner(platform, sweepJobHandlers(), { log: () => {} });
    assert.equal((await runner.runDueJobs(10)).ran, 1);
    const left = await platform.db.selectFrom('jobs').select(['kind', 'status']).orderBy('kind').execute();
    assert.deepEqual(
      left.filter((j) => j.kind !== SWEEP_JOBS_JOB).map((j) => j.kind),
      ['test.oldDead', 'test.oldPending', 'test.onceAYear', 'test.recentDone'],
    );
    assert.deepEqual(
      left
        .filter((j) => j.kind === SWEEP_JOBS_JOB)
        .map((j) => j.status)
        .sort(),
      ['done', 'pending'],
      "today's sweep ran and tomorrow's waits",
    );

    // The console's default filter, open, leaves out the finished ones.
    const admin = await ctx().as('admin');
    const open = ok<{ items: { kind: string; status: string }[] }>(await admin.get('/api/jobs?status=open'));
    assert.deepEqual(open.items.map((j) => j.status).sort(), ['dead', 'pending', 'pending']);
    const done = ok<{ total: number }>(await admin.get('/api/jobs?status=done'));
    assert.equal(done.total, 3);
    const all = ok<{ total: number }>(await admin.get('/api/jobs'));
    assert.equal(all.total, 6);
  });

  test('JOB_RETENTION_DAYS is checked: a bad value names the variable', () => {
    assert.equal(jobRetentionDays(loadConfig({}).source), 30);
    assert.equal(jobRetentionDays({ JOB_RETENTION_DAYS: '7' }), 7);
    assert.throws(
      () => jobRetentionDays({ JOB_RETENTION_DAYS: '0' }),
      (e: { code?: string; details?: { field?: string } }) =>
        e.code === 'CONFIG_INVALID' && e.details?.field === 'JOB_RETENTION_DAYS',
    );
  });
});
