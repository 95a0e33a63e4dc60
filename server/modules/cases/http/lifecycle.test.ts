import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { type CountyDesk, intakeAtA01, person, setUpCountyDesk } from '../testing/http-test-support.ts';

describeEachDb('case lifecycle over HTTP', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  test('accept → handle → review → approve → conclude → deliver, with the timeline and notices', async () => {
    const clerk = await ctx().as('clerk');
    const created = await clerk.post('/api/cases', intakeAtA01(desk, person(1)));
    assert.equal(created.statusCode, 201, created.body);
    const c = created.json();
    assert.match(c.number, /^220322-\d{4}-\d{7}$/);
    assert.equal(c.status, 'in_process');
    assert.equal(c.applicant.idMasked, `2203**********${person(1).idNumber.slice(-4)}`);
    assert.equal(c.applicantName, '张**');
    assert.ok(!JSON.stringify(c).includes(person(1).idNumber), 'no full ID number in the case page');
    assert.deepEqual(c.documents, ['receipt', 'acceptance']);
    assert.deepEqual(
      c.allowedActions,
      ['withdraw'],
      'after acceptance a correction is the department’s to ask, not the window’s',
    );
    assert.ok(c.promisedDue, 'a promised deadline from the working-day calendar');

    const handler = await ctx().as('scjg_handler');
    const queue = ok<{ items: { id: string; allowedActions: string[] }[] }>(
      await handler.get('/api/cases?view=queue'),
    );
    const row = queue.items.find((i) => i.id === c.id);
    assert.ok(row, 'the accepted case is in the department queue');
    assert.ok(row.allowedActions.includes('claim'));
    let v = ok(await handler.post(`/api/cases/${c.id}/claim`, { version: c.version })).version;
    const mine = ok<{ items: { id: string }[] }>(await handler.get('/api/cases?view=mine'));
    assert.ok(mine.items.some((i) => i.id === c.id));
    v = ok(
      await handler.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '材料齐全，符合条件' }),
    ).version;
    const reviewer = await ctx().as('scjg_reviewer');
    v = ok(await reviewer.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '同意' })).version;
    const approver = await ctx().as('scjg_approver');
    const decided = ok(
      await approver.post(`/api/cases/${c.id}/decide`, { version: v, outcome: 'grant', opinion: '准予许可' }),
    );
    assert.equal(decided.status, 'decided');
    v = decided.version;
    v = ok(
      await handler.post(`/api/cases/${c.id}/conclude`, {
        version: v,
        documentName: '食品经营许可证',
        documentNumber: 'JY12203220012345',
        validUntil: '2031-12-31',
      }),
    ).version;
    const delivery = await ctx().as('delivery');
    const delivered = ok(await delivery.post(`/api/cases/${c.id}/deliver`, { version: v, method: 'window' }));
    assert.equal(delivered.status, 'delivered');
    assert.deepEqual(delivered.allowedActions, []);

    const page = ok<{
      timeline: { type: string; actorName: string; orgUnitName: string; workdaysElapsed: number | null }[];
    }>(await clerk.get(`/api/cases/${c.id}`));
    assert.deepEqual(
      page.timeline.map((t) => t.type),
      ['receive', 'accept', 'claim', 'pass', 'pass', 'decide', 'conclude', 'deliver'],
    );
    assert.equal(page.timeline[0]?.actorName, '李秀梅');
    assert.equal(page.timeline[0]?.orgUnitName, '梨树县政务服务中心');
    assert.equal(page.timeline[5]?.orgUnitName, '梨树县市场监督管理局');
    assert.equal(page.timeline[1]?.workdaysElapsed, 0);

    const outbox = await ctx()
      .platform.db.selectFrom('notifications')
      .select(['template', 'recipient_masked'])
      .where('related_id', '=', c.id)
      .execute();
    assert.deepEqual(outbox.map((n) => n.template).sort(), [
      'case.accepted',
      'case.completed',
      'case.delivered',
    ]);
    assert.equal(outbox[0]?.recipient_masked, '139****0001');
  });

  test('a stale version and an action the status does not allow are 409s, and change nothing', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(2))));
    const handler = await ctx().as('scjg_handler');
    ok(await handler.post(`/api/cases/${c.id}/claim`, { version: c.version }));
    expectError(
      await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: 'x' }),
      409,
      'CASE_STALE_VERSION',
    );
    const fresh = ok(await handler.get(`/api/cases/${c.id}`));
    expectError(
      await handler.post(`/api/cases/${c.id}/deliver`, { version: fresh.version, method: 'window' }),
      409,
      'CASE_ACTION_NOT_ALLOWED',
    );
    expectError(
      await handler.post(`/api/cases/${c.id}/accept`, { version: fresh.version }),
      409,
      'CASE_ACTION_NOT_ALLOWED',
    );
    const approver = await ctx().as('scjg_approver');
    expectError(
      await approver.post(`/api/cases/${c.id}/decide`, {
        version: fresh.version,
        outcome: 'grant',
        opinion: 'x',
      }),
      403,
      'ACCESS_DENIED',
    );
    const after = ok(await handler.get(`/api/cases/${c.id}`));
    assert.equal(after.version, fresh.version);
    assert.equal((after as unknown as { timeline: unknown[] }).timeline.length, 3);
  });

  test('20 concurrent decisions on one case: exactly one succeeds, the others are told it moved', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(3))));
    const handler = await ctx().as('scjg_handler');
    const reviewer = await ctx().as('scjg_reviewer');
    let v = ok(
      await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: '同意' }),
    ).version;
    v = ok(await reviewer.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '同意' })).version;
    const approver = await ctx().as('scjg_approver');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        approver.post(`/api/cases/${c.id}/decide`, {
          version: v,
          outcome: i % 2 ? 'grant' : 'deny',
          opinion: `决定${i}`,
          reasons: '不符合条件',
          legalBasis: '第三十八条',
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((s) => s === 200).length, 1, codes.join());
    assert.equal(codes.filter((s) => s === 409).length, 19, codes.join());
    for (const r of results.filter((x) => x.statusCode === 409))
      assert.equal(r.json().error.code, 'CASE_STALE_VERSION');
    const page = ok<{ timeline: { type: string }[]; version: number }>(
      await approver.get(`/api/cases/${c.id}`),
    );
    assert.equal(page.timeline.filter((t) => t.type === 'decide').length, 1);
    assert.equal(page.version, v + 1);
  });

  test('notices print as HTML with a QR code and as .docx; the progress lookup shows no personal data', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok<{ id: string; number: string }>(
      await clerk.post('/api/cases', intakeAtA01(desk, person(4, '李淑芬'))),
    );
    const html = await clerk.get(`/api/cases/${c.id}/documents/acceptance`);
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /受理通知书/);
    assert.match(html.body, /第三十二条/);
    assert.match(html.body, /<svg/);
    const docx = await clerk.get(`/api/cases/${c.id}/documents/receipt?format=docx`);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK', 'a .docx is a zip file');
    expectError(await clerk.get(`/api/cases/${c.id}/documents/refusal`), 404, 'CASE_DOCUMENT_UNAVAILABLE');

    const tail = person(4).idNumber.slice(-6);
    const progress = await ctx().anonymous.get(`/api/public/case-progress?number=${c.number}&tail=${tail}`);
    assert.equal(progress.statusCode, 200, progress.body);
    const p = progress.json();
    assert.equal(p.status, 'in_process');
    assert.equal(p.currentStep, '承办');
    assert.deepEqual(
      p.milestones.map((m: { label: string }) => m.label),
      ['已收件', '已受理'],
    );
    assert.ok(!progress.body.includes('李淑芬') && !progress.body.includes(tail), 'no personal data');
    expectError(
      await ctx().anonymous.get(`/api/public/case-progress?number=${c.number}&tail=000000`),
      404,
      'CASE_LOOKUP_FAILED',
    );
    expectError(
      await ctx().anonymous.get(`/api/public/case-progress?number=220322-2026-9999999&tail=${tail}`),
      404,
      'CASE_LOOKUP_FAILED',
    );
    // Guessing is slowed down: the lookup is rate-limited per client address.
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const guess = await ctx().anonymous.get(`/api/public/case-progress?number=${c.number}&tail=00000${i}`);
      codes.push(guess.statusCode);
    }
    assert.ok(codes.includes(429), codes.join());
    expectError(
      await ctx().anonymous.get(`/api/public/case-progress?number=${c.number}&tail=${tail}`),
      429,
      'RATE_LIMITED',
    );
  });

  test('reading the full ID number and phone is allowed in scope and audited', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok(await clerk.post('/api/cases', intakeAtA01(desk, person(5))));
    const handler = await ctx().as('scjg_handler');
    const full = ok<{ applicantId: string; applicantPhone: string }>(
      await handler.post(`/api/cases/${c.id}/personal`, {}),
    );
    assert.equal(full.applicantId, person(5).idNumber);
    assert.equal(full.applicantPhone, person(5).phone);
    const audits = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', c.id)
      .execute();
    assert.ok(audits.some((a) => a.action === 'case.readPersonal' && a.actor_name === '陈志强'));
    assert.ok(audits.some((a) => a.action === 'case.accept'));
    const supervisor = await ctx().as('supervisor');
    expectError(await supervisor.post(`/api/cases/${c.id}/personal`, {}), 403, 'ACCESS_DENIED');
    const gaj = await ctx().as('gaj_handler');
    expectError(await gaj.post(`/api/cases/${c.id}/personal`, {}), 403, 'ACCESS_OUT_OF_SCOPE');
  });
});
