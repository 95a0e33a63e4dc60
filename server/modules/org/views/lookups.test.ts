import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import {
  findOrgUnitByCode,
  findStaffWindow,
  getOrgUnitPath,
  listStaffWhoCan,
  listStaffWithRoleOver,
} from '../index.ts';
import type { OrgTables } from '../store/tables.ts';

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

  test('who can act somewhere: by the roles that hold the action over it, active accounts only, with their unit', async () => {
    const { db } = ctx().platform;
    const scjg = await findOrgUnitByCode(db, '220322D01');
    assert.ok(scjg);
    const handlers = await listStaffWhoCan(db, 'case.handle', scjg.path);
    assert.deepEqual(
      handlers.map((s) => [s.staffId, s.name, s.orgUnitName]),
      [[await staffIdOf('scjg_handler'), '陈志强', '梨树县市场监督管理局']],
    );
    assert.deepEqual(
      (await listStaffWhoCan(db, 'case.review', scjg.path)).map((s) => s.name),
      ['杨文静'],
    );
    // A second handler counts while active, and not once deactivated.
    const admin = await ctx().as('admin');
    const created = await admin.post('/api/org/staff', {
      username: 'scjg_h2',
      name: '白承办',
      orgUnitId: scjg.id,
      initialPassword: 'Init-Pass-2026',
      roles: [{ role: 'dept_handler', scopeOrgUnitId: scjg.id }],
    });
    assert.equal(created.statusCode, 200, created.body);
    assert.deepEqual(
      (await listStaffWhoCan(db, 'case.handle', scjg.path)).map((s) => s.name).sort(),
      ['白承办', '陈志强'].sort(),
    );
    const off = await admin.patch(`/api/org/staff/${created.json().id}`, {
      active: false,
      expectedRevision: 1,
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.deepEqual(
      (await listStaffWhoCan(db, 'case.handle', scjg.path)).map((s) => s.name),
      ['陈志强'],
    );
  });
});
