/**
 * Saves the README's screenshots into docs/screenshots/: the real server on a fresh demo database,
 * driven by Chromium. Run after `npm run build:web` with `npx tsx e2e/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { caseScreenshots } from './case-screenshots.ts';
import { catalogScreenshots } from './catalog-screenshots.ts';
import { logIn, openMenu, startWebApp } from './harness.ts';
import { portalAccountScreenshots } from './portal-account-screenshots.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  // Let antd's transitions and web fonts settle so the picture is what a user sees.
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(640, 799);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: options.fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

mkdirSync(OUT, { recursive: true });
// The demo cases of 2026 too: the queue and the supervision page show what a county has on a day.
const web = await startWebApp({ cases: true });
try {
  const portal = await web.newPage(PHONE);
  await portal.page.goto(`${web.baseUrl}/`);
  await portal.page.getByTestId('portal-tiles').waitFor();
  await shot(portal.page, 'portal-phone');

  const desktop = await web.newPage(DESKTOP);
  const page = desktop.page;
  await page.goto(`${web.baseUrl}/`);
  await page.getByTestId('portal-tiles').waitFor();
  await shot(page, 'portal-desktop');

  await page.goto(`${web.baseUrl}/console/login`);
  await page.getByText('工作人员登录').waitFor();
  await shot(page, 'console-login');

  await logIn(web, page, 'admin');
  await page.getByTestId('my-grants').waitFor();
  await shot(page, 'console-home');

  await openMenu(page, '机构管理');
  // The tree is virtual (94 units): filter to bring the county service centre into view.
  await page.getByPlaceholder('按名称筛选').fill('政务服务');
  await page.getByTestId('org-tree').getByText('梨树县政务服务中心', { exact: true }).click();
  await page.getByRole('button', { name: /编\s*辑/ }).waitFor();
  await shot(page, 'console-org');

  await openMenu(page, '窗口管理');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'console-windows');

  await openMenu(page, '人员管理');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'console-staff');

  await openMenu(page, '节假日日历');
  await page.locator('[data-date="2026-10-01"]').waitFor();
  await page.getByRole('button', { name: /计\s*算/ }).click();
  await page.getByTestId('calc-result').waitFor();
  await shot(page, 'console-calendar');

  await openMenu(page, '短信发件箱');
  await page.getByRole('button', { name: /发送测试短信/ }).click();
  await page.locator('.ant-modal input').fill('13943401001');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'console-outbox');

  await openMenu(page, '任务队列');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'console-jobs');

  await openMenu(page, '审计日志');
  await page.getByRole('button', { name: /校验审计链/ }).click();
  await page.getByTestId('audit-verify').waitFor();
  await shot(page, 'console-audit');

  await caseScreenshots(web, shot, { desktop: DESKTOP, phone: PHONE });
  await catalogScreenshots(web, shot, { desktop: DESKTOP, phone: PHONE });
  await portalAccountScreenshots(web, shot, { phone: PHONE });
} finally {
  await web.close();
}
