import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView, StaffView } from '../../../../contracts/org.ts';
import { describeEachDb } from '../../../testing/harness.ts';

describeEachDb('staff accounts: first log-in, deactivation, password reset', (ctx) => {
  const login = (username: string, password: string) =>
    ctx().anonymous.post('/api/auth/login', { username, password });

  test('a new account logs in with its initial password and must change it', async () => {
    const admin = await ctx().as('admin');
    const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
    const market = units.find((u) => u.name === '梨树县市场监督管理局');
    const created = await admin.post('/api/org/staff', {
      username: 'scjg_new',
      name: '钱文博',
      orgUnitId: market?.id,
      initialPassword: 'Start-Pass-2026',
      roles: [{ role: 'dept_handler', scopeOrgUnitId: market?.id }],
    });
    assert.equal(created.statusCode, 200, created.body);
    const res = await login('scjg_new', 'Start-Pass-2026');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().mustChangePassword, true);
    assert.deepEqual(res.json().grants, [
      {
        role: 'dept_handler',
        scopeOrgUnitId: market?.id,
        scopeName: '梨树县市场监督管理局',
        countyWide: false,
      },
    ]);
  });

  test('deactivating a staff member ends their session and refuses new log-ins; reactivating restores', async () => {
    const admin = await ctx().as('admin');
    const rsj = await ctx().as('rsj_handler');
    assert.equal((await rsj.get('/api/auth/me')).statusCode, 200);
    const list: StaffView[] = (await admin.get('/api/org/staff?q=rsj_handler')).json().items;
    const id = list[0]?.id;
    const at = list[0]?.revision ?? 0;

    const off = await admin.patch(`/api/org/staff/${id}`, { active: false, expectedRevision: at });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal((await rsj.get('/api/auth/me')).statusCode, 401, 'the open session has ended');
    const refused = await login('rsj_handler', ctx().config.demoPassword);
    assert.equal(refused.statusCode, 401, 'a disabled account answers as any failed log-in does');
    assert.equal(refused.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    const inactive = (await admin.get('/api/org/staff?active=false')).json();
    assert.deepEqual(
      inactive.items.map((s: StaffView) => s.username),
      ['rsj_handler'],
    );

    const on = await admin.patch(`/api/org/staff/${id}`, {
      active: true,
      expectedRevision: off.json().revision,
    });
    assert.equal(on.json().active, true);
    assert.equal((await login('rsj_handler', ctx().config.demoPassword)).statusCode, 200);
    const audit = await ctx()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id ?? '')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['org.deactivateStaff', 'org.updateStaff'],
    );
  });

  test('a password reset lifts a refusal after failed log-ins, ends sessions and asks for a new password', async () => {
    const admin = await ctx().as('admin');
    const gaj = await ctx().as('gaj_handler');
    for (let i = 0; i < 5; i++) await login('gaj_handler', 'wrong-password-1');
    const locked = await login('gaj_handler', ctx().config.demoPassword);
    assert.equal(locked.statusCode, 401, 'from this address even the right password waits');
    assert.equal(locked.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    const row: StaffView = (await admin.get('/api/org/staff?q=gaj_handler')).json().items[0];

    const weak = await admin.post(`/api/org/staff/${row.id}/reset-password`, { newPassword: 'abc' });
    assert.equal(weak.json().error.code, 'AUTH_PASSWORD_WEAK');
    const named = await admin.post(`/api/org/staff/${row.id}/reset-password`, {
      newPassword: 'Gaj_Handler-2026!',
    });
    assert.equal(named.statusCode, 400, 'a password holding the user name is refused, as at creation');
    assert.equal(named.json().error.code, 'AUTH_PASSWORD_WEAK');
    const reset = await admin.post(`/api/org/staff/${row.id}/reset-password`, {
      newPassword: 'Reset-Pass-2026',
    });
    assert.equal(reset.statusCode, 200);
    assert.equal((await gaj.get('/api/auth/me')).statusCode, 401);
    const after = await login('gaj_handler', 'Reset-Pass-2026');
    assert.equal(after.statusCode, 200);
    assert.equal(after.json().mustChangePassword, true);
    const view: StaffView = (await admin.get(`/api/org/staff/${row.id}`)).json();
    assert.equal(view.locked, false);
    const audit = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'org.resetStaffPassword')
      .execute();
    assert.equal(audit.length, 1);
    assert.ok(!audit[0]?.detail.includes('Reset-Pass-2026'), 'the audit row never holds the password');
  });
});
