import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView, WindowView } from '../../../../contracts/org.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';

async function unitNamed(c: Client, name: string): Promise<OrgUnitView> {
  const list: OrgUnitView[] = (await c.get('/api/org/units')).json().items;
  const u = list.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

describeEachDb('windows', (ctx) => {
  test('admin opens a specialist window, renumbers it and closes it', async () => {
    const admin = await ctx().as('admin');
    const centre = await unitNamed(admin, '梨树县政务服务中心');
    assert.ok(centre.allowedActions.includes('manageWindows'));
    const market = await unitNamed(admin, '梨树县市场监督管理局');
    const created = await admin.post('/api/org/windows', {
      serviceCentreId: centre.id,
      number: 'B06',
      name: '市场监管窗口',
      kind: 'specialist',
      departmentId: market.id,
    });
    assert.equal(created.statusCode, 200, created.body);
    const w: WindowView = created.json();
    assert.equal(w.departmentName, '梨树县市场监督管理局');
    assert.equal(w.serviceCentreName, '梨树县政务服务中心');
    assert.deepEqual(w.allowedActions, ['update']);

    const taken = await admin.patch(`/api/org/windows/${w.id}`, {
      number: 'A01',
      expectedRevision: w.revision,
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'WINDOW_NUMBER_TAKEN');

    const closed = await admin.patch(`/api/org/windows/${w.id}`, {
      number: 'B07',
      active: false,
      expectedRevision: w.revision,
    });
    assert.equal(closed.statusCode, 200);
    assert.equal(closed.json().number, 'B07');
    assert.equal(closed.json().active, false);
    const audit = await ctx()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', w.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['org.createWindow', 'org.updateWindow'],
    );
  });

  test('window rules: a duplicate number, a specialist window without department, a non-centre host', async () => {
    const admin = await ctx().as('admin');
    const centre = await unitNamed(admin, '梨树县政务服务中心');
    const dup = await admin.post('/api/org/windows', {
      serviceCentreId: centre.id,
      number: 'A02',
      name: '综合受理窗口',
      kind: 'comprehensive',
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'WINDOW_NUMBER_TAKEN');

    const noDept = await admin.post('/api/org/windows', {
      serviceCentreId: centre.id,
      number: 'B09',
      name: '专业窗口',
      kind: 'specialist',
    });
    assert.equal(noDept.statusCode, 400);
    assert.deepEqual(
      noDept.json().error.details.fields.map((f: { path: string }) => f.path),
      ['body.departmentId'],
    );

    const township = await unitNamed(admin, '梨树镇');
    const notCentre = await admin.post('/api/org/windows', {
      serviceCentreId: township.id,
      number: 'A09',
      name: '综合受理窗口',
      kind: 'comprehensive',
    });
    assert.equal(notCentre.statusCode, 400);
    const badKind = await admin.post('/api/org/windows', {
      serviceCentreId: centre.id,
      number: 'A 1',
      kind: 'x',
    });
    assert.equal(badKind.statusCode, 400);
    const paths = badKind.json().error.details.fields.map((f: { path: string }) => f.path);
    for (const p of ['body.number', 'body.name', 'body.kind']) assert.ok(paths.includes(p), paths.join());
  });

  test('a township administrator manages its own centre windows only', async () => {
    const townadmin = await ctx().as('townadmin');
    const own = await unitNamed(townadmin, '梨树镇便民服务中心');
    const other = await unitNamed(townadmin, '郭家店镇便民服务中心');
    assert.ok(own.allowedActions.includes('manageWindows'));
    assert.ok(!other.allowedActions.includes('manageWindows'));
    const ok = await townadmin.post('/api/org/windows', {
      serviceCentreId: own.id,
      number: 'A03',
      name: '综合受理窗口',
      kind: 'comprehensive',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const refused = await townadmin.post('/api/org/windows', {
      serviceCentreId: other.id,
      number: 'A03',
      name: '综合受理窗口',
      kind: 'comprehensive',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const windows: WindowView[] = (await townadmin.get(`/api/org/windows?serviceCentreId=${other.id}`)).json()
      .items;
    assert.ok(windows.length > 0 && windows.every((w) => w.allowedActions.length === 0));

    const clerk = await ctx().as('clerk');
    const denied = await clerk.patch(`/api/org/windows/${windows[0]?.id}`, {
      name: 'x',
      expectedRevision: 1,
    });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'ACCESS_DENIED');
  });
});
