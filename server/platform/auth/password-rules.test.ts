import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView } from '../../../contracts/org.ts';
import { describeEachDb } from '../../testing/harness.ts';

/** The password a new or reset account is given must be changed before its grants work, and new passwords follow the policy. */
describeEachDb('passwords: first change enforced, policy for new ones', (ctx) => {
  const newHandler = async (username: string, initialPassword = 'Start-Pass-2026') => {
    const admin = await ctx().as('admin');
    const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
    const market = units.find((u) => u.name === '梨树县市场监督管理局');
    const created = await admin.post('/api/org/staff', {
      username,
      name: '孙立新',
      orgUnitId: market?.id,
      initialPassword,
      roles: [{ role: 'dept_handler', scopeOrgUnitId: market?.id }],
    });
    assert.equal(created.statusCode, 200, created.body);
    return ctx().as(username, initialPassword);
  };

  test('until the initial password is changed, only who-am-I, the change and log-out answer', async () => {
    const fresh = await newHandler('scjg_first');
    for (const [method, url] of [
      ['GET', '/api/cases?pageSize=5'],
      ['GET', '/api/org/staff'],
      ['GET', '/api/catalog/items?q=营业执照'],
      ['POST', '/api/cases'],
    ] as const) {
      const res = await fresh.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'AUTH_PASSWORD_CHANGE_REQUIRED');
      assert.match(res.json().error.message, /请先修改/);
    }
    const en = await fresh.get('/api/cases', { 'accept-language': 'en' });
    assert.match(en.json().error.message, /Change your initial/);
    const me = await fresh.get('/api/auth/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().mustChangePassword, true);

    const changed = await fresh.post('/api/auth/password', {
      currentPassword: 'Start-Pass-2026',
      newPassword: 'My-Own-Phrase-2026',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await fresh.get('/api/cases?pageSize=5')).statusCode, 200, 'the grants work now');
    assert.equal((await fresh.get('/api/auth/me')).json().mustChangePassword, false);
  });

  test('a reset password must be changed too, and log-out still works meanwhile', async () => {
    const admin = await ctx().as('admin');
    const row = (await admin.get('/api/org/staff?q=rsj_handler')).json().items[0];
    const reset = await admin.post(`/api/org/staff/${row.id}/reset-password`, {
      newPassword: 'Reset-Pass-2026',
    });
    assert.equal(reset.statusCode, 200, reset.body);
    const rsj = await ctx().as('rsj_handler', 'Reset-Pass-2026');
    assert.equal((await rsj.get('/api/cases')).json().error.code, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    assert.equal((await rsj.post('/api/auth/logout')).statusCode, 200);
    assert.equal((await rsj.get('/api/auth/me')).statusCode, 401);
  });

  test('trivial, common, repetitive and name-bearing passwords are refused with the reason, in Chinese and English', async () => {
    const fresh = await newHandler('scjg_policy');
    const change = (newPassword: string, lang = 'zh-CN') =>
      fresh.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { 'accept-language': lang },
        payload: { currentPassword: 'Start-Pass-2026', newPassword },
      });
    const cases: [string, RegExp, RegExp][] = [
      ['aaaaaaaaa1', /至少 12 位/, /At least 12 characters/],
      ['aaaaaaaaaaaa1', /重复或连续/, /repeated or consecutive/],
      ['abcdefghijkl', /两类/, /two of letters/],
      ['Password2026!', /最常见/, /commonest/],
      ['woaini1314woaini1314', /最常见/, /commonest/],
      ['Lishuxian@2026', /最常见/, /commonest/],
      ['scjg_policy-2026', /用户名/, /user name/],
      ['Start-Pass-2026', /当前密码相同/, /differ from the current/],
    ];
    for (const [password, zh, en] of cases) {
      const res = await change(password);
      assert.equal(res.statusCode, 400, password);
      const { error } = res.json();
      assert.equal(error.code, 'AUTH_PASSWORD_WEAK', password);
      assert.equal(error.details.fields[0].path, 'newPassword');
      assert.match(error.details.fields[0].message, zh, password);
      assert.match((await change(password, 'en')).json().error.details.fields[0].message, en, password);
    }
    assert.equal((await fresh.get('/api/auth/me')).json().mustChangePassword, true, 'nothing changed');
    const phrase = await change('梨树县政务大厅早上8点开门');
    assert.equal(phrase.statusCode, 200, `a Chinese phrase with a digit is a good password: ${phrase.body}`);
  });

  test('an administrator cannot hand out a common password either', async () => {
    const admin = await ctx().as('admin');
    const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
    const res = await admin.post('/api/org/staff', {
      username: 'scjg_weak',
      name: '赵明',
      orgUnitId: units[0]?.id,
      initialPassword: 'Admin123456!',
      roles: [],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details.fields[0].path, 'body.initialPassword');
  });
});
