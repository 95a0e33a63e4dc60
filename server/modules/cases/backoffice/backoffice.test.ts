import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import { dropAppendOnly } from '../../../platform/db/append-only.ts';
import { nowIso } from '../../../platform/time.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { allCaseIds, rebuildProjection } from '../store/rebuild.ts';
import { casesDb } from '../store/store.ts';
import { recomputeWarnings } from '../supervision/recompute-warnings.ts';
import {
  actorOf,
  type CountyDesk,
  intakeAtA01,
  intakeByClerk,
  person,
  setUpCountyDesk,
} from '../testing/http-test-support.ts';
import { insertTestItem } from '../testing/test-items.ts';
import { actOnCase } from './act-on-case.ts';

describeEachDb(
  'case back office, supervision and projections',
  (ctx) => {
    let desk: CountyDesk;
    before(async () => {
      desk = await setUpCountyDesk(ctx());
    });

    const accept = async (seq: number) => intakeByClerk(ctx(), desk, { applicant: person(seq) });

    test('return, correction after acceptance, special procedure, extension, assignment, withdrawal, voiding', async () => {
      const c = await accept(30);
      const handler = await ctx().as('scjg_handler');
      const reviewer = await ctx().as('scjg_reviewer');
      const approver = await ctx().as('scjg_approver');
      let v = ok(
        await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: '同意' }),
      ).version;
      const returned = ok<{ version: number; stepName: string }>(
        await reviewer.post(`/api/cases/${c.id}/return`, { version: v, reason: '核查记录不全' }),
      );
      assert.equal(returned.stepName, '承办');
      v = returned.version;
      const paused = ok<{ version: number; status: string; paused: boolean }>(
        await handler.post(`/api/cases/${c.id}/correction`, {
          version: v,
          items: [{ name: '经营场所证明', problem: '地址与申请书不一致' }],
        }),
      );
      assert.equal(paused.status, 'process_correction');
      assert.equal(paused.paused, true);
      v = ok(
        await (await ctx().as('clerk')).post(`/api/cases/${c.id}/resubmit`, { version: paused.version }),
      ).version;
      v = ok(
        await handler.post(`/api/cases/${c.id}/special/start`, {
          version: v,
          kind: 'inspection',
          reason: '需现场核查经营场所',
          expectedEnd: shanghaiDay(nowIso()),
        }),
      ).version;
      v = ok(
        await approver.post(`/api/cases/${c.id}/extend`, { version: v, days: 10, reason: '现场核查时间长' }),
      ).version;
      expectError(
        await approver.post(`/api/cases/${c.id}/extend`, { version: v, days: 1, reason: '再延' }),
        422,
        'CASE_EXTENSION_EXCEEDED',
      );
      expectError(
        await handler.post(`/api/cases/${c.id}/extend`, { version: v, days: 1, reason: 'x' }),
        403,
        'ACCESS_DENIED',
      );
      v = ok(
        await handler.post(`/api/cases/${c.id}/special/end`, { version: v, result: '核查合格' }),
      ).version;
      const reviewerAccount = await actorOf(ctx(), 'scjg_reviewer');
      expectError(
        await approver.post(`/api/cases/${c.id}/assign`, {
          version: v,
          assigneeAccountId: reviewerAccount.accountId,
        }),
        422,
        'CASE_ASSIGNEE_INVALID',
      );
      const handlerAccount = await actorOf(ctx(), 'scjg_handler');
      const assigned = ok<{ version: number; assigneeName: string }>(
        await approver.post(`/api/cases/${c.id}/assign`, {
          version: v,
          assigneeAccountId: handlerAccount.accountId,
        }),
      );
      assert.equal(assigned.assigneeName, '陈志强');
      const inbox = await ctx()
        .platform.db.selectFrom('notifications')
        .select('template')
        .where('recipient_account_id', '=', handlerAccount.accountId)
        .where('related_id', '=', c.id)
        .execute();
      assert.deepEqual(
        inbox.map((n) => n.template),
        ['case.assigned'],
      );
      const page = ok<{ pauses: { kind: string }[]; extensionDays: number; status: string }>(
        await handler.get(`/api/cases/${c.id}`),
      );
      assert.deepEqual(
        page.pauses.map((p) => p.kind),
        ['correction', 'special'],
      );
      assert.equal(page.extensionDays, 10);
      const withdrawn = ok(
        await (await ctx().as('clerk')).post(`/api/cases/${c.id}/withdraw`, {
          version: assigned.version,
          reason: '申请人申请撤回',
        }),
      );
      assert.equal(withdrawn.status, 'withdrawn');

      const other = await accept(31);
      expectError(
        await handler.post(`/api/cases/${other.id}/void`, { version: other.version, reason: '重复' }),
        403,
        'ACCESS_DENIED',
      );
      const supervisor = await ctx().as('supervisor');
      const summary = ok<{ allowedActions: string[] }>(
        await supervisor.get(`/api/cases/${other.id}/summary`),
      );
      assert.deepEqual(summary.allowedActions, ['void']);
      const voided = ok(
        await supervisor.post(`/api/cases/${other.id}/void`, { version: other.version, reason: '重复录入' }),
      );
      assert.equal(voided.status, 'voided');
    });

    test('supervision: an old case turns red at the daily recomputation, by department and window, with the step that lost time', async () => {
      const clerk = await actorOf(ctx(), 'clerk');
      const handler = await actorOf(ctx(), 'scjg_handler');
      const settings = DEFAULT_CASE_SETTINGS;
      // Accepted on Mon 12 Oct 2026: 10 working days promised, due Mon 26 Oct; claimed, never passed on.
      const then = '2026-10-12T02:00:00.000Z';
      const old = await receiveCase(ctx().platform, clerk, {
        intake: { ...intakeAtA01(desk, person(32)), decision: 'accept', form: {}, situations: {} },
        settings,
        now: then,
      });
      await actOnCase(ctx().platform, handler, {
        caseId: old.state.id,
        version: old.state.version,
        command: { type: 'claim' },
        settings,
        now: then,
      });
      const stale = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .select(['warning_level', 'clock_on'])
        .where('id', '=', old.state.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stale, { warning_level: 'green', clock_on: '2026-10-12' });
      const today = shanghaiDay(nowIso());
      const summary = await recomputeWarnings(ctx().platform, settings, { today });
      assert.ok(summary.raised >= 1);
      const supervisor = await ctx().as('supervisor');
      const view = ok<{
        items: {
          id: string;
          warningLevel: string;
          lostStep: string;
          usedDays: number;
          promisedDue: string;
        }[];
        byDepartment: { name: string; red: number }[];
        byWindow: { name: string; red: number }[];
      }>(await supervisor.get('/api/cases/supervision?level=red'));
      const row = view.items.find((i) => i.id === old.state.id);
      assert.ok(row, 'the overdue case is listed');
      assert.equal(row.lostStep, '承办');
      assert.equal(row.promisedDue, '2026-10-26');
      assert.ok(row.usedDays > 10);
      assert.ok(view.byDepartment.some((g) => g.name === '梨树县市场监督管理局' && g.red >= 1));
      assert.ok(view.byWindow.some((g) => g.name === '梨树县政务服务中心 A01窗口' && g.red >= 1));
      const inbox = await ctx()
        .platform.db.selectFrom('notifications')
        .select('template')
        .where('recipient_account_id', '=', handler.accountId)
        .where('related_id', '=', old.state.id)
        .execute();
      assert.deepEqual(
        inbox.map((n) => n.template),
        ['case.warning'],
      );
      expectError(await (await ctx().as('scjg_handler')).get('/api/cases/supervision'), 403, 'ACCESS_DENIED');
    });

    test('process definitions are data: a two-step process for an item, checked, snapshotted at acceptance', async () => {
      const catalog = await ctx().as('catalog');
      const dflt = ok<{ isDefault: boolean; steps: { name: string; budgetDays: number }[] }>(
        await catalog.get(`/api/case-processes/${desk.items.market}`),
      );
      assert.equal(dflt.isDefault, true);
      assert.deepEqual(
        dflt.steps.map((x) => [x.name, x.budgetDays]),
        [
          ['承办', 5],
          ['审核', 3],
          ['批准', 2],
        ],
      );
      const bad = expectError(
        await catalog.put(`/api/case-processes/${desk.items.market}`, {
          expectedRevision: 0,
          steps: [{ key: 'handle', name: '承办', role: 'dept_handler', budgetDays: 5 }],
        }),
        400,
        'CASE_PROCESS_INVALID',
      );
      assert.equal(bad.details.fields[0].path, 'body.steps.0.role');
      // Budgets: every step a working day at least, all within the promised 10 days.
      const idle = expectError(
        await catalog.put(`/api/case-processes/${desk.items.market}`, {
          expectedRevision: 0,
          steps: [
            { key: 'handle', name: '承办', role: 'dept_handler', budgetDays: 10 },
            { key: 'approve', name: '批准', role: 'dept_approver', budgetDays: 0 },
          ],
        }),
        400,
        'CASE_PROCESS_BUDGET_INVALID',
      );
      assert.equal(idle.details.fields[0].path, 'body.steps.1.budgetDays');
      const over = expectError(
        await catalog.put(`/api/case-processes/${desk.items.market}`, {
          expectedRevision: 0,
          steps: [
            { key: 'handle', name: '承办', role: 'dept_handler', budgetDays: 7 },
            { key: 'approve', name: '批准', role: 'dept_approver', budgetDays: 4 },
          ],
        }),
        400,
        'CASE_PROCESS_BUDGET_INVALID',
      );
      assert.equal(over.details.fields[0].path, 'body.steps');
      assert.match(over.message, /每个环节至少 1 天/);
      assert.match(over.details.fields[0].message, /合计 11 个工作日，超过该事项的承诺办结时限 10 个工作日/);
      const steps = [
        { key: 'handle', name: '承办', role: 'dept_handler', budgetDays: 6 },
        { key: 'approve', name: '批准', role: 'dept_approver', budgetDays: 4 },
      ];
      expectError(
        await (await ctx().as('clerk')).put(`/api/case-processes/${desk.items.market}`, {
          steps,
          expectedRevision: 0,
        }),
        403,
        'ACCESS_DENIED',
      );
      const saved = ok<{ revision: number; isDefault: boolean }>(
        await catalog.put(`/api/case-processes/${desk.items.market}`, { steps, expectedRevision: 0 }),
      );
      assert.deepEqual([saved.revision, saved.isDefault], [1, false]);
      const c = await accept(40);
      const handler = await ctx().as('scjg_handler');
      const v = ok(
        await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: '同意' }),
      ).version;
      const approver = await ctx().as('scjg_approver');
      const decided = ok(
        await approver.post(`/api/cases/${c.id}/decide`, { version: v, outcome: 'grant', opinion: '准予' }),
      );
      assert.equal(decided.status, 'decided');
      const page = ok<{ steps: { name: string; budgetDays: number }[] }>(
        await handler.get(`/api/cases/${c.id}`),
      );
      assert.deepEqual(
        page.steps.map((x) => [x.name, x.budgetDays]),
        [
          ['承办', 6],
          ['批准', 4],
        ],
      );
    });

    test('a natural-day (自然日) item: its default budgets, the editor’s rules and wording count natural days', async () => {
      const itemId = await insertTestItem(ctx().platform, {
        name: '建设工程消防设计审查（测试）',
        departmentCode: '220322D01',
        comprehensive: true,
        promisedDays: 30,
        legalDays: 60,
        limitUnit: 'natural_day',
      });
      const catalog = await ctx().as('catalog');
      const dflt = ok<{ steps: { budgetDays: number }[] }>(
        await catalog.get(`/api/case-processes/${itemId}`),
      );
      assert.deepEqual(
        dflt.steps.map((x) => x.budgetDays),
        [15, 9, 6],
      );
      const step = (
        key: string,
        name: string,
        { role, budgetDays }: { role: string; budgetDays: number },
      ) => ({
        key,
        name,
        role,
        budgetDays,
      });
      const over = expectError(
        await catalog.put(`/api/case-processes/${itemId}`, {
          expectedRevision: 0,
          steps: [
            step('handle', '承办', { role: 'dept_handler', budgetDays: 20 }),
            step('approve', '批准', { role: 'dept_approver', budgetDays: 11 }),
          ],
        }),
        400,
        'CASE_PROCESS_BUDGET_INVALID',
      );
      assert.match(over.details.fields[0].message, /合计 31 个自然日，超过该事项的承诺办结时限 30 个自然日/);
      // Budgets up to the 30 natural days are accepted.
      ok(
        await catalog.put(`/api/case-processes/${itemId}`, {
          expectedRevision: 0,
          steps: [
            step('handle', '承办', { role: 'dept_handler', budgetDays: 25 }),
            step('approve', '批准', { role: 'dept_approver', budgetDays: 5 }),
          ],
        }),
      );
    });

    test('every projection rebuilds from its actions alone, and every hash chain holds', async () => {
      const db = ctx().platform.db;
      const calendar = await getWorkCalendar(db);
      const ids = await allCaseIds(db);
      assert.ok(ids.length >= 250, `the demo cases too (${ids.length})`);
      for (const id of ids) {
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
        assert.equal(rebuilt.brokenAt, null, `chain of ${stored.number}`);
        assert.deepEqual(rebuilt.row, stored, `projection of ${stored.number}`);
      }
      // Tampering with one action breaks its case's chain at that action (case_actions is
      // append-only: a database administrator would drop its triggers first).
      const first = ids[0] ?? '';
      await dropAppendOnly(db, ctx().platform.dialect, 'case_actions');
      await casesDb(db)
        .updateTable('case_actions')
        .set({ actor_name: '某人' })
        .where('case_id', '=', first)
        .where('seq', '=', 1)
        .execute();
      const stored = await casesDb(db)
        .selectFrom('cases')
        .select('clock_on')
        .where('id', '=', first)
        .executeTakeFirstOrThrow();
      assert.equal(
        (
          await rebuildProjection(db, {
            caseId: first,
            calendar,
            clockOn: stored.clock_on,
            settings: DEFAULT_CASE_SETTINGS,
          })
        ).brokenAt,
        1,
      );
    });
  },
  { cases: true },
);
