import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { casesDb, groupedLookupCode, lookupCodeOf } from '../server/modules/cases/testing/index.ts';
import { startWebApp, TEST_PASSWORD, type WebApp } from './harness.ts';

// axe-core checks the pages against WCAG 2.1 A/AA as a screen-reader user or a user with low vision
// meets them. The CSP refuses inline scripts, so the source is evaluated through the browser's
// debugging channel, as a browser extension would.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 375, height: 667 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // axe is the global the evaluated source defines; it has no types on window.
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

function assertNoneSerious(found: Violation[], where: string) {
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help} at ${v.targets.join(' | ')}`),
    [],
    `${where}: WCAG 2.1 AA violations`,
  );
}

describe('accessibility of the pages citizens and staff meet first (Chromium, axe-core)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp({ cases: true });
  });
  after(async () => {
    await web?.close();
  });

  test('the portal front page and the progress page on a phone: readable contrast, labelled fields, one main heading', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByTestId('portal-tiles').waitFor();
    assertNoneSerious(await violations(page), 'front page');

    const c = await casesDb(web.platform.db)
      .selectFrom('cases')
      .select(['id', 'number'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const code = groupedLookupCode(lookupCodeOf(web.platform, c.id));
    await page.goto(`${web.baseUrl}/progress`);
    await page.getByLabel(/办件编号/).fill(c.number);
    await page.getByLabel(/查询码/).fill('AAAA-BBBB-CC');
    await page.keyboard.press('Enter');
    await page.getByTestId('progress-problem').waitFor();
    assertNoneSerious(await violations(page), 'progress page with a wrong code');

    await page.goto(`${web.baseUrl}/progress?number=${c.number}&code=${code.replaceAll('-', '')}`);
    await page.getByTestId('progress-result').waitFor();
    assertNoneSerious(await violations(page), 'progress result');
  });

  test('the console log-in and the forced password change', async () => {
    const { page } = await web.newPage();
    await page.goto(`${web.baseUrl}/console/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    assertNoneSerious(await violations(page), 'console log-in');

    await web.platform.db
      .updateTable('accounts')
      .set({ must_change_password: 1 })
      .where('username', '=', 'leader')
      .execute();
    await page.getByLabel('用户名', { exact: true }).fill('leader');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('首次登录或密码已被重置').waitFor();
    assertNoneSerious(await violations(page), 'forced password change');
  });
});
