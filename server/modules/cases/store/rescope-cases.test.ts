import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseSummaryView } from '../../../../contracts/case-views.ts';
import type { OrgUnitView } from '../../../../contracts/org.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import { isAppError } from '../../../platform/errors.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { computeClock } from '../domain/clock.ts';
import { projectionOf } from './projection.ts';
import { allCaseIds, rebuildProjection } from './rebuild.ts';
import { appendActions, casesDb, loadCase } from './store.ts';

/**
 * Cases move with their org unit. The probe moved 南杏山村 from 梨树镇 to 郭家店镇: the 梨树镇 clerk still
 * read its cases, while 郭家店镇 and the village's own agent were refused, because the paths stored on
 * each case never moved. Now the move re-scopes them in its transaction, says so in its audit row,
 * and a rebuild of the projections from the action log keeps them where the unit is now.
 */
describeEachDb(
  'moving an org unit moves its cases',
  (ctx) => {
    const read = async (who: Client, id: string) => (await who.get(`/api/cases/${id}`)).statusCode;
    const listed = async (who: Client, id: string) => {
      const res = await who.get(`/api/cases?pageSize=100&servicePointId=${village.id}`);
      if (res.statusCode !== 200) return false;
      return (res.json().items as CaseSummaryView[]).some((c) => c.id === id);
    };
    let village: OrgUnitView;

    test('after 南杏山村 moves to 郭家店镇, 梨树镇 no longer reads its cases and 郭家店镇 and the village agent do; a rebuild keeps it so', async () => {
      const admin = await ctx().as('admin');
      const lishuzhen = await ctx().as('lishuzhen');
      const guojiadian = await ctx().as('guojiadian');
      const agent = await ctx().as('village');
      const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
      const unit = (name: string) => {
        const u = units.find((x) => x.name === name);
        if (!u) throw new Error(`no unit ${name}`);
        return u;
      };
      village = unit('南杏山村');
      const villageCases: CaseSummaryView[] = (await agent.get('/api/cases?pageSize=100')).json().items;
      assert.ok(villageCases.length > 0, 'the demo has cases received in 南杏山村');
      const first = villageCases[0];
      assert.ok(first);
      // Before: 梨树镇 reads it (and caches its state), 郭家店镇 does not.
      assert.equal(await read(lishuzhen, first.id), 200);
      assert.equal(await listed(lishuzhen, first.id), true);
      assert.equal(await read(guojiadian, first.id), 403);

      const moved = await admin.patch(`/api/org/units/${village.id}`, {
        parentId: unit('郭家店镇').id,
        expectedRevision: village.revision,
      });
      assert.equal(moved.statusCode, 200, moved.body);

      const refused = await lishuzhen.get(`/api/cases/${first.id}`);
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(refused.json().error.code, 'ACCESS_OUT_OF_SCOPE');
      assert.equal(
        (await lishuzhen.post(`/api/cases/${first.id}/personal`)).statusCode,
        403,
        'nor its full ID number',
      );
      assert.equal(await listed(lishuzhen, first.id), false, 'gone from 梨树镇 lists');
      for (const c of villageCases) {
        assert.equal(await read(guojiadian, c.id), 200, `郭家店镇 reads ${c.number}`);
        assert.equal(await read(agent, c.id), 200, `the village agent reads ${c.number}`);
      }
      assert.equal(await listed(guojiadian, first.id), true, 'in 郭家店镇 lists');
      assert.equal(await listed(agent, first.id), true, "in the agent's lists");

      // The move's audit row says what moved with it.
      const audit = (await admin.get(`/api/audit?action=org.moveUnit&entityId=${village.id}`)).json();
      const row = audit.items?.[0];
      assert.ok(row, JSON.stringify(audit));
      const rescoped = row.detail.rescoped as Record<string, number>;
      assert.equal(rescoped.orgUnits, 2, '南杏山村 and its 便民服务站');
      assert.ok((rescoped.grants ?? 0) >= 1, 'the agent’s grant');
      assert.ok((rescoped.staff ?? 0) >= 1, 'the agent');
      assert.equal(rescoped.cases, villageCases.length, 'every case received there');

      // A rebuild from the log resolves the paths from today's org tree: equal to the moved projection.
      const db = ctx().platform.db;
      const calendar = await getWorkCalendar(db);
      for (const id of await allCaseIds(db)) {
        const stored = await casesDb(db)
          .selectFrom('cases')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const rebuilt = await rebuildProjection(db, {
          caseId: id,
          calendar,
          clockOn: stored.clock_on,
          settings: DEFAULT_CASE_SETTINGS,
        });
        assert.deepEqual(rebuilt.row, stored, `projection of ${stored.number}`);
      }
      const again = await lishuzhen.get(`/api/cases/${first.id}`);
      assert.equal(again.statusCode, 403, 'still refused after the rebuild check');

      // The village agent works on at its new place: its cases' actions still pass the scope checks.
      const after = await agent.get(`/api/cases/${first.id}`);
      assert.equal(after.statusCode, 200);
    });

    test('a case write decided on a state loaded before a move does not write the old paths back', async () => {
      const admin = await ctx().as('admin');
      const agent = await ctx().as('village');
      const units: OrgUnitView[] = (await admin.get('/api/org/units')).json().items;
      const lishu = units.find((u) => u.name === '梨树镇');
      assert.ok(lishu);
      const [first] = (await agent.get('/api/cases?pageSize=1')).json().items as CaseSummaryView[];
      assert.ok(first);
      const db = ctx().platform.db;
      // A writer loads the case (as every action does in its transaction), then the unit moves back.
      const stale = await loadCase(db, first.id);
      const at = units.find((u) => u.id === village.id)?.revision;
      const moved = await admin.patch(`/api/org/units/${village.id}`, {
        parentId: lishu.id,
        expectedRevision: at,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const calendar = await getWorkCalendar(db);
      const clockOn = stale.state.receivedAt.slice(0, 10);
      const clock = computeClock(stale.state, { calendar, today: clockOn, settings: DEFAULT_CASE_SETTINGS });
      const row = projectionOf(stale.state, { clock, clockOn, lastHash: stale.lastHash });
      await assert.rejects(appendActions(db, { before: stale.state, row, actions: [] }), (e) =>
        isAppError(e, 'CASE_STALE_VERSION'),
      );
      const lishuzhen = await ctx().as('lishuzhen');
      assert.equal(await read(lishuzhen, first.id), 200, 'the case is back in 梨树镇');
      assert.equal(await read(await ctx().as('guojiadian'), first.id), 403);
    });
  },
  { catalog: true, cases: true },
);
