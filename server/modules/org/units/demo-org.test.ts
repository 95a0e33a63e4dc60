import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidCreditCode } from '../../../../contracts/identifiers.ts';
import type { OrgUnitView, StaffView, WindowView } from '../../../../contracts/org.ts';
import { DEMO_ACCOUNTS } from '../../../../demo/logins.ts';
import { DEMO_TOWNSHIPS } from '../../../../demo/org.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';

describeEachDb('demo organisation of 梨树县', (ctx) => {
  // Log-ins are rate limited (20 a minute per address): one admin session serves the suite.
  let adminClient: Client | null = null;
  const asAdmin = async () => {
    adminClient ??= await ctx().as('admin');
    return adminClient;
  };

  test('the tree: county government, ~30 departments, the centre, 24 townships, 7 villages', async () => {
    const admin = await asAdmin();
    const res = await admin.get('/api/org/units');
    assert.equal(res.statusCode, 200);
    const units: OrgUnitView[] = res.json().items;
    const roots = units.filter((u) => u.parentId === null);
    assert.deepEqual(
      roots.map((r) => [r.name, r.code, r.kind]),
      [['梨树县人民政府', '220322', 'government']],
    );
    const root = roots[0];
    const depts = units.filter((u) => u.kind === 'department');
    assert.ok(depts.length >= 28 && depts.length <= 32, `${depts.length} departments`);
    assert.ok(depts.every((d) => d.parentId === root?.id));
    assert.ok(
      depts.every((d) => d.creditCode && isValidCreditCode(d.creditCode)),
      'credit codes validate',
    );
    assert.equal(new Set(depts.map((d) => d.creditCode)).size, depts.length, 'credit codes are distinct');
    for (const name of [
      '梨树县市场监督管理局',
      '梨树县公安局',
      '梨树县司法局',
      '梨树县政务服务和数字化建设管理局',
    ]) {
      assert.ok(
        depts.some((d) => d.name === name),
        name,
      );
    }

    const townships = units.filter((u) => u.kind === 'township');
    assert.deepEqual(
      townships.map((t) => t.name),
      [...DEMO_TOWNSHIPS],
      'the 24 townships, in DOMAIN order',
    );
    assert.equal(townships[3]?.code, '220322004');
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const t of townships) {
      const centres = units.filter((u) => u.parentId === t.id && u.kind === 'service_centre');
      assert.equal(centres.length, 1, `${t.name} has a 便民服务中心`);
    }

    const villages = units.filter((u) => u.kind === 'village');
    assert.equal(villages.length, 7);
    const townshipOf = (v: OrgUnitView) => byId.get(v.parentId ?? '')?.name;
    assert.ok(villages.filter((v) => townshipOf(v) === '梨树镇').length >= 2);
    assert.ok(villages.filter((v) => townshipOf(v) === '郭家店镇').length >= 1);
    for (const v of villages) {
      assert.ok(
        units.some((u) => u.parentId === v.id && u.kind === 'service_station'),
        `${v.name} has a station`,
      );
    }

    const centre = units.find((u) => u.name === '梨树县政务服务中心');
    assert.equal(centre?.kind, 'service_centre');
    assert.equal(byId.get(centre?.parentId ?? '')?.name, '梨树县政务服务和数字化建设管理局');
  });

  test('windows of the county centre: A01–A08, specialist, delivery and bundle windows', async () => {
    const admin = await asAdmin();
    const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
    const centre = units.find((u) => u.name === '梨树县政务服务中心');
    const res = await admin.get(`/api/org/windows?serviceCentreId=${centre?.id}`);
    assert.equal(res.statusCode, 200);
    const windows: WindowView[] = res.json().items;
    const comprehensive = windows.filter((w) => w.kind === 'comprehensive').map((w) => w.number);
    assert.deepEqual(comprehensive, ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08']);
    const specialist = windows.filter((w) => w.kind === 'specialist');
    assert.ok(specialist.length >= 4);
    assert.ok(specialist.every((w) => w.departmentId && w.departmentName));
    assert.ok(specialist.some((w) => w.departmentName === '梨树县公安局'));
    assert.ok(specialist.some((w) => w.departmentName === '梨树县不动产登记中心'));
    assert.equal(windows.filter((w) => w.kind === 'delivery')[0]?.name, '统一出件窗口');
    assert.equal(windows.filter((w) => w.kind === 'bundle').length, 1);
    assert.ok(windows.every((w) => w.serviceCentreName === '梨树县政务服务中心' && w.active));

    const all: WindowView[] = (await admin.get('/api/org/windows')).json().items;
    const lishu = all.filter((w) => w.serviceCentreName === '梨树镇便民服务中心');
    assert.deepEqual(
      lishu.map((w) => [w.number, w.kind]),
      [
        ['A01', 'comprehensive'],
        ['A02', 'comprehensive'],
      ],
    );
  });

  test('every demo account logs in and holds the role and scope it is described with', async () => {
    const admin = await asAdmin();
    const staff: StaffView[] = (await admin.get('/api/org/staff?pageSize=100')).json().items;
    for (const a of DEMO_ACCOUNTS) {
      const row = staff.find((s) => s.username === a.username);
      assert.ok(row, a.username);
      assert.equal(row.name, a.name);
      assert.deepEqual(
        row.roles.map((r) => r.role),
        a.roles.map(([role]) => role),
      );
      assert.match(row.phoneMasked ?? '', /^1\d\d\*{4}\d{4}$/);
    }
    const clerk = staff.find((s) => s.username === 'clerk');
    assert.equal(clerk?.orgUnitName, '梨树县政务服务中心');
    assert.equal(clerk?.windowName, 'A01 综合受理窗口');
    assert.equal(staff.find((s) => s.username === 'delivery')?.windowName, 'C01 统一出件窗口');
    assert.equal(staff.find((s) => s.username === 'townadmin')?.roles[0]?.scopeName, '梨树镇');
    assert.equal(staff.find((s) => s.username === 'village')?.orgUnitName, '南杏山村');
    const countyWide: Record<string, boolean[]> = {};
    for (const a of DEMO_ACCOUNTS.filter((x) => x.username !== 'admin')) {
      const c = await ctx().as(a.username);
      const me = (await c.get('/api/auth/me')).json();
      assert.equal(me.username, a.username);
      countyWide[a.username] = me.grants.map((g: { countyWide: boolean }) => g.countyWide);
    }
    // Only a grant over the county itself reaches county resources (the console hides them otherwise).
    assert.deepEqual(countyWide.supervisor, [true]);
    assert.deepEqual(countyWide.townadmin, [false], '梨树镇 only');
    assert.deepEqual(countyWide.lishuzhen, [false]);
    assert.deepEqual(countyWide.scjg_handler, [false], 'a department');
  });
});
