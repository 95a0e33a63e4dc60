import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView, StaffView } from '../../../../contracts/org.ts';
import { DEMO_ACCOUNTS } from '../../../../demo/logins.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';

const fieldPaths = (res: { json(): { error: { details?: { fields?: { path: string }[] } } } }) =>
  (res.json().error.details?.fields ?? []).map((f) => f.path);

describeEachDb('staff: lists, scope and personal data', (ctx) => {
  // Log-ins are rate limited (20 a minute per address): one session per demo user for the suite.
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    let c = sessions.get(username);
    if (!c) {
      c = await ctx().as(username);
      sessions.set(username, c);
    }
    return c;
  };
  const unitId = async (name: string) => {
    const list: OrgUnitView[] = (await (await as('admin')).get('/api/org/units')).json().items;
    const u = list.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  const staffId = async (username: string) => {
    const list: StaffView[] = (await (await as('admin')).get(`/api/org/staff?q=${username}`)).json().items;
    const s = list.find((x) => x.username === username);
    if (!s) throw new Error(`no staff ${username}`);
    return s.id;
  };

  test('anonymous 401; a village agent (no staff.read) 403 ACCESS_DENIED', async () => {
    const anon = await ctx().anonymous.get('/api/org/staff');
    assert.equal(anon.statusCode, 401);
    const village = await as('village');
    const res = await village.get('/api/org/staff');
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'ACCESS_DENIED');
  });

  test('admin sees every demo account; the 梨树镇 administrator only 梨树镇 and below', async () => {
    const admin = await as('admin');
    const all = (await admin.get('/api/org/staff?pageSize=100')).json();
    assert.equal(all.total, DEMO_ACCOUNTS.length);
    assert.ok(
      all.items.every((s: StaffView) => s.allowedActions.join() === 'update,resetPassword,readPhone'),
    );

    const townadmin = await as('townadmin');
    const mine = (await townadmin.get('/api/org/staff?pageSize=100')).json();
    assert.deepEqual(mine.items.map((s: StaffView) => s.username).sort(), [
      'lishuzhen',
      'townadmin',
      'village',
    ]);
    assert.equal(mine.total, 3);
    const direct = await townadmin.get(`/api/org/staff/${await staffId('guojiadian')}`);
    assert.equal(direct.statusCode, 403);
    assert.equal(direct.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const clerk = await as('lishuzhen');
    const seen = (await clerk.get('/api/org/staff')).json();
    assert.equal(seen.total, 3, 'a township clerk reads its township staff');
    assert.ok(
      seen.items.every((s: StaffView) => s.allowedActions.length === 0),
      'but is offered nothing',
    );
  });

  test('filters and paging: unit subtree, text, role, active, page size', async () => {
    const admin = await as('admin');
    const lishu = await unitId('梨树镇');
    const under = (await admin.get(`/api/org/staff?orgUnitId=${lishu}`)).json();
    assert.deepEqual(under.items.map((s: StaffView) => s.username).sort(), [
      'lishuzhen',
      'townadmin',
      'village',
    ]);
    const market = (await admin.get('/api/org/staff?q=scjg')).json();
    assert.equal(market.total, 3);
    const byName = (await admin.get(`/api/org/staff?q=${encodeURIComponent('李秀')}`)).json();
    assert.deepEqual(
      byName.items.map((s: StaffView) => s.username),
      ['clerk'],
    );
    const wildcard = (await admin.get(`/api/org/staff?q=${encodeURIComponent('%')}`)).json();
    assert.equal(wildcard.total, 0, 'a % in the search text is a character, not a wildcard');
    const handlers = (await admin.get('/api/org/staff?role=dept_handler')).json();
    assert.deepEqual(handlers.items.map((s: StaffView) => s.username).sort(), [
      'gaj_handler',
      'rsj_handler',
      'scjg_handler',
    ]);
    const inactive = (await admin.get('/api/org/staff?active=false')).json();
    assert.equal(inactive.total, 0);
    const p1 = (await admin.get('/api/org/staff?pageSize=5&page=1')).json();
    const p2 = (await admin.get('/api/org/staff?pageSize=5&page=2')).json();
    assert.equal(p1.items.length, 5);
    assert.equal(p1.total, DEMO_ACCOUNTS.length);
    assert.ok(p2.items.every((s: StaffView) => !p1.items.some((t: StaffView) => t.id === s.id)));

    const bad = await admin.get('/api/org/staff?pageSize=500&role=king&page=0');
    assert.equal(bad.statusCode, 400);
    const paths = fieldPaths(bad);
    for (const p of ['querystring.pageSize', 'querystring.role', 'querystring.page']) {
      assert.ok(paths.includes(p), paths.join());
    }
  });

  test('the full phone is read only through readStaffPhone, which leaves an audit row', async () => {
    const admin = await as('admin');
    const list = await admin.get('/api/org/staff?pageSize=100');
    for (const a of DEMO_ACCOUNTS)
      assert.ok(!list.body.includes(a.phone), `list leaks ${a.username}'s phone`);
    const clerkId = await staffId('clerk');
    const one = await admin.get(`/api/org/staff/${clerkId}`);
    assert.equal(one.json().phoneMasked, '139****1002');
    assert.ok(!one.body.includes('13943401002'));

    const read = await admin.get(`/api/org/staff/${clerkId}/phone`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), { phone: '13943401002' });
    const rows = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'actor_name', 'entity_id'])
      .where('action', '=', 'org.readStaffPhone')
      .execute();
    assert.deepEqual(rows, [{ action: 'org.readStaffPhone', actor_name: '系统管理员', entity_id: clerkId }]);

    const townadmin = await as('townadmin');
    const own = await townadmin.get(`/api/org/staff/${await staffId('lishuzhen')}/phone`);
    assert.equal(own.json().phone, '13943401004');
    const other = await townadmin.get(`/api/org/staff/${clerkId}/phone`);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const clerk = await as('lishuzhen');
    const denied = await clerk.get(`/api/org/staff/${await staffId('village')}/phone`);
    assert.equal(denied.json().error.code, 'ACCESS_DENIED');
  });

  test('the 梨树镇 administrator creates and edits 梨树镇 staff, and nothing beyond', async () => {
    const townadmin = await as('townadmin');
    const village = await unitId('大烟筒村');
    const created = await townadmin.post('/api/org/staff', {
      username: 'dayantong',
      name: '赵玉芬',
      orgUnitId: village,
      phone: '13943409001',
      title: '村代办员',
      initialPassword: 'Start-Pass-2026',
      roles: [{ role: 'village_agent', scopeOrgUnitId: village }],
    });
    assert.equal(created.statusCode, 200, created.body);
    const s: StaffView = created.json();
    assert.equal(s.orgUnitName, '大烟筒村');
    assert.equal(s.mustChangePassword, true);
    assert.deepEqual(s.roles, [{ role: 'village_agent', scopeOrgUnitId: village, scopeName: '大烟筒村' }]);
    assert.equal(s.phoneMasked, '139****9001');

    const edited = await townadmin.patch(`/api/org/staff/${s.id}`, {
      expectedRevision: s.revision,
      title: '村党支部书记',
      roles: [
        { role: 'village_agent', scopeOrgUnitId: village },
        { role: 'township_clerk', scopeOrgUnitId: await unitId('梨树镇') },
      ],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().title, '村党支部书记');
    assert.equal(edited.json().roles.length, 2);
    let at = edited.json().revision as number;
    assert.equal(at, s.revision + 1);

    const guo = await unitId('郭家店镇');
    const elsewhere = await townadmin.post('/api/org/staff', {
      username: 'guo2',
      name: '钱多多',
      orgUnitId: guo,
      initialPassword: 'Start-Pass-2026',
      roles: [],
    });
    assert.equal(elsewhere.statusCode, 403);
    assert.equal(elsewhere.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const editOther = await townadmin.patch(`/api/org/staff/${await staffId('guojiadian')}`, {
      title: '改',
      expectedRevision: 1,
    });
    assert.equal(editOther.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const moveOut = await townadmin.patch(`/api/org/staff/${s.id}`, { orgUnitId: guo, expectedRevision: at });
    assert.equal(moveOut.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const countyWide = await townadmin.patch(`/api/org/staff/${s.id}`, {
      expectedRevision: at,
      roles: [{ role: 'supervisor', scopeOrgUnitId: await unitId('梨树县人民政府') }],
    });
    assert.equal(countyWide.statusCode, 403);
    assert.equal(countyWide.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const peerAdmin = await townadmin.patch(`/api/org/staff/${s.id}`, {
      expectedRevision: at,
      roles: [{ role: 'system_admin', scopeOrgUnitId: await unitId('梨树镇') }],
    });
    assert.equal(
      peerAdmin.json().error.code,
      'ACCESS_OUT_OF_SCOPE',
      'only a county-wide admin grants system_admin',
    );

    const admin = await as('admin');
    const byCounty = await admin.patch(`/api/org/staff/${s.id}`, {
      expectedRevision: at,
      roles: [{ role: 'system_admin', scopeOrgUnitId: await unitId('梨树镇') }],
    });
    assert.equal(byCounty.statusCode, 200);
    at = byCounty.json().revision;
    // The county's admin gave a role the township's admin could not have given: it cannot take it away.
    const strip = await townadmin.patch(`/api/org/staff/${s.id}`, { roles: [], expectedRevision: at });
    assert.equal(strip.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const actions = (
      await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', s.id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);
    assert.deepEqual(actions, ['org.createStaff', 'org.updateStaff', 'org.updateStaff']);
  });

  test('the township clerk cannot manage staff at all: 403 ACCESS_DENIED', async () => {
    const clerk = await as('lishuzhen');
    const res = await clerk.post('/api/org/staff', {
      username: 'nobody',
      name: '无权',
      orgUnitId: await unitId('梨树镇'),
      initialPassword: 'Start-Pass-2026',
      roles: [],
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'ACCESS_DENIED');
    const reset = await clerk.post(`/api/org/staff/${await staffId('village')}/reset-password`, {
      newPassword: 'Another-Pass-1',
    });
    assert.equal(reset.json().error.code, 'ACCESS_DENIED');
  });

  test('bad staff input names every field at fault, and never reaches the database', async () => {
    const admin = await as('admin');
    const bad = await admin.post('/api/org/staff', {
      username: 'Bad Name',
      name: '',
      orgUnitId: await unitId('梨树镇'),
      phone: '12345',
      initialPassword: 'x',
      roles: [{ role: 'emperor', scopeOrgUnitId: 'x' }],
    });
    assert.equal(bad.statusCode, 400);
    const paths = fieldPaths(bad);
    for (const p of ['body.username', 'body.name', 'body.phone', 'body.roles.0.role']) {
      assert.ok(paths.includes(p), paths.join());
    }
    const nul = await admin.post('/api/org/staff', {
      username: 'nul',
      name: '空\u0000字符',
      orgUnitId: 'bad\u0000id',
      initialPassword: 'Start-Pass-2026',
    });
    assert.equal(nul.statusCode, 400, 'a NUL character is refused before it reaches PostgreSQL');
    assert.deepEqual(fieldPaths(nul).sort(), ['body.name', 'body.orgUnitId']);
    const base = { name: '测试', orgUnitId: await unitId('梨树镇'), initialPassword: 'Start-Pass-2026' };
    const taken = await admin.post('/api/org/staff', { ...base, username: 'clerk' });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'STAFF_USERNAME_TAKEN');
    const weak = await admin.post('/api/org/staff', {
      ...base,
      username: 'weakling',
      initialPassword: 'short',
    });
    assert.equal(weak.json().error.code, 'AUTH_PASSWORD_WEAK');
    assert.deepEqual(fieldPaths(weak), ['body.initialPassword']);
    const noScope = await admin.post('/api/org/staff', {
      ...base,
      username: 'noscope',
      roles: [{ role: 'window_clerk', scopeOrgUnitId: 'missing' }],
    });
    assert.equal(noScope.statusCode, 400);
    assert.deepEqual(fieldPaths(noScope), ['body.roles.0.scopeOrgUnitId']);
    const clerk = (await admin.get(`/api/org/staff/${await staffId('clerk')}`)).json() as StaffView;
    const noUnit = await admin.patch(`/api/org/staff/${clerk.id}`, {
      orgUnitId: 'missing',
      expectedRevision: clerk.revision,
    });
    assert.deepEqual(fieldPaths(noUnit), ['body.orgUnitId']);
    const missing = await admin.get('/api/org/staff/missing');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'STAFF_NOT_FOUND');
  });
});
