import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction, type Platform } from '../context.ts';
import { JobRunner } from '../jobs/runner.ts';
import { notifyInbox } from './notify-inbox.ts';
import { notifySms } from './notify-sms.ts';
import { OutboxSmsProvider, type SmsProvider } from './providers.ts';
import { notifyJobHandlers } from './send-sms-job.ts';

const PHONE = '13912345678';

/** A runner with the notify handlers and a clock that the test moves past every back-off. */
function smsRunner(platform: Platform, provider: SmsProvider) {
  let t = Date.now() + 1000;
  const runner = new JobRunner(platform, notifyJobHandlers(provider), {
    now: () => new Date(t),
    log: () => {},
  });
  return {
    runner,
    async drain(rounds = 10) {
      for (let i = 0; i < rounds; i++) {
        await runner.runDueJobs(50);
        t += 3_600_000;
      }
    },
  };
}

/** Records what it was asked to deliver, as a real gateway would receive it. */
class RecordingProvider implements SmsProvider {
  readonly name = 'recording';
  readonly sent: { phone: string; body: string }[] = [];
  async send(phone: string, body: string) {
    this.sent.push({ phone, body });
    return { providerMessageId: `m-${this.sent.length}` };
  }
}

describeEachDb('notifications', (ctx) => {
  test('admin sends a test SMS; after the job runs the outbox shows it sent, the number masked', async () => {
    const { platform } = ctx();
    const admin = await ctx().as('admin');
    const res = await admin.post('/api/notify/test-sms', { phone: PHONE });
    assert.equal(res.statusCode, 200, res.body);
    const queued = res.json();
    assert.equal(queued.status, 'queued');
    assert.equal(queued.recipientMasked, '139****5678');
    assert.match(queued.body, /^【梨树县政务服务】这是一条测试短信/);

    const before = await admin.get('/api/notify/outbox?status=queued&channel=sms');
    assert.ok(before.json().items.some((i: { id: string }) => i.id === queued.id));

    await smsRunner(platform, new OutboxSmsProvider()).drain(1);
    const list = await admin.get('/api/notify/outbox?channel=sms');
    assert.equal(list.statusCode, 200);
    const item = list.json().items.find((i: { id: string }) => i.id === queued.id);
    assert.equal(item.status, 'sent');
    assert.equal(item.provider, 'outbox');
    assert.ok(item.sentAt);
    assert.equal(item.recipientMasked, '139****5678');
    assert.ok(!list.body.includes(PHONE), 'the full number never leaves the server');

    const stored = await platform.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', queued.id)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(PHONE), 'the number is stored SM4-encrypted only');
    assert.equal(platform.cipher.decrypt(stored.recipient_enc ?? ''), PHONE);

    const trail = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'detail'])
      .where('entity_id', '=', queued.id)
      .execute();
    assert.deepEqual(
      trail.map((a) => a.action),
      ['notify.sendTestSms'],
    );
    assert.match(trail[0]?.detail ?? '', /139\*\*\*\*5678/);
  });

  test('a bad number is refused with the field named, and nothing is queued', async () => {
    const admin = await ctx().as('admin');
    const before = (await admin.get('/api/notify/outbox')).json().total;
    const res = await admin.post('/api/notify/test-sms', { phone: '12345' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      res.json().error.details.fields.map((f: { path: string }) => f.path),
      ['body.phone'],
    );
    assert.equal((await admin.get('/api/notify/outbox')).json().total, before);
  });

  test('a provider that keeps failing leaves the message failed after its retries, with the reason', async () => {
    const { platform } = ctx();
    let calls = 0;
    const failing: SmsProvider = {
      name: 'broken-gateway',
      async send() {
        calls++;
        throw new Error('connection refused');
      },
    };
    const { id } = await inTransaction(platform, (trx) =>
      notifySms(platform, trx, {
        phone: PHONE,
        template: 'case.accepted',
        params: { caseNo: 'LS20260001', itemName: '个体工商户设立登记', deadline: '2026年3月10日' },
        relatedType: 'case',
        relatedId: 'case-1',
      }),
    );
    const sms = smsRunner(platform, failing);
    await sms.runner.runDueJobs(50);
    const admin = await ctx().as('admin');
    const find = async () =>
      (await admin.get('/api/notify/outbox?channel=sms'))
        .json()
        .items.find((i: { id: string }) => i.id === id);
    const afterFirst = await find();
    assert.equal(afterFirst.status, 'queued', 'still queued while retries remain');
    assert.match(afterFirst.error, /第 1\/5 次发送失败：connection refused/);

    await sms.drain();
    assert.equal(calls, 5);
    const item = await find();
    assert.equal(item.status, 'failed');
    assert.match(item.error, /第 5\/5 次发送失败：connection refused/);
    assert.equal(item.relatedType, 'case');
    assert.equal(item.relatedId, 'case-1');

    const jobs = await admin.get('/api/jobs?kind=notify.sms&status=dead');
    assert.equal(jobs.statusCode, 200);
    const dead = jobs.json().items;
    assert.equal(dead.length, 1);
    assert.equal(dead[0].attempts, 5);
    assert.equal(dead[0].lastError, 'connection refused');

    // The gateway is back: an operator retries the dead job and the message goes out.
    const retry = await admin.post(`/api/jobs/${dead[0].id}/retry`);
    assert.equal(retry.statusCode, 200, retry.body);
    const recording = new RecordingProvider();
    await smsRunner(platform, recording).drain(1);
    assert.deepEqual(recording.sent, [
      {
        phone: PHONE,
        body: '【梨树县政务服务】您的办件LS20260001（个体工商户设立登记）已受理，承诺于2026年3月10日前办结。可凭办件编号在“一网通办”查询进度。',
      },
    ]);
    const sent = await find();
    assert.equal(sent.status, 'sent');
    assert.equal(sent.provider, 'recording');
    assert.equal(sent.error, null);
  });

  test('a verification code goes to the gateway in full but shows masked in the outbox', async () => {
    const { platform } = ctx();
    const { id } = await inTransaction(platform, (trx) =>
      notifySms(platform, trx, {
        phone: PHONE,
        template: 'password.reset',
        params: { username: 'zhangsan', code: '482913', minutes: 10 },
      }),
    );
    const recording = new RecordingProvider();
    await smsRunner(platform, recording).drain(1);
    const text = recording.sent.find((m) => m.body.includes('验证码'))?.body ?? '';
    assert.match(text, /验证码482913，10分钟内有效/);
    const admin = await ctx().as('admin');
    const list = await admin.get('/api/notify/outbox?channel=sms');
    const item = list.json().items.find((i: { id: string }) => i.id === id);
    assert.match(item.body, /验证码\*\*\*\*\*\*，/);
    assert.ok(!list.body.includes('482913'));
  });

  test('a township clerk may not read the outbox or send test texts; the leader may read only', async () => {
    const clerk = await ctx().as('lishuzhen');
    const read = await clerk.get('/api/notify/outbox');
    assert.equal(read.statusCode, 403);
    assert.equal(read.json().error.code, 'ACCESS_DENIED');
    const send = await clerk.post('/api/notify/test-sms', { phone: PHONE });
    assert.equal(send.statusCode, 403);
    assert.equal((await clerk.get('/api/jobs')).statusCode, 403);

    // A township's own system administrator does not reach the county-wide outbox either.
    const townAdmin = await ctx().as('townadmin');
    const out = await townAdmin.get('/api/notify/outbox');
    assert.equal(out.statusCode, 403);
    assert.equal(out.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const leader = await ctx().as('leader');
    assert.equal((await leader.get('/api/notify/outbox')).statusCode, 200);
    assert.equal((await leader.post('/api/notify/test-sms', { phone: PHONE })).statusCode, 403);
    assert.equal((await ctx().anonymous.get('/api/notify/outbox')).statusCode, 401);
  });

  test('inbox messages are visible only to their account, which marks them read', async () => {
    const { platform } = ctx();
    const account = await platform.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'scjg_handler')
      .executeTakeFirstOrThrow();
    const { id } = await inTransaction(platform, (trx) =>
      notifyInbox(trx, {
        accountId: account.id,
        template: 'case.assigned',
        params: { caseNo: 'LS20260002', itemName: '食品经营许可', deadline: '2026年3月12日' },
        relatedType: 'case',
        relatedId: 'case-2',
      }),
    );
    const alice = await ctx().as('scjg_handler');
    const bob = await ctx().as('clerk');

    const mine = (await alice.get('/api/notify/inbox')).json();
    assert.equal(mine.total, 1);
    assert.equal(mine.unread, 1);
    assert.equal(
      mine.items[0].body,
      '您有一件新的待办：LS20260002（食品经营许可），请于2026年3月12日前办理。',
    );
    assert.equal(mine.items[0].readAt, null);

    const theirs = (await bob.get('/api/notify/inbox')).json();
    assert.deepEqual(theirs, { items: [], total: 0, unread: 0 });
    const probe = await bob.post(`/api/notify/inbox/${id}/read`);
    assert.equal(probe.statusCode, 404);
    assert.equal(probe.json().error.code, 'NOTIFY_MESSAGE_NOT_FOUND');

    const read = await alice.post(`/api/notify/inbox/${id}/read`);
    assert.equal(read.statusCode, 200);
    assert.ok(read.json().readAt);
    assert.equal((await alice.get('/api/notify/inbox')).json().unread, 0);
    await alice.post(`/api/notify/inbox/${id}/read`);
    const audits = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    assert.deepEqual(
      audits.map((a) => a.action),
      ['notify.readInbox'],
      'read once, audited once',
    );
    // The inbox message is also in the administrators' list of everything sent, with no phone.
    const admin = await ctx().as('admin');
    const inboxRows = (await admin.get('/api/notify/outbox?channel=inbox')).json();
    assert.ok(inboxRows.items.some((i: { id: string; recipientMasked: null }) => i.id === id));
  });
});

test('notifySms refuses a malformed number before anything is stored', async () => {
  const fakeTrx = {} as Parameters<typeof notifySms>[1];
  const platform = { config: { smsSignature: 'x' } } as unknown as Platform;
  await assert.rejects(
    notifySms(platform, fakeTrx, { phone: '0431-1234567', template: 'test', params: {} }),
    (err: Error & { code?: string }) => err.code === 'NOTIFY_PHONE_INVALID',
  );
});
