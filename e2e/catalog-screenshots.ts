/**
 * The catalogue pages' screenshots for the README (run by e2e/screenshots.ts): the portal search
 * and a guide on a phone, the guide on a desktop and as printed, the console's 事项管理 list and editor
 * (its top, then its materials and situations).
 */
import type { Page } from 'playwright-core';
import { logIn, openMenu, type WebApp } from './harness.ts';

type Shot = (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
type Size = { width: number; height: number };

/** A4 at 96 dpi is 794 px wide; the print margins are added by hand since a screenshot has no @page. */
const A4 = { width: 794, height: 1123 };

/** Takes the catalogue pages' screenshots. */
export async function catalogScreenshots(web: WebApp, shot: Shot, sizes: { desktop: Size; phone: Size }) {
  const phone = (await web.newPage(sizes.phone)).page;
  await phone.goto(`${web.baseUrl}/search?q=${encodeURIComponent('户口')}`);
  await phone.getByTestId('search-hit').first().waitFor();
  await shot(phone, 'portal-search-phone');

  await phone.goto(`${web.baseUrl}/search?q=${encodeURIComponent('户口迁移（市外迁入）')}`);
  await phone.getByTestId('search-hit').first().click();
  await phone.getByTestId('materials').waitFor();
  const guideUrl = phone.url();
  await phone.getByTestId('situation-entrust').getByRole('button', { name: '委托他人办理' }).click();
  await phone.getByTestId('situations').scrollIntoViewIfNeeded();
  await phone.evaluate(() => window.scrollBy(0, -60));
  await shot(phone, 'portal-guide-phone');

  const desktop = (await web.newPage(sizes.desktop)).page;
  await desktop.goto(guideUrl);
  await desktop.getByTestId('guide-qr').locator('img').waitFor();
  await shot(desktop, 'portal-guide-desktop');

  const paper = (await web.newPage(A4)).page;
  await paper.goto(guideUrl);
  await paper.getByTestId('guide-qr').locator('img').waitFor();
  await paper.emulateMedia({ media: 'print' });
  await paper.addStyleTag({
    content: '@media print { body { padding: 15mm 14mm; box-sizing: border-box; } }',
  });
  await shot(paper, 'portal-guide-print');

  const page = (await web.newPage(sizes.desktop)).page;
  await logIn(web, page, 'catalog');
  await openMenu(page, '事项管理');
  await page.getByTestId('catalog-table').locator('.ant-table-row').first().waitFor();
  await page.getByTestId('stat-published').getByText('1,782').waitFor();
  await shot(page, 'console-catalog');

  await page.getByTestId('catalog-search').locator('input').fill('户口迁移');
  await page.getByTestId('catalog-search').locator('input').press('Enter');
  await page.getByTestId('catalog-table').getByRole('link', { name: '户口迁移（市外迁入）' }).click();
  // The list rows carry the same buttons: wait for the editor before pressing its 修订.
  await page.getByTestId('item-form').waitFor();
  await page.locator('.ow-page-title').getByTestId('action-newVersion').click();
  await page.getByTestId('save-draft').waitFor();
  await shot(page, 'console-catalog-editor');
  // Further down: the materials table and the situations that bring materials in.
  await page.evaluate(() => {
    const top = document.querySelector('#sec-situations')?.getBoundingClientRect().top ?? 0;
    window.scrollBy(0, top - 260);
  });
  await shot(page, 'console-catalog-materials');
}
