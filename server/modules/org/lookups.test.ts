import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../testing/harness.ts';
import { findOrgUnitByCode, findStaffWindow, getOrgUnitPath, listStaffWithRoleOver } from './index.ts';
import type { OrgTables } from './tables.ts';

describeEachDb('org lookups for other modules', (ctx) => {
  const staffIdOf = async (username: string) => {
    const row = await ctx()
      .platform.db.withTables<OrgTables>()
      .selectFrom('staff')
      .innerJoin('accounts', 'accounts.id', 'staff.account_id')
      .select('staff.id')
      .where('accounts.username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  test("a clerk's window is found with its service centre; staff without one get null", async () => {
    const { db } = ctx().platform;
    const w = await findStaffWindow(db, await staffIdOf('clerk'));
    assert.equal(w?.number, 'A01');
    assert.equal(w?.kind, 'comprehensive');
    const delivery = await findStaffWindow(db, await staffIdOf('delivery'));
    assert.equal(delivery?.kind, 'delivery');
    assert.equal(await findStaffWindow(db, await staffIdOf('admin')), null);
  });

  test('supervisors over a township unit include the county-wide supervisor; township clerks do not reach another town', async () => {
    const { db } = ctx().platform;
    const lishu = await findOrgUnitByCode(db, '220322004');
    assert.ok(lishu, '梨树镇 exists');
    const lishuPath = await getOrgUnitPath(db, lishu.id);
    assert.ok(lishuPath);
    const supervisors = await listStaffWithRoleOver(db, 'supervisor', lishuPath);
    assert.deepEqual(
      supervisors.map((s) => s.staffId),
      [await staffIdOf('supervisor')],
    );
    const clerks = await listStaffWithRoleOver(db, 'township_clerk', lishuPath);
    assert.deepEqual(
      clerks.map((s) => s.staffId),
      [await staffIdOf('lishuzhen')],
    );
  });
});
