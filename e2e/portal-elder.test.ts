import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { startWebApp, type WebApp } from './harness.ts';

const PHONE = { width: 375, height: 667 };

/** What a reader sees of an element: its type size and line spacing as rendered (zoom included), its height. */
function rendered(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const zoom = Number.parseFloat(getComputedStyle(el.closest('.pt-page') ?? el).zoom || '1');
      const style = getComputedStyle(el);
      const size = Number.parseFloat(style.fontSize);
      return {
        px: size * zoom,
        lineRatio: Number.parseFloat(style.lineHeight) / size,
        height: el.getBoundingClientRect().height,
      };
    });
}

describe('portal elder mode (适老化) on a phone (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('?elder=1 turns it on: 18 px type or more, line spacing 1.5 or more, 44 px touch targets; it persists and switches off', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/login?elder=1`);
    await page.getByLabel('手机号码').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pt-elder')), true);
    const intro = await rendered(page, '.ac-intro');
    assert.ok(intro.px >= 18, `body text ${intro.px} px`);
    assert.ok(intro.lineRatio >= 1.5, `line spacing ${intro.lineRatio}`);
    for (const target of ['[data-testid="elder-switch"]', '[data-testid="send-code"]', '.ac-primary']) {
      const box = await page.locator(target).first().boundingBox();
      assert.ok(box && box.height >= 44, `${target} is ${box?.height} px high`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);

    // Kept across visits, without the parameter.
    await page.goto(`${web.baseUrl}/progress`);
    await page.getByTestId('progress-form').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pt-elder')), true);
    assert.equal(await page.getByTestId('elder-switch').getAttribute('aria-pressed'), 'true');

    // Switched off by keyboard from the header: the focus is visible on the switch.
    await page.getByTestId('elder-switch').focus();
    const outline = await page
      .getByTestId('elder-switch')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'visible focus');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pt-elder')), false);
    await page.reload();
    await page.getByTestId('progress-form').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pt-elder')), false);
  });

  test('the main portal pages have no serious or critical axe-core violations in elder mode', async () => {
    const { page } = await web.newPage(PHONE);
    const pages: [string, string][] = [
      ['/?elder=1', '[data-testid="portal-tiles"]'],
      ['/search?q=%E6%88%B7%E5%8F%A3', '[data-testid="search-hit"]'],
      ['/progress', '[data-testid="progress-form"]'],
      ['/login', '[data-testid="portal-login-form"]'],
    ];
    for (const [url, ready] of pages) {
      await page.goto(`${web.baseUrl}${url}`);
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], `${url} in elder mode`);
    }
    await page.goto(`${web.baseUrl}/search?q=%E6%88%B7%E5%8F%A3`);
    await page.getByTestId('search-hit').first().click();
    await page.getByTestId('materials').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'a guide in elder mode');
  });
});
