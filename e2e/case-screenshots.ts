/**
 * The case pages' screenshots for the README (run by e2e/screenshots.ts on the demo with its cases):
 * the window intake, the department queue, a case page with its timeline, supervision, and the
 * public progress lookup on a phone.
 */
import type { Page } from 'playwright-core';
import {
  acceptAtWindow,
  fillFoodLicence,
  idNumber,
  openDepartmentQueue,
  startFoodLicenceIntake,
} from './case-steps.ts';
import { openMenu, pageAs, type WebApp } from './harness.ts';

type Shot = (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
type Size = { width: number; height: number };

/** Takes the case pages' screenshots. */
export async function caseScreenshots(web: WebApp, shot: Shot, sizes: { desktop: Size; phone: Size }) {
  const applicant = { name: '赵丽华', id: idNumber(3), phone: '13944445555' };
  const clerk = await startFoodLicenceIntake(web, sizes.desktop);
  await fillFoodLicence(clerk, applicant, '60');
  await clerk.mouse.click(1200, 80);
  await shot(clerk, 'console-intake', { fullPage: true });
  const number = await acceptAtWindow(clerk);
  await shot(clerk, 'console-intake-done');

  const handler = await pageAs(web, 'scjg_handler', sizes.desktop);
  await openDepartmentQueue(handler);
  await handler.getByTestId('work-queue').locator('.ant-table-row').first().waitFor();
  await shot(handler, 'console-queue');

  // A demo case the handler holds, with its record so far and the buttons of the step.
  await handler.getByRole('tab', { name: '我的待办' }).click();
  await handler.getByTestId('work-mine').locator('.ant-table-row').first().waitFor();
  await handler.getByTestId('work-mine').getByTestId('case-link').first().click();
  await handler.getByTestId('case-timeline').waitFor();
  await shot(handler, 'console-case', { fullPage: true });

  const supervisor = await pageAs(web, 'supervisor', sizes.desktop);
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
