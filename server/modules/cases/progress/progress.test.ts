import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb, type TestContext } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { type CountyDesk, intakeByClerk, person, setUpCountyDesk } from '../testing/http-test-support.ts';
import { milestonesOf } from './lookup-progress.ts';

type Progress = {
  promisedDue: string | null;
  pause: { kind: string; specialKind: string | null; since: string; dueIfResumedToday: string | null } | null;
  currentStep: string | null;
  currentStepRole: string | null;
  milestones: { type: string; label: string; step: string | null; stepRole: string | null; on: string }[];
};

type Accepted = { id: string; number: string; version: number };

/** The public progress lookup of a case, by its number and the last six of the applicant's ID number. */
async function lookUp(ctx: TestContext, c: { number: string }, applicant: { idNumber: string }) {
  const res = await ctx.anonymous.get(
    `/api/public/case-progress?number=${c.number}&tail=${applicant.idNumber.slice(-6)}`,
  );
  return { p: ok<Progress>(res), body: res.body };
}

describeEachDb('public progress: milestones with their action codes and steps', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  test('a delivered case: each milestone has its code, its step and its Chinese words; no names', async () => {
    const applicant = person(70, '韩秀英');
    const c = await intakeByClerk<Accepted>(ctx(), desk, { applicant });
    const post = async (user: string, path: string, body: Record<string, unknown>) =>
      ok(await (await ctx().as(user)).post(`/api/cases/${c.id}/${path}`, body)).version;
    let v = await post('scjg_handler', 'pass', { version: c.version, opinion: '符合条件' });
    v = await post('scjg_reviewer', 'pass', { version: v, opinion: '同意' });
    v = await post('scjg_approver', 'decide', { version: v, outcome: 'grant', opinion: '准予许可' });
    v = await post('scjg_approver', 'conclude', {
      version: v,
      documentName: '食品经营许可证',
      documentNumber: 'JY12203220099999',
    });
    await post('delivery', 'deliver', { version: v, method: 'window' });

    const { p, body } = await lookUp(ctx(), c, applicant);
    assert.deepEqual(
      p.milestones.map((m) => [m.type, m.step, m.stepRole, m.label]),
      [
        ['receive', null, null, '已收件'],
        ['accept', null, null, '已受理'],
        ['pass', '承办', 'dept_handler', '承办环节已完成'],
        ['pass', '审核', 'dept_reviewer', '审核环节已完成'],
        ['decide', '批准', 'dept_approver', '已作出决定'],
        ['conclude', null, null, '已办结'],
        ['deliver', null, null, '已送达'],
      ],
    );
    assert.ok(p.milestones.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.on)));
    assert.equal(p.currentStep, null, 'a delivered case is at no step');
    // No applicant data, and no staff names: only what happened, at which step, on which day.
    for (const secret of [
      '韩秀英',
      applicant.idNumber,
      applicant.phone,
      '陈志强',
      '杨文静',
      '周宏伟',
      '张丽娜',
      '李秀梅',
    ]) {
      assert.ok(!body.includes(secret), `no ${secret} in the public answer`);
    }
  });

  test('a correction asked at 承办 names the step; the current step comes with its role', async () => {
    const applicant = person(71);
    const c = await intakeByClerk<Accepted>(ctx(), desk, { applicant });
    ok(
      await (await ctx().as('scjg_handler')).post(`/api/cases/${c.id}/correction`, {
        version: c.version,
        items: [{ name: '经营场所证明', problem: '地址与申请书不一致' }],
      }),
    );
    const { p } = await lookUp(ctx(), c, applicant);
    assert.deepEqual(
      p.milestones.map((m) => [m.type, m.step]),
      [
        ['receive', null],
        ['accept', null],
        ['requestCorrection', '承办'],
      ],
    );
    assert.equal(p.currentStep, '承办');
    assert.equal(p.currentStepRole, 'dept_handler');
  });
});

