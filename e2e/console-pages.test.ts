import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { choose, logIn, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

/** The form item (label + control + its error) whose label is exactly `label`. */
function formItem(page: Page, label: string) {
  return page
    .locator('.ant-drawer .ant-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

/** Picks an org unit in an antd TreeSelect by typing part of its name. */
async function pickUnit(field: ReturnType<typeof formItem>, name: string) {
  await choose(field.locator('.ant-select'), name, { type: true, tree: true });
}

describe('console pages: staff, org, calendar (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('admin creates a staff member through the form; the list shows them with a masked phone', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await openMenu(page, '人员管理');
    await page.getByTestId('staff-table').waitFor();
    await page.getByRole('button', { name: /新增人员/ }).click();
    await formItem(page, '用户名').locator('input').fill('wangfang');
    await formItem(page, '姓名').locator('input').fill('王芳');
    await pickUnit(formItem(page, '所属机构'), '梨树县政务服务中心');
    await formItem(page, '手机号').locator('input').fill('13800138000');
    await formItem(page, '职务').locator('input').fill('综合窗口受理员');
    await formItem(page, '初始密码').locator('input').fill('Welcome-2026a');
    await page.getByRole('button', { name: /添加授权/ }).click();
    const grant = page.getByTestId('grant-0');
    await choose(grant.locator('.ant-select').first(), '综合窗口受理员');
    await choose(grant.locator('.ant-select').nth(1), '梨树县政务服务中心', { type: true, tree: true });
    await page.getByTestId('staff-save').click();
    await page
      .locator('.ant-drawer')
      .waitFor({ state: 'hidden' })
      .catch(async (err) => {
        const errors = await page.locator('.ant-drawer .ant-form-item-explain-error').allTextContents();
        throw new Error(`drawer stayed open; field errors: ${errors.join('; ')}; ${err}`);
      });

    await page.getByTestId('staff-search').locator('input').fill('王芳');
    await page.getByTestId('staff-search').locator('input').press('Enter');
    const row = page.getByTestId('staff-table').locator('tr', { hasText: 'wangfang' });
    await row.waitFor();
    const text = await textOf(row);
    assert.match(text, /王芳/);
    assert.match(text, /138\*{4}8000/);
    assert.doesNotMatch(text, /13800138000/);
    assert.match(text, /综合窗口受理员/);
    // The full number shows only on request (the server audits the read).
    await row.getByRole('button', { name: /查看/ }).click();
    await row.getByText('13800138000').waitFor();
  });

  test('an edit sends the revision it showed; one made stale by someone else says so and closes', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await openMenu(page, '人员管理');
    const search = page.getByTestId('staff-search').locator('input');
    await search.fill('lishuzhen');
    await search.press('Enter');
    const row = page.getByTestId('staff-table').locator('tr', { hasText: 'lishuzhen' });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await formItem(page, '职务').locator('input').fill('受理员');
    await page.getByTestId('staff-save').click();
    await page.getByText('已保存').waitFor();
    await row.filter({ hasText: '受理员' }).waitFor();

    // Someone else changes the person while the form is open: the save is refused, not lost.
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await formItem(page, '职务').locator('input').fill('过期的修改');
    const db = web.platform.db.withTables<{
      staff: { account_id: string; revision: number };
      accounts: { id: string; username: string };
    }>();
    await db
      .updateTable('staff')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('account_id', 'in', db.selectFrom('accounts').select('id').where('username', '=', 'lishuzhen'))
      .execute();
    await page.getByTestId('staff-save').click();
    await page.getByText(/已被他人修改，请刷新后重试/).waitFor();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    assert.doesNotMatch(await textOf(row), /过期的修改/);
  });

  test('bad input is shown at the field the server names', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await page.goto(`${web.baseUrl}/console/staff`);
    await page.getByRole('button', { name: /新增人员/ }).click();
    await formItem(page, '用户名').locator('input').fill('Bad Name!');
    await formItem(page, '姓名').locator('input').fill('测试');
    await pickUnit(formItem(page, '所属机构'), '梨树县人民政府');
    await formItem(page, '手机号').locator('input').fill('12345');
    await formItem(page, '初始密码').locator('input').fill('Welcome-2026a');
    await page.getByTestId('staff-save').click();
    const usernameError = formItem(page, '用户名').locator('.ant-form-item-explain-error');
    await usernameError.waitFor();
    assert.match(await textOf(usernameError), /用户名/);
    const phoneError = formItem(page, '手机号').locator('.ant-form-item-explain-error');
    await phoneError.waitFor();
    assert.match(await textOf(phoneError), /手机号/);
    // Nothing was created: the drawer is still open for correction.
    assert.ok(await page.locator('.ant-drawer').isVisible());
  });

  test('after an administrator resets a password, the user must set a new one before using the console', async () => {
    const admin = (await web.newPage()).page;
    await logIn(web, admin, 'admin');
    await openMenu(admin, '人员管理');
    await admin.getByTestId('staff-search').locator('input').fill('delivery');
    await admin.getByTestId('staff-search').locator('input').press('Enter');
    const row = admin.getByTestId('staff-table').locator('tr', { hasText: 'delivery' });
    await row.getByRole('button', { name: /重置密码/ }).click();
    await admin.locator('.ant-modal input').fill('Reset-2026abc');
    await admin
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await admin.getByText('密码已重置').waitFor();

    const { page } = await web.newPage();
    await page.goto(`${web.baseUrl}/console/login`);
    await page.getByLabel('用户名', { exact: true }).fill('delivery');
    await page.getByLabel('密码', { exact: true }).fill('Reset-2026abc');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('请先设置新密码').waitFor();
    assert.equal(await page.getByTestId('side-menu').count(), 0);
    await page.getByLabel('原密码').fill('Reset-2026abc');
    await page.getByLabel('新密码', { exact: true }).fill('Changed-2026xyz');
    await page.getByLabel('确认新密码').fill('Changed-2026xyz');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('side-menu').waitFor();
    assert.match(await textOf(page.getByTestId('user-menu')), /张丽娜/);
  });

  test('the org tree shows the county with kind tags', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await openMenu(page, '机构管理');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('梨树县人民政府').waitFor();
    await tree.getByText('梨树县人民政府').click();
    await page.getByRole('button', { name: /新增下级/ }).waitFor();
    assert.match(await textOf(tree), /梨树县人民政府\s*人民政府/);
    assert.match(await textOf(tree), /梨树县市场监督管理局\s*部门/);
    // The filter finds units deeper in the tree, with their ancestors.
    await page.getByPlaceholder('按名称筛选').fill('南杏山村');
    await tree.getByText('南杏山村', { exact: true }).waitFor();
    assert.match(await textOf(tree), /梨树镇/);
    assert.match(await textOf(tree), /南杏山村\s*村（社区）/);
  });

  test('the calendar shows 2026-10-01 as 国庆节 and 2026-10-10 as 调休上班; the calculator skips the holiday', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await openMenu(page, '节假日日历');
    await page.getByTestId('calendar-months').waitFor();
    const select = page.getByTestId('year-select');
    if (!(await textOf(select)).includes('2026')) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible').getByText('2026', { exact: true }).click();
    }
    const national = page.locator('[data-date="2026-10-01"]');
    assert.equal(await national.getAttribute('data-kind'), 'holiday');
    assert.match(await textOf(national), /国庆节/);
    const makeup = page.locator('[data-date="2026-10-10"]');
    assert.equal(await makeup.getAttribute('data-kind'), 'makeup');
    assert.match(await textOf(makeup), /调休上班/);
    assert.equal(await page.locator('[data-date="2026-10-11"]').getAttribute('data-kind'), 'weekend');

    // One working day after 2026-09-30 is 2026-10-08: the Golden Week is skipped.
    const picker = page.locator('.ant-picker').first();
    await picker.click();
    await picker.locator('input').fill('2026-09-30');
    await picker.locator('input').press('Enter');
    const days = page.locator('.ant-input-number input');
    await days.click();
    await days.press('Control+A');
    await days.pressSequentially('1');
    await days.press('Tab');
    assert.equal(await days.inputValue(), '1');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    const result = page.getByTestId('calc-result');
    for (let i = 0; i < 50 && !/第 1 个/.test(await textOf(result)); i++) await page.waitForTimeout(100);
    assert.match(await textOf(result), /第 1 个工作日是 2026-10-08/);
  });
});
