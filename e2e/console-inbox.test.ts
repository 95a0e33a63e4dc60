import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../server/platform/context.ts';
import { notifyInbox } from '../server/platform/notify/index.ts';
import { logIn, menuLabels, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

describe('站内消息: a person reads their own messages in the console (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('a lock-out alert sent to the administrator shows unread in 站内消息 and is marked read; the clerk does not see it', async () => {
    const admin = await web.platform.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    await inTransaction(web.platform, (trx) =>
      notifyInbox(trx, {
        accountId: admin.id,
        template: 'account.locked',
        params: { username: 'supervisor', name: '马春生', failures: 21, until: '10:15' },
      }),
    );

    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    assert.ok((await menuLabels(page)).includes('站内消息'));
    await openMenu(page, '站内消息');
    await page.getByTestId('inbox-unread').waitFor();
    assert.equal(await textOf(page.getByTestId('inbox-unread')), '未读 1 条');
    assert.match(
      await textOf(page.getByTestId('inbox-body').first()),
      /账号supervisor（马春生）15分钟内从多个地址输错密码21次/,
    );
    await page.getByRole('button', { name: '标为已读' }).click();
    await page.getByText('未读 0 条').waitFor();
    await page.getByText('已读', { exact: true }).waitFor();

    const clerk = (await web.newPage()).page;
    await logIn(web, clerk, 'clerk');
    await openMenu(clerk, '站内消息');
    await clerk.getByTestId('inbox-unread').waitFor();
    assert.equal(await textOf(clerk.getByTestId('inbox-unread')), '未读 0 条');
    assert.ok(!(await textOf(clerk.locator('main'))).includes('马春生'));
  });
});
