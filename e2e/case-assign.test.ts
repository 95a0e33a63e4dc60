import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  acceptAtWindow,
  act,
  fillFoodLicence,
  idNumber,
  openCase,
  openDepartmentQueue,
  startFoodLicenceIntake,
} from './case-steps.ts';
import { choose, pageAs, startWebApp, textOf, type WebApp } from './harness.ts';

describe('分派 offers only who can act at the step (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('at 承办 only handlers of the department are offered (not its reviewer, not the police); the assignment shows', async () => {
    const clerk = await startFoodLicenceIntake(web);
    await fillFoodLicence(clerk, { name: '孟庆丰', id: idNumber(11), phone: '13955556666' }, '45');
    const number = await acceptAtWindow(clerk);

    const handler = await pageAs(web, 'scjg_handler');
    await openDepartmentQueue(handler);
    await openCase(handler, 'work-queue', number);
    await act(handler, 'assign', async (m) => {
      // The hint comes with the list of who can act, a moment after the modal opens.
      await m.getByText('可分派给能办理“承办”环节（梨树县市场监督管理局）的人员').waitFor();
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
      await choose(select, '陈志强');
    });
    assert.match(await textOf(handler.getByTestId('case-page')), /承办 · 陈志强/);
  });
});
