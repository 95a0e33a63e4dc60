import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startWebApp, textOf, type WebApp } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const TILES = [
  '办事指南',
  '个人办事',
  '法人办事',
  '高效办成一件事',
  '办件进度查询',
  '好差评',
  '乡镇便民服务',
];

describe('portal front page (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('at phone size it shows the county name, the search box and every tile, without sideways scrolling', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByText('梨树县一体化政务服务平台').waitFor();
    await page.getByText('一网通办 · 掌上办').waitFor();
    const tiles = await textOf(page.getByTestId('portal-tiles'));
    for (const tile of [...TILES, '工作人员入口']) assert.ok(tiles.includes(tile), `tile ${tile}`);
    await page.getByRole('searchbox').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    // The phone does not download the console (antd) to show the front page.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
    assert.ok(!scripts.some((s) => s.includes('ConsoleApp')), scripts.join('\n'));
  });

  test('a tile of a feature not built yet leads to a clean 即将上线 page and back', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByRole('link', { name: /好差评/ }).click();
    await page.waitForURL('**/ratings');
    const notice = page.getByTestId('coming-soon');
    await notice.waitFor();
    assert.match(await textOf(notice), /即将上线/);
    assert.match(await textOf(notice), /好差评/);
    // A reload of that address is served by the server too (history fallback).
    await page.reload();
    await notice.waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByTestId('portal-tiles').waitFor();
  });

  test('searching goes to /search?q= and the staff tile opens the console log-in', async () => {
    const { page } = await web.newPage({ width: 1280, height: 800 });
    await page.goto(`${web.baseUrl}/`);
    await page.getByRole('searchbox').fill('营业执照');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.equal(new URL(page.url()).searchParams.get('q'), '营业执照');
    // The catalogue search answers there (e2e/catalog.test.ts covers it in depth).
    await page.getByTestId('search-results').getByText('营业执照').first().waitFor();
    await page.goto(`${web.baseUrl}/`);
    await page.getByRole('link', { name: /工作人员入口/ }).click();
    await page.waitForURL('**/console/login');
    await page.getByText('工作人员登录').waitFor();
  });
});
