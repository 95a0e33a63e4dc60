import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobRunner } from '../../../platform/jobs/runner.ts';
import { OutboxSmsProvider } from '../../../platform/notify/index.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';

interface Inbox {
  items: { body: string }[];
  total: number;
}

/**
 * Issue 9 #10: a lock-out slows an attacker and tells the administrators. When failures from many
 * addresses refuse an account, the administrators who may manage that person find it in their inbox.
 */
describeEachDb(
  'a locked account alerts the administrators who manage the person',
  (ctx) => {
    test('21 wrong passwords from fresh addresses put one message in the county administrator’s inbox, none in others’', async () => {
      const { platform, app, house } = ctx();
      const lockedMessages = async (who: string) =>
        ok<Inbox>(await (await ctx().as(who)).get('/api/notify/inbox')).items.filter((m) =>
          m.body.includes('输错密码'),
        );
      for (let i = 0; i < 21; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `10.77.0.${i + 1}` },
          payload: { username: 'supervisor', password: `wrong-${i}` },
        });
        assert.equal(res.statusCode, 401);
      }
      const runner = new JobRunner(platform, house.jobHandlers({ sms: new OutboxSmsProvider() }), {
        log: () => {},
      });
      // Twice through the whole queue: a delivery run again adds nothing.
      for (let round = 0; round < 6; round++) if ((await runner.runDueJobs(50)).ran === 0) break;
      const [message, ...more] = await lockedMessages('admin');
      assert.equal(more.length, 0, 'one message per lock-out');
      assert.match(
        message?.body ?? '',
        /^账号supervisor（马春生）15分钟内从多个地址输错密码21次，\d{4}-\d\d-\d\d \d\d:\d\d前已暂停从新地址登录/,
      );
      // 梨树镇's administrator does not manage a county-wide supervisor; a clerk manages no one.
      assert.deepEqual(await lockedMessages('townadmin'), []);
      assert.deepEqual(await lockedMessages('clerk'), []);
      const events = await platform.db
        .selectFrom('domain_events')
        .select(['type', 'payload'])
        .where('type', '=', 'auth.accountLocked')
        .execute();
      assert.equal(events.length, 1);
      assert.ok(!String(events[0]?.payload).includes('马春生'), 'no name in the event');
    });
  },
  // The attacker's addresses arrive in X-Forwarded-For from a trusted proxy.
  { behindProxy: true },
);
