import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import {
  accountIdOf,
  type CountyDesk,
  intakeByClerk,
  person,
  setUpCountyDesk,
} from '../testing/http-test-support.ts';

type Assignees = {
  stepName: string;
  departmentName: string;
  items: { accountId: string; name: string; title: string | null; orgUnitName: string; current: boolean }[];
};

describeEachDb('分派: who is offered and who is refused', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  const accept = async (seq: number) => intakeByClerk(ctx(), desk, { applicant: person(seq) });

  test('at 承办 the market handler is offered, the police handler is not and is refused', async () => {
    const c = await accept(60);
    const handler = await ctx().as('scjg_handler');
    const res = await handler.get(`/api/cases/${c.id}/assignees`);
    const list = ok<Assignees>(res);
    assert.equal(list.stepName, '承办');
    assert.equal(list.departmentName, '梨树县市场监督管理局');
    const names = list.items.map((s) => s.name);
    assert.ok(names.includes('陈志强'), `scjg_handler offered: ${names}`);
    assert.ok(!names.includes('吴海涛'), 'gaj_handler is not offered');
    assert.ok(!names.includes('杨文静') && !names.includes('周宏伟'), 'reviewer and approver do not handle');
    const chen = list.items.find((s) => s.name === '陈志强');
    assert.equal(chen?.orgUnitName, '梨树县市场监督管理局');
    assert.equal(chen?.accountId, await accountIdOf(ctx(), 'scjg_handler'));
    assert.equal(chen?.current, false);
    // Names, titles and units only: no phone (13943401007) and no ID number.
    assert.ok(!res.body.includes('13943401007') && !/phone|idNumber/i.test(res.body), res.body);

    // Assigning someone who cannot act at the step is refused, at the field.
    const gaj = await accountIdOf(ctx(), 'gaj_handler');
    const err = expectError(
      await handler.post(`/api/cases/${c.id}/assign`, { version: c.version, assigneeAccountId: gaj }),
      422,
      'CASE_ASSIGNEE_INVALID',
    );
    assert.equal(err.details.fields[0].path, 'body.assigneeAccountId');
    assert.match(err.message, /无权办理该环节/);
    const en = await handler.post(
      `/api/cases/${c.id}/assign`,
      { version: c.version, assigneeAccountId: gaj },
      { 'accept-language': 'en-US' },
    );
    assert.equal(en.json().error.message, 'The assignee may not act at this step');

    // Someone who may not assign at all is told so, whoever they name.
    expectError(
      await (await ctx().as('clerk')).post(`/api/cases/${c.id}/assign`, {
        version: c.version,
        assigneeAccountId: gaj,
      }),
      403,
      'ACCESS_DENIED',
    );

    // Whoever is offered can be assigned, and is then marked as the current one.
    const assigned = ok<{ assigneeName: string }>(
      await handler.post(`/api/cases/${c.id}/assign`, {
        version: c.version,
        assigneeAccountId: chen?.accountId,
      }),
    );
    assert.equal(assigned.assigneeName, '陈志强');
    const again = ok<Assignees>(await handler.get(`/api/cases/${c.id}/assignees`));
    assert.equal(again.items.find((s) => s.name === '陈志强')?.current, true);
  });

  test('at 审核 the reviewers are offered; only those who may assign may ask', async () => {
    const c = await accept(61);
    const handler = await ctx().as('scjg_handler');
    ok(await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: '同意' }));
    const approver = await ctx().as('scjg_approver');
    const list = ok<Assignees>(await approver.get(`/api/cases/${c.id}/assignees`));
    assert.equal(list.stepName, '审核');
    assert.deepEqual(
      list.items.map((s) => s.name),
      ['杨文静'],
    );
    // The reviewer may act at 审核 and so may assign there; the handler no longer may.
    ok(await (await ctx().as('scjg_reviewer')).get(`/api/cases/${c.id}/assignees`));
    expectError(await handler.get(`/api/cases/${c.id}/assignees`), 403, 'ACCESS_DENIED');
    // The clerk who received it reads the case but does not assign; another department cannot even read it.
    expectError(await (await ctx().as('clerk')).get(`/api/cases/${c.id}/assignees`), 403, 'ACCESS_DENIED');
    expectError(
      await (await ctx().as('gaj_handler')).get(`/api/cases/${c.id}/assignees`),
      403,
      'ACCESS_OUT_OF_SCOPE',
    );
    // A case that is not at a step has nobody to assign.
    const received = await intakeByClerk(ctx(), desk, {
      applicant: person(62),
      over: { decision: 'receive' },
    });
    expectError(await approver.get(`/api/cases/${received.id}/assignees`), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectError(await approver.get('/api/cases/no-such-case/assignees'), 404, 'CASE_NOT_FOUND');
  });
});
