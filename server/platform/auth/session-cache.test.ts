import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describeEachDb } from '../../testing/harness.ts';

/**
 * A resolved session is reused for up to a second (plugin.ts): changes made through this process
 * take effect at once, changes made elsewhere (another process, straight in the database) within
 * a second.
 */
describeEachDb('session resolution reuse', (ctx) => {
  test('a role change through the API takes effect on the very next request', async () => {
    const clerk = await ctx().as('clerk');
    assert.equal((await clerk.get('/api/cases')).statusCode, 200);
    const { rows } = await sql<{ id: string }>`
      select staff.id from staff join accounts on accounts.id = staff.account_id
      where accounts.username = 'clerk'`.execute(ctx().platform.db);
    const staff = rows[0];
    assert.ok(staff);
    const admin = await ctx().as('admin');
    const res = await admin.patch(`/api/org/staff/${staff.id}`, { roles: [], expectedRevision: 1 });
    assert.equal(res.statusCode, 200, res.body);
    const after = await clerk.get('/api/cases');
    assert.equal(after.statusCode, 403, after.body);
  });

  test('a session ended by another process stops working within a second', async () => {
    const supervisor = await ctx().as('supervisor');
    assert.equal((await supervisor.get('/api/cases')).statusCode, 200);
    // As another process would: the row goes, this process is not told.
    await ctx().platform.db.deleteFrom('sessions').execute();
    await sleep(1100);
    const after = await supervisor.get('/api/cases');
    assert.equal(after.statusCode, 401, after.body);
  });
});
