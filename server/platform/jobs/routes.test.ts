import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction } from '../context.ts';
import { enqueueJob } from './enqueue-job.ts';
import { JobRunner } from './runner.ts';

describeEachDb('job console API', (ctx) => {
  test('an administrator lists jobs by status and kind, page by page, without payloads', async () => {
    const { platform } = ctx();
    await inTransaction(platform, async (trx) => {
      for (let i = 0; i < 5; i++) {
        await enqueueJob(trx, { kind: 'test.listed', payload: { secretish: `payload-${i}` } });
      }
      await enqueueJob(trx, { kind: 'test.other', payload: {} });
    });
    const admin = await ctx().as('admin');
    const page1 = await admin.get('/api/jobs?kind=test.listed&status=pending&page=1&pageSize=3');
    assert.equal(page1.statusCode, 200, page1.body);
    assert.equal(page1.json().total, 5);
    assert.equal(page1.json().items.length, 3);
    const page2 = await admin.get('/api/jobs?kind=test.listed&status=pending&page=2&pageSize=3');
    assert.equal(page2.json().items.length, 2);
    const ids = [...page1.json().items, ...page2.json().items].map((j: { id: string }) => j.id);
    assert.equal(new Set(ids).size, 5, 'pages do not overlap');
    const first = page1.json().items[0];
    assert.deepEqual(Object.keys(first).sort(), [
      'attempts',
      'createdAt',
      'id',
      'kind',
      'lastError',
      'maxAttempts',
      'orderKey',
      'runAt',
      'status',
      'updatedAt',
    ]);
    assert.equal(first.maxAttempts, 5);
    assert.ok(!page1.body.includes('payload-'), 'payloads stay on the server');

    const bad = await admin.get('/api/jobs?status=finished&pageSize=1000');
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('querystring.status'), paths.join());
    assert.ok(paths.includes('querystring.pageSize'), paths.join());
    await platform.db.deleteFrom('jobs').execute();
  });

  test('a dead job can be retried once, audited; other jobs cannot', async () => {
    const { platform } = ctx();
    const { id } = await inTransaction(platform, (trx) =>
      enqueueJob(trx, { kind: 'test.dies', payload: {}, maxAttempts: 1 }),
    );
    const pending = await inTransaction(platform, (trx) =>
      enqueueJob(trx, {
        kind: 'test.later',
        payload: {},
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );
    const runner = new JobRunner(platform, {}, { log: () => {} });
    assert.equal((await runner.runDueJobs(10)).dead, 1);

    const admin = await ctx().as('admin');
    const notDead = await admin.post(`/api/jobs/${pending.id}/retry`);
    assert.equal(notDead.statusCode, 409);
    assert.equal(notDead.json().error.code, 'JOB_NOT_RETRYABLE');
    const missing = await admin.post('/api/jobs/no-such-job/retry');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'JOB_NOT_FOUND');

    const supervisor = await ctx().as('supervisor');
    assert.equal((await supervisor.post(`/api/jobs/${id}/retry`)).statusCode, 403);

    const retried = await admin.post(`/api/jobs/${id}/retry`);
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().status, 'pending');
    assert.equal(retried.json().attempts, 0);
    assert.equal(retried.json().lastError, 'no handler for job kind "test.dies" in this process');
    const again = await admin.post(`/api/jobs/${id}/retry`);
    assert.equal(again.statusCode, 409, 'a pending job is not retried twice');

    const trail = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'detail'])
      .where('entity_type', '=', 'job')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(trail.length, 1);
    assert.equal(trail[0]?.action, 'jobs.retry');
    assert.equal(trail[0]?.actor_name, '系统管理员');
    assert.match(trail[0]?.detail ?? '', /"previousAttempts":1/);
    await platform.db.deleteFrom('jobs').execute();
  });
});