describeEachDb(
  'public progress: the due date, and while the clock is paused, since when and till when',
  (ctx) => {
    let desk: CountyDesk;
    before(async () => {
      desk = await setUpCountyDesk(ctx());
    });

    type Page = {
      promisedDue: string | null;
      pausedSince: string | null;
      promisedDueIfResumedToday: string | null;
    };

    test('running, in a special procedure, in correction: the date staff see, never the reasons', async () => {
      const applicant = person(72);
      const c = await intakeByClerk<Accepted>(ctx(), desk, { applicant });
      const handler = await ctx().as('scjg_handler');
      const lookup = () => lookUp(ctx(), c, applicant);
      const staffPage = async () => ok<Page>(await handler.get(`/api/cases/${c.id}`));

      const running = await lookup();
      const page = await staffPage();
      assert.ok(page.promisedDue, 'the clerk sees a promised date (2026 is published)');
      assert.equal(running.p.promisedDue, page.promisedDue);
      assert.equal(running.p.pause, null);

      // A special procedure whose reason names a person: the public learns the kind and the day only.
      let v = ok(
        await handler.post(`/api/cases/${c.id}/special/start`, {
          version: c.version,
          kind: 'hearing',
          reason: '利害关系人王建军申请听证',
          expectedEnd: '2026-12-31',
        }),
      ).version;
      const special = await lookup();
      const paused = await staffPage();
      assert.ok(paused.pausedSince);
      assert.equal(special.p.promisedDue, null, 'no fixed date while the clock is stopped');
      assert.deepEqual(special.p.pause, {
        kind: 'special',
        specialKind: 'hearing',
        since: paused.pausedSince,
        dueIfResumedToday: paused.promisedDueIfResumedToday,
      });
      assert.ok(special.p.pause?.dueIfResumedToday, 'the date if resumed today is known');
      assert.ok(!special.body.includes('王建军'), 'no reason text in the public answer');

      v = ok(
        await handler.post(`/api/cases/${c.id}/special/end`, { version: v, result: '听证后王建军撤回异议' }),
      ).version;
      const resumed = await lookup();
      assert.equal(resumed.p.pause, null);
      assert.equal(resumed.p.promisedDue, (await staffPage()).promisedDue);
      assert.ok(!resumed.body.includes('王建军'));

      ok(
        await handler.post(`/api/cases/${c.id}/correction`, {
          version: v,
          items: [{ name: '经营场所证明', problem: '租赁合同出租人签名与产权人不符' }],
        }),
      );
      const correction = await lookup();
      const inCorrection = await staffPage();
      assert.deepEqual(correction.p.pause, {
        kind: 'correction',
        specialKind: null,
        since: inCorrection.pausedSince,
        dueIfResumedToday: inCorrection.promisedDueIfResumedToday,
      });
      assert.equal(correction.p.promisedDue, null);
      assert.ok(!correction.body.includes('出租人签名'), 'no correction text in the public answer');
    });
  },
);

test('a return sends the step back: the next pass names the step passed again', () => {
  const steps = [
    { key: 'h', name: '承办', role: 'dept_handler' as const },
    { key: 'r', name: '审核', role: 'dept_reviewer' as const },
  ].map((s) => ({ ...s, departmentId: 'd', departmentPath: '/c/d/', departmentName: '部门', budgetDays: 1 }));
  const at = '2026-11-02T02:00:00.000Z';
  const m = milestonesOf(steps, [
    { type: 'receive', at, step: null },
    { type: 'accept', at, step: null },
    { type: 'pass', at, step: 0 },
    { type: 'returnStep', at, step: 1 },
    { type: 'startSpecial', at, step: null },
    { type: 'pass', at, step: 0 },
    { type: 'claim', at, step: null },
    { type: 'decide', at, step: 1 },
  ]);
  assert.deepEqual(
    m.map((x) => `${x.type}:${x.step ?? '-'}`),
    ['receive:-', 'accept:-', 'pass:承办', 'startSpecial:承办', 'pass:承办', 'decide:审核'],
  );
});
