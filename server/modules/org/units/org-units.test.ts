import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnitView } from '../../../../contracts/org.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';

async function units(c: Client): Promise<OrgUnitView[]> {
  return (await c.get('/api/org/units')).json().items;
}
const named = (list: OrgUnitView[], name: string) => {
  const u = list.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};
const fieldPaths = (body: { error: { details?: { fields?: { path: string }[] } } }) =>
  (body.error.details?.fields ?? []).map((f) => f.path);

describeEachDb('org units', (ctx) => {
  test('anonymous gets 401; a village agent reads the tree; a clerk may not change it', async () => {
    const anon = await ctx().anonymous.get('/api/org/units');
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json().error.code, 'AUTH_REQUIRED');

    const village = await ctx().as('village');
    const list = await units(village);
    assert.ok(list.length > 50);
    assert.ok(
      list.every((u) => u.allowedActions.length === 0),
      'nothing offered to a village agent',
    );

    const clerk = await ctx().as('lishuzhen');
    const county = list.find((u) => u.parentId === null);
    const res = await clerk.post('/api/org/units', {
      parentId: county?.id,
      code: 'X1',
      name: '不该建成',
      kind: 'department',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'ACCESS_DENIED');
  });

  test('admin creates, renames and deletes a department; every change is audited', async () => {
    const admin = await ctx().as('admin');
    const county = (await units(admin)).find((u) => u.parentId === null);
    assert.deepEqual(county?.allowedActions, ['update', 'createChild']);
    const created = await admin.post('/api/org/units', {
      parentId: county?.id,
      code: '220322D90',
      name: '梨树县营商环境建设局',
      kind: 'department',
      creditCode: '91350100M000100Y43',
      phone: '0434-5229999',
      sort: 500,
    });
    assert.equal(created.statusCode, 200, created.body);
    const unit: OrgUnitView = created.json();
    assert.equal(unit.name, '梨树县营商环境建设局');
    assert.equal(unit.parentId, county?.id);
    assert.deepEqual(unit.allowedActions, ['update', 'delete', 'createChild']);

    const renamed = await admin.patch(`/api/org/units/${unit.id}`, {
      name: '梨树县营商环境局',
      address: '梨树镇',
      expectedRevision: unit.revision,
    });
    assert.equal(renamed.statusCode, 200);
    assert.equal(renamed.json().name, '梨树县营商环境局');
    assert.ok((await units(admin)).some((u) => u.name === '梨树县营商环境局'));

    const deleted = await admin.delete(`/api/org/units/${unit.id}`);
    assert.equal(deleted.statusCode, 200);
    assert.ok(!(await units(admin)).some((u) => u.id === unit.id));

    const auditRows = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', unit.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      auditRows.map((r) => r.action),
      ['org.createUnit', 'org.updateUnit', 'org.deleteUnit'],
    );
    assert.ok(auditRows.every((r) => r.actor_name === '系统管理员'));
  });

  test('bad input names the fields; credit codes are checked; codes are unique', async () => {
    const admin = await ctx().as('admin');
    const county = (await units(admin)).find((u) => u.parentId === null);
    const bad = await admin.post('/api/org/units', { parentId: county?.id, code: '', kind: 'castle' });
    assert.equal(bad.statusCode, 400);
    const paths = fieldPaths(bad.json());
    for (const p of ['body.code', 'body.name', 'body.kind']) assert.ok(paths.includes(p), paths.join());

    const wrongCheck = await admin.post('/api/org/units', {
      parentId: county?.id,
      code: '220322D91',
      name: '校验位错误',
      kind: 'department',
      creditCode: '91350100M000100Y44',
    });
    assert.equal(wrongCheck.statusCode, 400);
    assert.equal(wrongCheck.json().error.code, 'CREDIT_CODE_INVALID');
    assert.deepEqual(fieldPaths(wrongCheck.json()), ['body.creditCode']);

    const taken = await admin.post('/api/org/units', {
      parentId: county?.id,
      code: '220322D01',
      name: '重复编码',
      kind: 'department',
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'ORG_UNIT_CODE_TAKEN');

    const noParent = await admin.post('/api/org/units', {
      parentId: 'nope',
      code: 'Z9',
      name: 'x',
      kind: 'village',
    });
    assert.equal(noParent.json().error.code, 'ORG_UNIT_PARENT_INVALID');
    const missing = await admin.patch('/api/org/units/nope', { name: 'x', expectedRevision: 1 });
    assert.equal(missing.statusCode, 404);
  });

  test('deleting a unit that still has children, staff or windows is refused with 409', async () => {
    const admin = await ctx().as('admin');
    const list = await units(admin);
    for (const name of ['梨树镇', '梨树县市场监督管理局', '梨树县政务服务中心']) {
      const res = await admin.delete(`/api/org/units/${named(list, name).id}`);
      assert.equal(res.statusCode, 409, name);
      assert.equal(res.json().error.code, 'ORG_UNIT_HAS_CHILDREN');
    }
    assert.ok(
      (await units(admin)).some((u) => u.name === '梨树镇'),
      'still there',
    );
  });

  test('moving a unit carries its subtree along, and scopes follow the new place', async () => {
    const admin = await ctx().as('admin');
    let list = await units(admin);
    const lishu = named(list, '梨树镇');
    const guojiadian = named(list, '郭家店镇');
    const created = await admin.post('/api/org/units', {
      parentId: lishu.id,
      code: '220322004099',
      name: '试点新村',
      kind: 'village',
    });
    const village: OrgUnitView = created.json();
    const station = (
      await admin.post('/api/org/units', {
        parentId: village.id,
        code: '220322004099S',
        name: '试点新村便民服务站',
        kind: 'service_station',
      })
    ).json() as OrgUnitView;

    const loop = await admin.patch(`/api/org/units/${village.id}`, {
      parentId: station.id,
      expectedRevision: village.revision,
    });
    assert.equal(loop.statusCode, 400);
    assert.equal(loop.json().error.code, 'ORG_UNIT_PARENT_INVALID');
    const self = await admin.patch(`/api/org/units/${village.id}`, {
      parentId: village.id,
      expectedRevision: village.revision,
    });
    assert.equal(self.json().error.code, 'ORG_UNIT_PARENT_INVALID');

    // The 梨树镇 administrator manages the village now, but cannot move it out of 梨树镇.
    const townadmin = await ctx().as('townadmin');
    const away = await townadmin.patch(`/api/org/units/${village.id}`, {
      parentId: guojiadian.id,
      expectedRevision: village.revision,
    });
    assert.equal(away.statusCode, 403);
    assert.equal(away.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const moved = await admin.patch(`/api/org/units/${village.id}`, {
      parentId: guojiadian.id,
      expectedRevision: village.revision,
    });
    assert.equal(moved.json().revision, village.revision + 1, 'a move is a change');
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().parentId, guojiadian.id);
    list = await units(admin);
    assert.equal(named(list, '试点新村便民服务站').parentId, village.id);

    const rows = await ctx()
      .platform.db.withTables<{ org_units: { id: string; path: string } }>()
      .selectFrom('org_units')
      .select(['id', 'path'])
      .where('id', 'in', [guojiadian.id, village.id, station.id])
      .execute();
    const path = new Map(rows.map((r) => [r.id, r.path]));
    assert.equal(path.get(village.id), `${path.get(guojiadian.id)}${village.id}/`);
    assert.equal(path.get(station.id), `${path.get(village.id)}${station.id}/`);

    // Out of 梨树镇 now: its administrator may no longer touch it; 郭家店镇's world has grown.
    const after = await townadmin.patch(`/api/org/units/${station.id}`, {
      name: '改名',
      expectedRevision: station.revision,
    });
    assert.equal(after.json().error.code, 'ACCESS_OUT_OF_SCOPE');
    const root = named(list, '梨树县人民政府');
    const rootMove = await admin.patch(`/api/org/units/${root.id}`, {
      parentId: lishu.id,
      expectedRevision: root.revision,
    });
    assert.equal(rootMove.json().error.code, 'ORG_UNIT_PARENT_INVALID');
  });
});
