import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView, StaffView } from '../../../../contracts/org.ts';
import { describeEachDb } from '../../../testing/harness.ts';

/**
 * A township's administrator manages the township's staff, but not someone who merely sits in the
 * township while holding a county-wide grant: managing a person needs the right over every scope
 * they hold. (The probe reset such a supervisor's password and read the whole county's audit log.)
 */
describeEachDb('managing a person needs the right over all they hold', (ctx) => {
  test('townadmin can neither reset, deactivate, edit nor read the phone of a 梨树镇 staff member with a county-wide grant', async () => {
    const admin = await ctx().as('admin');
    const townadmin = await ctx().as('townadmin');
    const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
    const id = (name: string) => {
      const u = units.find((x) => x.name === name);
      if (!u) throw new Error(`no unit ${name}`);
      return u.id;
    };
    const county = units.find((u) => u.parentId === null);
    assert.ok(county);
    const created = await admin.post('/api/org/staff', {
      username: 'wide_supervisor',
      name: '孙监察',
      orgUnitId: id('梨树镇'),
      phone: '13943409999',
      initialPassword: 'Start-Pass-2026',
      roles: [{ role: 'supervisor', scopeOrgUnitId: county.id }],
    });
    assert.equal(created.statusCode, 200, created.body);
    const wide: StaffView = created.json();
    const before = (await admin.get(`/api/org/staff/${wide.id}`)).json() as StaffView;

    const listed: StaffView[] = (await townadmin.get('/api/org/staff?q=wide_supervisor')).json().items;
    assert.deepEqual(listed.find((s) => s.id === wide.id)?.allowedActions, [], 'no action offered');
    const attempts = [
      await townadmin.post(`/api/org/staff/${wide.id}/reset-password`, { newPassword: 'Taken-Over-2026' }),
      await townadmin.patch(`/api/org/staff/${wide.id}`, { active: false, expectedRevision: wide.revision }),
      await townadmin.patch(`/api/org/staff/${wide.id}`, {
        title: '改',
        phone: '13900000000',
        expectedRevision: wide.revision,
      }),
      await townadmin.get(`/api/org/staff/${wide.id}/phone`),
    ];
    for (const res of attempts) {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    }
    const after = (await admin.get(`/api/org/staff/${wide.id}`)).json() as StaffView;
    assert.deepEqual(after, before, 'nothing changed');
    const login = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wide_supervisor', password: 'Taken-Over-2026' },
    });
    assert.notEqual(login.statusCode, 200, 'the password was not taken over');

    // The county's administrator still manages them, and townadmin still its own town's clerk.
    const reset = await admin.post(`/api/org/staff/${wide.id}/reset-password`, {
      newPassword: 'Fresh-Start-2026',
    });
    assert.equal(reset.statusCode, 200, reset.body);
    const own: StaffView[] = (await townadmin.get('/api/org/staff?q=lishuzhen')).json().items;
    const clerk = own.find((s) => s.username === 'lishuzhen');
    assert.ok(clerk?.allowedActions.includes('resetPassword'));
    const ownPhone = await townadmin.get(`/api/org/staff/${clerk?.id}/phone`);
    assert.equal(ownPhone.statusCode, 200);
  });
});
