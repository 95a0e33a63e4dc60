import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { nowIso } from '../../../platform/time.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import {
  actorOf,
  type CountyDesk,
  idNumber,
  intakeAtA01,
  intakeByClerk,
  person,
  setUpCountyDesk,
} from '../testing/http-test-support.ts';

/** The applicant hears of every decision by SMS: each one lands in the outbox, with no personal data. */
describeEachDb('case SMS to the applicant', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  /** The texts queued for a case, oldest first: template and body. */
  const outbox = async (caseId: string) =>
    ctx()
      .platform.db.selectFrom('notifications')
      .select(['template', 'body', 'recipient_masked', 'status'])
      .where('channel', '=', 'sms')
      .where('related_id', '=', caseId)
      .orderBy('created_at')
      .execute();

  const intake = async (seq: number, decision: string, extra: Record<string, unknown> = {}) =>
    intakeByClerk<{ id: string; version: number; number: string }>(ctx(), desk, {
      applicant: person(seq, '钱多多'),
      over: {
        decision,
        ...extra,
      },
    });
  const act = async (
    who: Client,
    { id, action }: { id: string; action: string },
    body: Record<string, unknown>,
  ) => ok<{ version: number; status: string }>(await who.post(`/api/cases/${id}/${action}`, body));

  /** Checks the texts of a case: the templates in order, each naming the case and no personal data. */
  const expectTexts = async (c: { id: string; number: string }, seq: number, templates: string[]) => {
    const texts = await outbox(c.id);
    assert.deepEqual(
      texts.map((t) => t.template),
      templates,
    );
    for (const t of texts) {
      assert.match(t.body, /^【[^】]+】您的办件/);
      assert.ok(t.body.includes(c.number) && t.body.includes('食品经营许可（新办）'), t.body);
      assert.ok(!t.body.includes('钱多多') && !t.body.includes(idNumber(seq)), 'no personal data');
      assert.equal(t.recipient_masked, `139****${String(seq).padStart(4, '0')}`);
      assert.equal(t.status, 'queued');
    }
    return texts.map((t) => t.body);
  };

  test('granted: accepted, extended, special procedure, concluded (ready), delivered by mail', async () => {
    const handler = await ctx().as('scjg_handler');
    const reviewer = await ctx().as('scjg_reviewer');
    const approver = await ctx().as('scjg_approver');
    const c = await intake(60, 'accept');
    let v = (
      await act(approver, { id: c.id, action: 'extend' }, { version: c.version, days: 5, reason: '情况复杂' })
    ).version;
    v = (
      await act(
        handler,
        { id: c.id, action: 'special/start' },
        {
          version: v,
          kind: 'inspection',
          reason: '需现场核查经营场所',
          expectedEnd: shanghaiDay(nowIso()),
        },
      )
    ).version;
    v = (await act(handler, { id: c.id, action: 'special/end' }, { version: v, result: '核查合格' })).version;
    v = (await act(handler, { id: c.id, action: 'pass' }, { version: v, opinion: '同意' })).version;
    v = (await act(reviewer, { id: c.id, action: 'pass' }, { version: v, opinion: '同意' })).version;
    v = (
      await act(approver, { id: c.id, action: 'decide' }, { version: v, outcome: 'grant', opinion: '准予' })
    ).version;
    v = (
      await act(
        handler,
        { id: c.id, action: 'conclude' },
        {
          version: v,
          documentName: '食品经营许可证',
          documentNumber: 'JY1220322000001',
        },
      )
    ).version;
    const done = await act(
      await ctx().as('delivery'),
      { id: c.id, action: 'deliver' },
      {
        version: v,
        method: 'mail',
        trackingNumber: 'EMS1234567890',
      },
    );
    assert.equal(done.status, 'delivered');
    const bodies = await expectTexts(c, 60, [
      'case.accepted',
      'case.extended',
      'case.special',
      'case.completed',
      'case.delivered',
    ]);
    assert.match(bodies[1] ?? '', /延长办理期限5个工作日/);
    assert.match(bodies[2] ?? '', /需现场勘验，所需时间不计入办理时限/);
    assert.match(bodies[3] ?? '', /已办结，结果：食品经营许可证/);
    assert.match(bodies[4] ?? '', /邮寄送出，邮件单号EMS1234567890/);
  });

  test('denied: accepted, then concluded with a denial', async () => {
    const handler = await ctx().as('scjg_handler');
    const c = await intake(61, 'accept');
    let v = (await act(handler, { id: c.id, action: 'pass' }, { version: c.version, opinion: '不符合条件' }))
      .version;
    v = (
      await act(
        await ctx().as('scjg_reviewer'),
        { id: c.id, action: 'pass' },
        { version: v, opinion: '同意' },
      )
    ).version;
    v = (
      await act(
        await ctx().as('scjg_approver'),
        { id: c.id, action: 'decide' },
        {
          version: v,
          outcome: 'deny',
          opinion: '不予许可',
          reasons: '经营场所不符合食品安全要求',
          legalBasis: '《中华人民共和国食品安全法》第三十五条',
        },
      )
    ).version;
    await act(
      handler,
      { id: c.id, action: 'conclude' },
      {
        version: v,
        documentName: '不予行政许可决定书',
        documentNumber: 'BY1',
      },
    );
    const bodies = await expectTexts(c, 61, ['case.accepted', 'case.denied']);
    assert.match(bodies[1] ?? '', /决定不予许可/);
    assert.ok(!bodies[1]?.includes('经营场所不符合'), 'the reasons are in the decision, not the text');
  });

  test('correction notice, then withdrawal confirmed; a refusal at intake', async () => {
    const c = await intake(62, 'correct', { materials: [{ materialId: 'm1', form: 'original' }] });
    await act(
      await ctx().as('clerk'),
      { id: c.id, action: 'withdraw' },
      { version: c.version, reason: '申请人申请撤回' },
    );
    const bodies = await expectTexts(c, 62, ['case.correction', 'case.withdrawn']);
    assert.match(bodies[0] ?? '', /需要补正材料：身份证明/);
    const refused = await intake(63, 'refuse', {
      refusal: { reason: '不属于本机关职权范围', competentBody: '四平市市场监督管理局' },
    });
    await expectTexts(refused, 63, ['case.refused']);
  });

  test('accepted when the due date falls in a year without published holidays: the limit in words', async () => {
    // Mon 21 Dec 2026, 10 working days: the 10th falls in January 2027, whose holidays are not published.
    const written = await receiveCase(ctx().platform, await actorOf(ctx(), 'clerk'), {
      intake: { ...intakeAtA01(desk, person(64, '钱多多')), decision: 'accept', form: {}, situations: {} },
      settings: DEFAULT_CASE_SETTINGS,
      now: '2026-12-21T02:00:00.000Z',
    });
    assert.equal(written.clock.promisedDue, null);
    const [body] = await expectTexts(written.state, 64, ['case.accepted']);
    assert.match(body ?? '', /已受理，承诺于受理之日起10个工作日届满前办结。/);
    assert.ok(!body?.includes('承诺时限内'), body);
  });

  test('a correction whose 20 working days run into a year without published holidays: the span in words', async () => {
    // Mon 14 Dec 2026: the 20th working day falls in January 2027.
    const written = await receiveCase(ctx().platform, await actorOf(ctx(), 'clerk'), {
      intake: {
        ...intakeAtA01(desk, person(65, '钱多多')),
        materials: [{ materialId: 'm1', form: 'original' }],
        decision: 'correct',
        form: {},
        situations: {},
      },
      settings: DEFAULT_CASE_SETTINGS,
      now: '2026-12-14T02:00:00.000Z',
    });
    const [body] = await expectTexts(written.state, 65, ['case.correction']);
    assert.match(body ?? '', /请于本通知发出之日起20个工作日届满前补齐，/);
  });
});
