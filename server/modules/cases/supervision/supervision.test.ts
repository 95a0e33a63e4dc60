import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { findOrgUnit, findOrgUnitByCode } from '../../org/index.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { acceptLongAgo, person, setUpItems } from '../testing/http-test-support.ts';
import { recomputeWarnings } from './recompute-warnings.ts';

type Group = { key: string; name: string; yellow: number; red: number };
type Supervision = {
  items: { id: string; number: string; servicePointId: string | null; servicePointName: string | null }[];
  byDepartment: Group[];
  byWindow: Group[];
  byServicePoint: Group[];
};

describeEachDb(
  '效能监察 by service point (demo cases)',
  (ctx) => {
    let lishu: { id: string; path: string };
    let guojia: { id: string; path: string };
    /** The township path each service point lies in, for the rows' points. */
    const pointPaths = new Map<string, string>();
    const pathOf = async (id: string | null) => {
      if (!id) return '';
      if (!pointPaths.has(id)) pointPaths.set(id, (await findOrgUnit(ctx().platform.db, id))?.path ?? '');
      return pointPaths.get(id) ?? '';
    };
    const inLishu = async (id: string | null) => (await pathOf(id)).startsWith(lishu.path);

    before(async () => {
      const db = ctx().platform.db;
      const [l, g] = [await findOrgUnitByCode(db, '220322004'), await findOrgUnitByCode(db, '220322005')];
      assert.ok(l && g);
      lishu = l;
      guojia = g;
      // Beside the demo's own: one overdue case at each township, received on Mon 12 Oct 2026 and left waiting.
      const items = await setUpItems(ctx());
      for (const [clerk, seq] of [
        ['lishuzhen', 80],
        ['guojiadian', 81],
      ] as const) {
        await acceptLongAgo(ctx(), clerk, {
          itemId: items.marketLocal,
          applicant: person(seq),
          situations: { s1: 'self' },
          form: { shopName: `${clerk}五金店` },
        });
      }
      await recomputeWarnings(ctx().platform, DEFAULT_CASE_SETTINGS);
      // A township supervisor, created by 梨树镇's own administrator.
      ok(
        await (await ctx().as('townadmin')).post('/api/org/staff', {
          username: 'lszsup',
          name: '韩督查',
          orgUnitId: lishu.id,
          initialPassword: 'Init-Pass-2026',
          roles: [{ role: 'supervisor', scopeOrgUnitId: lishu.id }],
        }),
      );
      await ctx().firstLogIn('lszsup', 'Init-Pass-2026');
    });

    test('rows name their service point; counts by service point beside department and window', async () => {
      const view = ok<Supervision>(await (await ctx().as('supervisor')).get('/api/cases/supervision'));
      const atPoints = view.items.filter((i) => i.servicePointId);
      assert.ok(atPoints.some((i) => i.servicePointName === '梨树镇'));
      assert.ok(atPoints.some((i) => i.servicePointName === '郭家店镇'));
      assert.ok(
        view.items.some((i) => i.servicePointId === null),
        'county-centre windows have no point',
      );
      for (const g of view.byServicePoint) {
        const rows = atPoints.filter((i) => i.servicePointId === g.key);
        assert.equal(g.yellow + g.red, rows.length, g.name);
        assert.ok(rows.every((r) => r.servicePointName === g.name));
      }
      assert.equal(
        view.byServicePoint.reduce((n, g) => n + g.yellow + g.red, 0),
        atPoints.length,
      );
      assert.ok(view.byDepartment.length > 0 && view.byWindow.length > 0);
    });

    test('a township supervisor sees only the township’s points; its administrator does not supervise', async () => {
      expectError(await (await ctx().as('townadmin')).get('/api/cases/supervision'), 403, 'ACCESS_DENIED');
      const township = await ctx().as('lszsup');
      const view = ok<Supervision>(await township.get('/api/cases/supervision'));
      assert.ok(view.items.length > 0);
      for (const row of view.items) assert.ok(await inLishu(row.servicePointId), row.number);
      for (const g of view.byServicePoint) assert.ok(await inLishu(g.key), g.name);
      assert.ok(!view.byServicePoint.some((g) => g.name === '郭家店镇'));
      // Asking for another township's point finds nothing, as for any place outside the area.
      const other = ok<Supervision>(await township.get(`/api/cases/supervision?servicePointId=${guojia.id}`));
      assert.deepEqual(other.items, []);
      assert.deepEqual(other.byServicePoint, []);
    });

    test('the county supervisor filters by 梨树镇 (220322004) and gets only its cases', async () => {
      const supervisor = await ctx().as('supervisor');
      const all = ok<Supervision>(await supervisor.get('/api/cases/supervision'));
      const view = ok<Supervision>(await supervisor.get(`/api/cases/supervision?servicePointId=${lishu.id}`));
      assert.ok(view.items.length > 0);
      for (const row of view.items) assert.ok(await inLishu(row.servicePointId), row.number);
      const expected: string[] = [];
      for (const row of all.items) if (await inLishu(row.servicePointId)) expected.push(row.id);
      assert.deepEqual(view.items.map((i) => i.id).sort(), expected.sort(), 'all of them, and only them');
      const township = ok<Supervision>(await (await ctx().as('lszsup')).get('/api/cases/supervision'));
      assert.deepEqual(
        township.items.map((i) => i.id).sort(),
        expected.sort(),
        'what the township supervisor sees',
      );
      // The filter is checked: a department or an unknown unit is no service point; junk is a 400.
      const scjg = await findOrgUnitByCode(ctx().platform.db, '220322D01');
      for (const id of [scjg?.id, 'no-such-unit']) {
        const err = expectError(
          await supervisor.get(`/api/cases/supervision?servicePointId=${id}`),
          400,
          'CASE_SERVICE_POINT_INVALID',
        );
        assert.equal(err.details.fields[0].path, 'querystring.servicePointId');
      }
      expectError(
        await supervisor.get(`/api/cases/supervision?servicePointId=${'x'.repeat(65)}`),
        400,
        'VALIDATION_FAILED',
      );
    });
  },
  { demo: true, catalog: true, cases: true },
);
