/**
 * The case pages' screenshots for the README (run by e2e/screenshots.ts on the demo with its cases):
 * the window intake, the department queue, a case page with its timeline, supervision, and the
 * public progress lookup on a phone.
 */
import type { Page } from 'playwright-core';
import {
  caseNumberShown,
  chooseFirst,
  decideAtWindow,
  field,
  fillPerson,
  idNumber,
  pickItem,
} from './case-steps.ts';
import { logIn, openMenu, type WebApp } from './harness.ts';

type Shot = (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
type Size = { width: number; height: number };

/** Takes the case pages' screenshots. */
export async function caseScreenshots(web: WebApp, shot: Shot, sizes: { desktop: Size; phone: Size }) {
  const applicant = { name: '赵丽华', id: idNumber(3), phone: '13944445555' };
  const clerk = (await web.newPage(sizes.desktop)).page;
  await logIn(web, clerk, 'clerk');
  await openMenu(clerk, '综合窗口受理');
  await pickItem(clerk, '食品经营许可');
  await fillPerson(clerk, applicant);
  const form = clerk.getByTestId('form-fields');
  await chooseFirst(clerk, field(form, '主体业态').locator('.ant-select'));
  await field(form, '经营场所面积（平方米）').locator('input').fill('60');
  await clerk.getByTestId('all-original').click();
  await clerk.mouse.click(1200, 80);
  await shot(clerk, 'console-intake', { fullPage: true });
  await decideAtWindow(clerk, '受理');
  await clerk.getByTestId('intake-result').waitFor();
  const number = await caseNumberShown(clerk);
  await shot(clerk, 'console-intake-done');

  const handler = (await web.newPage(sizes.desktop)).page;
  await logIn(web, handler, 'scjg_handler');
  await openMenu(handler, '我的待办');
  await handler.getByRole('tab', { name: '部门队列' }).click();
  await handler.getByTestId('work-queue').locator('.ant-table-row').first().waitFor();
  await shot(handler, 'console-queue');

  // A demo case the handler holds, with its record so far and the buttons of the step.
  await handler.getByRole('tab', { name: '我的待办' }).click();
  await handler.getByTestId('work-mine').locator('.ant-table-row').first().waitFor();
  await handler.getByTestId('work-mine').getByTestId('case-link').first().click();
  await handler.getByTestId('case-timeline').waitFor();
  await shot(handler, 'console-case', { fullPage: true });

  const supervisor = (await web.newPage(sizes.desktop)).page;
  await logIn(web, supervisor, 'supervisor');
  await openMenu(supervisor, '效能监察');
  await supervisor.getByTestId('sup-cases').locator('.ant-table-row').first().waitFor();
  await shot(supervisor, 'console-supervision');

  const phone = (await web.newPage(sizes.phone)).page;
  await phone.goto(`${web.baseUrl}/progress?number=${encodeURIComponent(number)}`);
  await phone.locator('input[name="tail"]').fill(applicant.id.slice(-6));
  await phone.getByTestId('progress-form').getByRole('button').click();
  await phone.getByTestId('progress-result').waitFor();
  await shot(phone, 'portal-progress', { fullPage: true });
}
