import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { OrgUnitView, StaffView, WindowView } from '../../../../contracts/org.ts';
import { type Client, describeEachDb, TEST_PASSWORD } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { ALL_ORIGINALS, person, setUpItems, type TestItems, windowId } from '../../cases/testing/index.ts';

/**
 * What a township's administrator (demo `townadmin`, system_admin over 梨树镇 only) may build, and
 * what the people it creates may then do: the design questions the probe raised (issue 9 #2),
 * decided in the org README.
 */
describeEachDb('a township administrator builds only inside its township', (ctx) => {
  let admin: Client;
  let townadmin: Client;
  let units: OrgUnitView[];
  let items: TestItems;
  const unitId = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  before(async () => {
    admin = await ctx().as('admin');
    townadmin = await ctx().as('townadmin');
    units = (await admin.get('/api/org/units')).json().items;
    items = await setUpItems(ctx());
  });
  const windows = async () => (await admin.get('/api/org/windows')).body;
  const staffCount = async () => (await admin.get('/api/org/staff?pageSize=1')).json().total as number;

  /** Logs a new account in and sets its own password (a first log-in must change it). */
  const firstLogin = async (username: string, initial: string): Promise<Client> => {
    const who = await ctx().as(username, initial);
    const changed = await who.post('/api/auth/password', {
      currentPassword: initial,
      newPassword: TEST_PASSWORD,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    return ctx().as(username);
  };

  test('townadmin cannot open (or take over) a 公安局 specialist window in 梨树镇便民服务中心; the county administrator can', async () => {
    const centre = unitId('梨树镇便民服务中心');
    const police = unitId('梨树县公安局');
    const before = await windows();
    const body = {
      serviceCentreId: centre,
      number: 'B01',
      name: '公安户政窗口',
      kind: 'specialist',
      departmentId: police,
    };
    expectError(await townadmin.post('/api/org/windows', body), 403, 'ACCESS_OUT_OF_SCOPE');
    assert.equal(await windows(), before, 'no window opened');

    // Its own comprehensive window it may open, but not turn into the department's window.
    const own = ok<WindowView>(
      await townadmin.post('/api/org/windows', {
        serviceCentreId: centre,
        number: 'A09',
        name: '综合受理窗口',
        kind: 'comprehensive',
      }),
    );
    assert.deepEqual(own.allowedActions, ['update']);
    expectError(
      await townadmin.patch(`/api/org/windows/${own.id}`, {
        kind: 'specialist',
        departmentId: police,
        expectedRevision: own.revision,
      }),
      403,
      'ACCESS_OUT_OF_SCOPE',
    );

    // The county's administrator opens it; townadmin is then offered nothing on it and may not close it.
    const policeWindow = ok<WindowView>(await admin.post('/api/org/windows', body));
    const seen = (
      (await townadmin.get(`/api/org/windows?serviceCentreId=${centre}`)).json().items as WindowView[]
    ).find((w) => w.id === policeWindow.id);
    assert.deepEqual(seen?.allowedActions, [], 'no action offered on the department’s window');
    expectError(
      await townadmin.patch(`/api/org/windows/${policeWindow.id}`, {
        active: false,
        expectedRevision: policeWindow.revision,
      }),
      403,
      'ACCESS_OUT_OF_SCOPE',
    );
    const after = (
      (await admin.get(`/api/org/windows?serviceCentreId=${centre}`)).json().items as WindowView[]
    ).find((w) => w.id === policeWindow.id);
    assert.equal(after?.active, true);
  });

  test('townadmin renames its township but cannot make it something else, nor create a second government', async () => {
    const lishu = units.find((u) => u.name === '梨树镇');
    assert.ok(lishu);
    const current = async () =>
      ((await admin.get('/api/org/units')).json().items as OrgUnitView[]).find((u) => u.id === lishu.id);
    const before = await current();
    assert.ok(before);
    const asGovernment = await townadmin.patch(`/api/org/units/${lishu.id}`, {
      kind: 'government',
      expectedRevision: before.revision,
    });
    expectError(asGovernment, 400, 'ORG_UNIT_KIND_INVALID');
    const asDepartment = await townadmin.patch(`/api/org/units/${lishu.id}`, {
      kind: 'department',
      expectedRevision: before.revision,
    });
    expectError(asDepartment, 403, 'ACCESS_OUT_OF_SCOPE');
    const second = await townadmin.post('/api/org/units', {
      parentId: lishu.id,
      code: 'T_GOV2',
      name: '梨树镇人民政府',
      kind: 'government',
    });
    expectError(second, 400, 'ORG_UNIT_KIND_INVALID');
    const after = await current();
    assert.equal(after?.kind, 'township', 'still a township');
    assert.equal(after?.revision, before.revision, 'nothing changed');
    assert.equal(
      ((await admin.get('/api/org/units')).json().items as OrgUnitView[]).filter(
        (u) => u.kind === 'government',
      ).length,
      1,
      'one government in the county',
    );
    // Its name is its own to keep up to date.
    ok(
      await townadmin.patch(`/api/org/units/${lishu.id}`, {
        name: '梨树镇',
        kind: 'township',
        expectedRevision: before.revision,
      }),
    );
  });

  test('townadmin grants nothing wider than 梨树镇: no county-wide or other-township role, no system_admin, nothing stored', async () => {
    const county = units.find((u) => u.parentId === null);
    assert.ok(county);
    const before = await staffCount();
    const create = (roles: { role: string; scopeOrgUnitId: string }[]) =>
      townadmin.post('/api/org/staff', {
        username: 'too_wide',
        name: '越权',
        orgUnitId: unitId('梨树镇'),
        initialPassword: 'Start-Pass-2026',
        roles,
      });
    for (const roles of [
      [{ role: 'supervisor', scopeOrgUnitId: county.id }],
      [{ role: 'township_clerk', scopeOrgUnitId: unitId('郭家店镇') }],
      [{ role: 'dept_handler', scopeOrgUnitId: unitId('梨树县公安局') }],
      [{ role: 'system_admin', scopeOrgUnitId: unitId('梨树镇') }],
      [
        { role: 'township_clerk', scopeOrgUnitId: unitId('梨树镇') },
        { role: 'supervisor', scopeOrgUnitId: county.id },
      ],
    ]) {
      expectError(await create(roles), 403, 'ACCESS_OUT_OF_SCOPE');
    }
    assert.equal(await staffCount(), before, 'no account created');

    const clerk = ((await townadmin.get('/api/org/staff?q=lishuzhen')).json().items as StaffView[])[0];
    assert.ok(clerk);
    const wider = [...clerk.roles.map((r) => ({ role: r.role, scopeOrgUnitId: r.scopeOrgUnitId }))];
    expectError(
      await townadmin.patch(`/api/org/staff/${clerk.id}`, {
        expectedRevision: clerk.revision,
        roles: [...wider, { role: 'supervisor', scopeOrgUnitId: county.id }],
      }),
      403,
      'ACCESS_OUT_OF_SCOPE',
    );
    const unchanged = (await admin.get(`/api/org/staff/${clerk.id}`)).json() as StaffView;
    assert.deepEqual(unchanged.roles, clerk.roles, 'grants unchanged');
  });

  test('a supervisor townadmin creates over 梨树镇 reads a county department’s case received in 梨树镇 but cannot void it', async () => {
    const lishuzhen = await ctx().as('lishuzhen');
    const received = ok<{ id: string; version: number }>(
      await lishuzhen.post('/api/cases', {
        itemId: items.marketLocal,
        applicant: person(61),
        situations: { s1: 'self' },
        form: { shopName: '梨树镇五金店' },
        materials: [
          { materialId: 'm1', form: 'original' },
          { materialId: 'm2', form: 'original' },
        ],
        decision: 'receive',
      }),
    );
    ok(
      await townadmin.post('/api/org/staff', {
        username: 'town_supervisor',
        name: '镇监察',
        orgUnitId: unitId('梨树镇'),
        initialPassword: 'Start-Pass-2026',
        roles: [{ role: 'supervisor', scopeOrgUnitId: unitId('梨树镇') }],
      }),
    );
    const townSupervisor = await firstLogin('town_supervisor', 'Start-Pass-2026');
    const summary = ok<{ allowedActions: string[]; status: string }>(
      await townSupervisor.get(`/api/cases/${received.id}/summary`),
    );
    assert.deepEqual(summary.allowedActions, [], 'void is not offered');
    expectError(
      await townSupervisor.post(`/api/cases/${received.id}/void`, {
        version: received.version,
        reason: '重复录入',
      }),
      403,
      'ACCESS_OUT_OF_SCOPE',
    );
    const still = ok<{ status: string }>(await lishuzhen.get(`/api/cases/${received.id}`));
    assert.equal(still.status, summary.status, 'the case is not voided');

    // The county's supervisor (a grant over the department) still voids it.
    const supervisor = await ctx().as('supervisor');
    const voided = ok<{ status: string }>(
      await supervisor.post(`/api/cases/${received.id}/void`, {
        version: received.version,
        reason: '重复录入',
      }),
    );
    assert.equal(voided.status, 'voided');
  });

  test('the delivery-window clerk may receive at A01 of its own centre (recorded as A01 and by name), never at another centre’s window', async () => {
    const delivery = await ctx().as('delivery');
    const a01 = await windowId(delivery, { centreCode: '220322C00', number: 'A01' }, ctx());
    const body = {
      itemId: items.market,
      applicant: person(62),
      materials: ALL_ORIGINALS,
      decision: 'accept',
    };
    const page = ok<{ windowNumber: string | null; timeline: { actorName: string }[] }>(
      await delivery.post('/api/cases', { ...body, windowId: a01 }),
    );
    assert.equal(page.windowNumber, 'A01');
    assert.equal(page.timeline[0]?.actorName, '张丽娜', 'the log names who received it');
    // At its own delivery window nothing is received; another centre's window is refused.
    expectError(
      await delivery.post('/api/cases', { ...body, applicant: person(63) }),
      422,
      'CASE_ITEM_NOT_AT_WINDOW',
    );
    const township = await windowId(delivery, { centreCode: '220322004C', number: 'A01' }, ctx());
    expectError(
      await delivery.post('/api/cases', { ...body, applicant: person(64), windowId: township }),
      403,
      'CASE_WINDOW_NOT_OWN',
    );
  });
});
