import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghaiDay } from '../../../contracts/shanghai-date.ts';
import { house, houseJobHandlers } from '../../house.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { JobRunner } from '../jobs/index.ts';
import { createSmsProvider } from '../notify/providers.ts';
import { nowIso } from '../time.ts';
import { checkpointFiles } from './checkpoint.ts';
import { AUDIT_CHECKPOINT_JOB, scheduleCheckpointJob } from './checkpoint-job.ts';
import { verifyAudit } from './verify-anchored.ts';

describeEachDb('the daily signed audit checkpoint', (ctx) => {
  test('queued once per day however many processes schedule it; it writes one checkpoint and queues the next day', async () => {
    const { platform } = ctx();
    const today = shanghaiDay(nowIso());
    // Three processes starting on the same day.
    for (let i = 0; i < 3; i++) await scheduleCheckpointJob(platform.db, today);
    const queued = await platform.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', AUDIT_CHECKPOINT_JOB)
      .execute();
    assert.equal(queued.length, 1);
    assert.equal(checkpointFiles(platform.config.auditCheckpointDir).length, 0);

    // Two runners, as on two processes, both past the due time: the job runs once.
    const handlers = houseJobHandlers({ sms: createSmsProvider('outbox') });
    const later = () => new Date(Date.parse(queued[0]?.run_at ?? '') + 60_000);
    const runners = [1, 2].map(
      (n) => new JobRunner(platform, handlers, { id: `r${n}`, now: later, log: () => {} }),
    );
    const summaries = await Promise.all(runners.map((r) => r.runDueJobs(5)));
    assert.equal(
      summaries.reduce((n, s) => n + s.succeeded, 0),
      1,
      JSON.stringify(summaries),
    );
    assert.equal(checkpointFiles(platform.config.auditCheckpointDir).length, 1);
    const jobs = await platform.db
      .selectFrom('jobs')
      .select(['status', 'dedupe_key'])
      .where('kind', '=', AUDIT_CHECKPOINT_JOB)
      .orderBy('run_at')
      .execute();
    assert.deepEqual(
      jobs.map((j) => j.status),
      ['done', 'pending'],
      'the next day is queued',
    );
    const result = await verifyAudit(platform, house.anchoredChains);
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.equal(result.checkpoints.checked, 1);
  });
});
