/**
 * Steps of the case pages as a user takes them, shared by the case browser tests and the
 * screenshots: pick an item at the window, take the applicant, tick the materials, act on a case.
 */
import type { Locator, Page } from 'playwright-core';
import { creditCodeCheckChar, idNumberCheckChar } from '../contracts/identifiers.ts';
import { openMenu, pageAs, textOf, type WebApp } from './harness.ts';

/** A valid ID number (check digit computed) born on 1985-MM-DD of a Lishu address code. */
export function idNumber(serial: number): string {
  const first17 = `22032219850${(serial % 9) + 1}1${serial % 10}${String(100 + serial).slice(-3)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** A valid unified social credit code. */
export function creditCode(serial: number): string {
  const first17 = `91220322MA${String(1000000 + serial).slice(-7)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** An antd form item (label, control, error) of a container, by its exact label. */
export function field(scope: Locator | Page, label: string): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope
    .locator('.ant-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/** The error shown under a form item ('' when none). */
export async function fieldError(item: Locator): Promise<string> {
  const error = item.locator('.ant-form-item-explain-error').first();
  await error.waitFor();
  return textOf(error);
}

/** Types into the item picker and clicks the item whose name is exactly `name`. */
export async function pickItem(page: Page, name: string) {
  const picker = page.getByTestId('item-picker');
  for (let attempt = 1; ; attempt++) {
    await picker.click();
    await picker.locator('input').fill(name);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({
        has: page.locator('.ow-item-option > span:first-child', { hasText: new RegExp(`^${name}$`) }),
      })
      .first();
    try {
      await option.click({ timeout: 10_000 });
      await page.getByTestId('item-summary').waitFor();
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Clicks the first option of an antd select (the dropdown may still be opening: retried). */
export async function chooseFirst(page: Page, select: Locator) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .first()
        .click({ timeout: 3000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Fills the applicant as a person. */
export async function fillPerson(page: Page, p: { name: string; id: string; phone: string }) {
  const section = page.getByTestId('applicant-section');
  await section.getByLabel('姓名', { exact: true }).fill(p.name);
  await section.getByLabel('公民身份号码', { exact: true }).fill(p.id);
  await section.getByLabel('手机号码', { exact: true }).fill(p.phone);
}

/** Clicks a decision button of the intake page (antd puts a space between two Chinese characters). */
export async function decideAtWindow(page: Page, label: '受理' | '一次性告知补正' | '不予受理' | '仅收件') {
  const name = label.length === 2 ? new RegExp(`^${label[0]}\\s*${label[1]}$`) : label;
  await page.getByTestId('decision-bar').getByRole('button', { name }).click();
}

/** The case number shown after the decision. */
export async function caseNumberShown(page: Page): Promise<string> {
  const text = await textOf(page.getByTestId('case-number'));
  const match = /\d{6}-\d{4}-\d{7}/.exec(text);
  if (!match) throw new Error(`no case number in “${text}”`);
  return match[0];
}

/** Opens an action of the case page, fills its form through `fill`, and submits it. */
export async function act(
  page: Page,
  action: string,
  fill: (modal: Locator) => Promise<void> = async () => {},
) {
  const before = await page.getByTestId('case-page').getAttribute('data-version');
  await page.getByTestId(`action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await fill(modal);
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.waitFor({ state: 'hidden' });
  // The page reloads the case: wait for its new version so the next step sees the new buttons.
  await page.waitForFunction(
    (v) => document.querySelector('[data-testid="case-page"]')?.getAttribute('data-version') !== v,
    before,
  );
}

/** Opens the row of a case in a case table and returns it. */
export function caseRow(page: Page, table: string, number: string): Locator {
  return page.getByTestId(table).locator('tr', { hasText: number });
}

/** The clerk, logged in on a fresh page, at the window intake of 食品经营许可 (a comprehensive-window item). */
export async function startFoodLicenceIntake(web: WebApp, viewport?: { width: number; height: number }) {
  const clerk = await pageAs(web, 'clerk', viewport);
  await openMenu(clerk, '综合窗口受理');
  await pickItem(clerk, '食品经营许可');
  return clerk;
}

/** Fills the 食品经营许可 intake: the applicant, the first business type, the floor area, every original. */
export async function fillFoodLicence(
  page: Page,
  applicant: { name: string; id: string; phone: string },
  area: string,
) {
  await fillPerson(page, applicant);
  const form = page.getByTestId('form-fields');
  await chooseFirst(page, field(form, '主体业态').locator('.ant-select'));
  await field(form, '经营场所面积（平方米）').locator('input').fill(area);
  await page.getByTestId('all-original').click();
}

/** Accepts the intake at the window and returns the new case's number. */
export async function acceptAtWindow(page: Page): Promise<string> {
  await decideAtWindow(page, '受理');
  await page.getByTestId('intake-result').waitFor();
  return caseNumberShown(page);
}

/** Opens the department queue of a back-office user's 我的待办. */
export async function openDepartmentQueue(page: Page) {
  await openMenu(page, '我的待办');
  await page.getByRole('tab', { name: '部门队列' }).click();
}

/** The department queue of a back-office user, with the row of a case. */
export async function queueRow(page: Page, number: string) {
  await openDepartmentQueue(page);
  const row = caseRow(page, 'work-queue', number);
  await row.waitFor();
  return row;
}

/** Opens a case from a list row's number. */
export async function openCase(page: Page, table: string, number: string) {
  await caseRow(page, table, number).getByTestId('case-link').click();
  await page.getByTestId('case-page').waitFor();
}
