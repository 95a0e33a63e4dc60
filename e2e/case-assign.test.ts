import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  act,
  caseNumberShown,
  caseRow,
  chooseFirst,
  decideAtWindow,
  field,
  fillPerson,
  idNumber,
  pickItem,
} from './case-steps.ts';
import { choose, logIn, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

describe('分派 offers only who can act at the step (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('at 承办 only handlers of the department are offered (not its reviewer, not the police); the assignment shows', async () => {
    const clerk = (await web.newPage()).page;
    await logIn(web, clerk, 'clerk');
    await openMenu(clerk, '综合窗口受理');
    await pickItem(clerk, '食品经营许可');
    await fillPerson(clerk, { name: '孟庆丰', id: idNumber(11), phone: '13955556666' });
    const form = clerk.getByTestId('form-fields');
    await chooseFirst(clerk, field(form, '主体业态').locator('.ant-select'));
    await field(form, '经营场所面积（平方米）').locator('input').fill('45');
    await clerk.getByTestId('all-original').click();
    await decideAtWindow(clerk, '受理');
    await clerk.getByTestId('intake-result').waitFor();
    const number = await caseNumberShown(clerk);

    const handler = (await web.newPage()).page;
    await logIn(web, handler, 'scjg_handler');
    await openMenu(handler, '我的待办');
    await handler.getByRole('tab', { name: '部门队列' }).click();
    await caseRow(handler, 'work-queue', number).getByTestId('case-link').click();
    await handler.getByTestId('case-page').waitFor();
    await act(handler, 'assign', async (m) => {
      assert.match(await textOf(m), /可分派给能办理“承办”环节（梨树县市场监督管理局）的人员/);
      const select = m.getByTestId('assignee-select');
      await select.click();
      const options = handler.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      const offered = await options.allTextContents();
      assert.ok(
        offered.some((o) => o.includes('陈志强') && o.includes('梨树县市场监督管理局')),
        offered.join(),
      );
      assert.ok(!offered.some((o) => o.includes('吴海涛')), `the police handler is not offered: ${offered}`);
      // The department's reviewer and approver do not handle: the department's staff is not the list.
      for (const name of ['杨文静', '周宏伟']) {
        assert.ok(!offered.some((o) => o.includes(name)), `${name} is not offered: ${offered}`);
      }
      await choose(handler, select, '陈志强');
    });
    assert.match(await textOf(handler.getByTestId('case-page')), /承办 · 陈志强/);
  });
});
