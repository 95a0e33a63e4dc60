import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../server/platform/context.ts';
import { recordEvent } from '../server/platform/events/index.ts';
import { enqueueJob } from '../server/platform/jobs/enqueue-job.ts';
import { logIn, menuLabels, openMenu, startWebApp, TEST_PASSWORD, textOf, type WebApp } from './harness.ts';

const ADMIN_MENUS = ['机构管理', '人员管理', '节假日日历', '短信发件箱', '审计日志', '任务队列'];

describe('console: log-in and role-aware menus (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('admin logs in and sees the administration menus, their name and role', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    const labels = await menuLabels(page);
    for (const m of ['首页', ...ADMIN_MENUS]) assert.ok(labels.includes(m), `menu ${m} in ${labels}`);
    await page.getByText('梨树县一体化政务服务平台').first().waitFor();
    assert.match(await textOf(page.getByTestId('user-menu')), /系统管理员/);
    // The home page lists the grants.
    assert.match(await textOf(page.getByTestId('my-grants')), /系统管理员/);
  });

  test('the job queue names event dispatches and deliveries for people and shows their order key', async () => {
    // As if a ratings module subscribed to case.delivered (the default house has no subscriber of it).
    web.platform.subscribedEventTypes.add('case.delivered');
    await inTransaction(web.platform, async (trx) => {
      await recordEvent(web.platform, trx, {
        type: 'case.delivered',
        subjectId: 'case-e2e-1',
        payload: { caseId: 'case-e2e-1' },
      });
      await enqueueJob(trx, {
        kind: 'event:ratings.inviteOnDelivery',
        payload: { eventId: 'x' },
        order: { key: 'event:ratings.inviteOnDelivery:case-e2e-1', seq: 1 },
      });
      await enqueueJob(trx, { kind: 'audit.checkpoint', payload: { day: '2026-01-02' } });
      await trx.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'audit.checkpoint').execute();
    });
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await openMenu(page, '任务队列');
    await page.getByText('分发领域事件').first().waitFor();
    await page.getByText('向 ratings.inviteOnDelivery 投递事件').first().waitFor();
    await page.getByText('events.dispatch:case-e2e-1').first().waitFor();
    assert.ok((await page.getByRole('columnheader', { name: '顺序键' }).count()) > 0, 'an order-key column');
    // It opens on what is not finished (the API test checks the done filter).
    await page.getByText('未完成（待执行、执行中、已失败）').first().waitFor();
    assert.equal(
      await page.getByText('每日签名审计检查点').count(),
      0,
      'a done job is not in the default list',
    );
  });

  test('a window clerk sees no outbox, job queue or audit log, and the API refuses them', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'clerk');
    const labels = await menuLabels(page);
    for (const m of ['短信发件箱', '审计日志', '任务队列']) {
      assert.ok(!labels.includes(m), `clerk must not see ${m}: ${labels}`);
    }
    // Read access to the org tree and staff list, but no buttons to change them.
    assert.ok(labels.includes('机构管理'));
    await openMenu(page, '人员管理');
    await page.getByTestId('staff-table').waitFor();
    assert.equal(await page.getByRole('button', { name: /新增人员/ }).count(), 0);
    await openMenu(page, '节假日日历');
    await page.getByTestId('calendar-months').waitFor();
    assert.equal(await page.getByRole('button', { name: /发布新年度/ }).count(), 0);
    // Typing the address of a refused page shows 403, and the API itself says no.
    await page.goto(`${web.baseUrl}/console/audit`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    for (const url of ['/api/audit', '/api/notify/outbox', '/api/jobs']) {
      const status = await page.evaluate(async (u) => (await fetch(u)).status, url);
      assert.equal(status, 403, url);
    }
  });

  test('a town’s administrator sees no county outbox, job queue or audit log, and cannot publish a calendar year', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'townadmin');
    await page.getByTestId('side-menu').getByRole('link', { name: '人员管理', exact: true }).waitFor();
    // The menu settles once the org tree tells whether a grant is county-wide.
    await page.waitForLoadState('networkidle');
    const labels = await menuLabels(page);
    for (const m of ['短信发件箱', '审计日志', '任务队列']) {
      assert.ok(!labels.includes(m), `townadmin must not see ${m}: ${labels}`);
    }
    assert.ok(labels.includes('机构管理') && labels.includes('节假日日历'), labels.join(' '));
    await openMenu(page, '节假日日历');
    await page.getByTestId('calendar-months').waitFor();
    assert.equal(await page.getByRole('button', { name: /发布新年度/ }).count(), 0);
    // A typed-in address shows 403 (the server refuses these county resources to a town's grant).
    await page.goto(`${web.baseUrl}/console/outbox`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/notify/outbox')).status);
    assert.equal(status, 403);
  });

  test('an account with a reset password sees only the change form, is told why a weak one fails, then the console', async () => {
    await web.platform.db
      .updateTable('accounts')
      .set({ must_change_password: 1 })
      .where('username', '=', 'leader')
      .execute();
    const { page } = await web.newPage();
    await page.goto(`${web.baseUrl}/console/login`);
    await page.getByLabel('用户名', { exact: true }).fill('leader');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('首次登录或密码已被重置').waitFor();
    assert.equal(await page.getByTestId('side-menu').count(), 0, 'no console before the change');
    const fill = async (next: string) => {
      await page.getByLabel('原密码').fill(TEST_PASSWORD);
      await page.getByLabel('新密码', { exact: true }).fill(next);
      await page.getByLabel('确认新密码').fill(next);
      await page.getByRole('button', { name: /保\s*存/ }).click();
    };
    await fill('Password2026!');
    await page.getByText('这是最常见、最先被猜到的密码之一').waitFor();
    await fill('梨树县政务大厅早上8点开门');
    await page.getByTestId('side-menu').waitFor();
    assert.match(await textOf(page.getByTestId('user-menu')), /\S/);
  });

  test('a wrong password shows the Chinese error and stays on the log-in page', async () => {
    const { page } = await web.newPage();
    await page.goto(`${web.baseUrl}/console/`);
    // Not logged in: the console sends the visitor to the log-in page.
    await page.waitForURL('**/console/login');
    await page.getByLabel('用户名', { exact: true }).fill('leader');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await textOf(error), /用户名或密码错误/);
    assert.ok(page.url().endsWith('/console/login'));
  });

  test('switching to English changes the menu labels and stays after a reload', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('side-menu').getByText('Staff', { exact: true }).waitFor();
    const labels = await menuLabels(page);
    for (const m of ['Home', 'Organisation', 'Staff', 'Holiday calendar', 'Audit log']) {
      assert.ok(labels.includes(m), `menu ${m} in ${labels}`);
    }
    assert.ok(!labels.includes('人员管理'));
    await page.reload();
    await page.getByTestId('side-menu').getByText('Holiday calendar').waitFor();
    // The API is asked in English too, so its error messages come in English.
    const sent = page.waitForRequest((r) => r.url().includes('/api/org/staff'));
    await page.getByTestId('side-menu').getByText('Staff', { exact: true }).click();
    assert.equal((await sent).headers()['accept-language'], 'en-US');
    await page.getByRole('button', { name: /New staff member/ }).waitFor();
  });

  test('log-out returns to the log-in page and the session is gone', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL('**/console/login');
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.equal(status, 401);
  });
});
