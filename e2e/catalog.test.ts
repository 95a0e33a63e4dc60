import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { logIn, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

const PHONE = { width: 390, height: 844 };

/** The id of the published item with exactly this name, from the public search API. */
async function itemId(web: WebApp, name: string): Promise<string> {
  const res = await fetch(`${web.baseUrl}/api/catalog/items?q=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const hit = body.items.find((i) => i.name === name);
  assert.ok(hit, `no published item named ${name}`);
  return hit.id;
}

/** Material names listed by the guide, in order. */
async function materialNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('material').locator('.g-mname > span:first-child').allTextContents()).map(
    (s) => s.trim(),
  );
}

/** The form item (label + control + error) of the catalogue editor whose label is exactly `label`. */
function field(page: Page, label: string) {
  return page
    .getByTestId('item-form')
    .locator('.ant-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

describe('catalogue pages: portal search and guide, console 事项管理 (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('on a phone, 户口 and yyzz find items with depth, visits and time limit, and a result opens its guide', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByRole('searchbox').fill('户口');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    // Names come first in the ranking (other fields, such as the department or topics, follow).
    const names = await page.getByTestId('search-results').locator('.sr-name').allTextContents();
    assert.ok(names.length >= 5, `only ${names.length} results for 户口`);
    for (const n of names.slice(0, 5)) assert.match(n, /户口/);
    assert.equal(
      await page.getByTestId('search-results').locator('.sr-name mark').first().textContent(),
      '户口',
    );
    assert.match(await textOf(page.getByTestId('search-count')), /共找到 \d+ 个事项/);
    const first = await textOf(hits.first());
    assert.match(first, /梨树县公安局/);
    assert.match(first, /全程网办|网上预审|网上申报|仅信息公开/);
    assert.match(first, /零跑动|最多跑一次|最多跑两次|最多跑三次/);
    assert.match(first, /承诺时限/);

    // Pinyin initials: yyzz is 营业执照.
    const box = page.getByRole('searchbox');
    await box.fill('yyzz');
    await box.press('Enter');
    await page.waitForURL(/q=yyzz/);
    await page.getByTestId('search-results').getByText('营业执照遗失补领、换发').waitFor();
    for (const n of await page.getByTestId('search-results').locator('.sr-name').allTextContents()) {
      assert.match(n, /营业执照/);
    }
    await page.getByText('营业执照遗失补领、换发').click();
    await page.waitForURL(/\/guide\//);
    assert.equal(await textOf(page.getByTestId('guide-title')), '营业执照遗失补领、换发');
    assert.match(await textOf(page.getByTestId('guide-facts')), /承诺办结时限/);
    // The guide's QR code is drawn, and nothing is wider than the phone.
    await page.getByTestId('guide-qr').locator('img[src^="data:image/png"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `guide is ${overflow}px wider than the phone`);
  });

  test('the 个人办事 tile filters to items for individuals, and the department filter narrows further', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByRole('link', { name: /个人办事/ }).click();
    await page.waitForURL(/object=person/);
    await page.getByTestId('search-hit').first().waitFor();
    assert.equal(await page.getByRole('tab', { name: '个人办事' }).getAttribute('aria-selected'), 'true');
    const all = Number((await textOf(page.getByTestId('search-count'))).match(/\d+/)?.[0]);
    await page.getByTestId('filter-department').selectOption({ label: '梨树县公安局' });
    await page.waitForURL(/department=/);
    // Wait for the new count (not the old one, nor the loading line shown in between).
    await page.waitForFunction((n) => {
      const m = document.querySelector('[data-testid="search-count"]')?.textContent?.match(/共找到 (\d+) /);
      return m !== null && m !== undefined && Number(m[1]) !== n;
    }, all);
    const some = Number((await textOf(page.getByTestId('search-count'))).match(/\d+/)?.[0]);
    assert.ok(some > 0 && some < all, `${some} of ${all}`);
    for (const t of await page.getByTestId('search-results').locator('.sr-dept').allTextContents()) {
      assert.equal(t, '梨树县公安局');
    }
    // "More" appends the next page.
    const before = await page.getByTestId('search-hit').count();
    await page.getByTestId('search-more').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="search-hit"]').length > n,
      before,
    );
  });

  test('answering 是否委托他人办理 = 委托他人办理 adds the power of attorney to the materials', async () => {
    const id = await itemId(web, '户口迁移（市外迁入）');
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/guide/${id}`);
    await page.getByTestId('materials').waitFor();
    // Unanswered, the situational materials are listed and marked 视情形.
    assert.match(await textOf(page.getByTestId('materials')), /授权委托书\s*视情形：委托他人办理/);
    const entrust = page.getByTestId('situation-entrust');
    assert.match(await textOf(entrust), /是否委托他人办理/);
    await entrust.getByRole('button', { name: '本人办理' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="materials"]')?.textContent?.includes('授权委托书'),
    );
    const self = await materialNames(page);
    assert.ok(!self.includes('授权委托书') && !self.includes('受托人居民身份证'), self.join());
    await entrust.getByRole('button', { name: '委托他人办理' }).click();
    await page.getByTestId('materials').getByText('授权委托书', { exact: true }).waitFor();
    const agent = await materialNames(page);
    assert.ok(agent.includes('授权委托书') && agent.includes('受托人居民身份证'), agent.join());
    assert.equal(agent.length, self.length + 2);
    assert.match(await textOf(page.getByTestId('materials')), /授权委托书\s*适用情形：委托他人办理/);
    // The Word guide follows the answers (the server tailors it the same way).
    const href = (await page.getByTestId('guide-docx').getAttribute('href')) ?? '';
    assert.match(decodeURIComponent(href), /guide\.docx\?answers=entrust:agent$/);
    const docx = await fetch(`${web.baseUrl}${href}`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-type') ?? '', /officedocument\.wordprocessingml/);
    assert.equal(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
    // The other question still open keeps its materials marked; answering it drops the others.
    await page.getByTestId('situation-reason').getByRole('button', { name: '就业落户' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="materials"]')?.textContent?.includes('不动产权证书'),
    );
    const names = await materialNames(page);
    assert.ok(
      names.includes('劳动合同') && !names.includes('亲属关系证明（结婚证、出生医学证明等）'),
      names.join(),
    );
  });

  test('on a phone the search, guide and progress pages load no antd; in English the guide’s facts read in English', async () => {
    const id = await itemId(web, '户口恢复');
    const { page } = await web.newPage(PHONE);
    const scripts = new Set<string>();
    const collect = async () => {
      await page.waitForLoadState('networkidle');
      const urls = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.endsWith('.js')),
      );
      for (const u of urls) scripts.add(u);
    };
    await page.goto(`${web.baseUrl}/search?q=${encodeURIComponent('户口')}`);
    await page.getByTestId('search-hit').first().waitFor();
    await collect();
    await page.goto(`${web.baseUrl}/guide/${id}`);
    await page.getByTestId('guide-facts').waitFor();
    await collect();
    await page.goto(`${web.baseUrl}/progress`);
    await page.getByTestId('progress-form').waitFor();
    await collect();
    assert.ok(scripts.size > 0);
    // antd's ConfigProvider is in its core chunk (264 kB); the portal's pages must not pull it in.
    for (const url of scripts) {
      const js = await (await fetch(url)).text();
      assert.ok(!js.includes('ConfigProvider'), `${url} is an antd chunk`);
    }

    await page.goto(`${web.baseUrl}/guide/${id}`);
    await page.getByTestId('lang-switch').click();
    const facts = page.getByTestId('guide-facts');
    await facts.getByText('Promised time limit').waitFor();
    const text = await textOf(facts);
    assert.ok(!/[\u4e00-\u9fff]/.test(text), `Chinese left in the facts: ${text}`);
    assert.match(text, /1 working day(?!s)/, 'one working day, singular');
    assert.match(text, /Done within a promised time/);
    assert.match(text, /Only in this county/);
  });

  test('the print view hides the header, navigation and buttons and prints black on white', async () => {
    const id = await itemId(web, '居民身份证申领');
    const { page } = await web.newPage({ width: 1280, height: 800 });
    await page.goto(`${web.baseUrl}/guide/${id}`);
    await page.getByTestId('guide').waitFor();
    assert.ok(await page.locator('.pt-header').isVisible());
    assert.ok(await page.getByTestId('guide-print').isVisible());
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.pt-header',
      '.pt-footer',
      '.g-back',
      '[data-testid="guide-print"]',
      '.g-answers',
    ]) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} shows in print`);
    }
    assert.ok(await page.getByTestId('guide-title').isVisible());
    assert.ok(await page.getByTestId('materials').isVisible());
    assert.ok(await page.getByTestId('guide-qr').isVisible());
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      page: getComputedStyle(document.querySelector('.pt-page') as Element).backgroundColor,
      title: getComputedStyle(document.querySelector('[data-testid="guide-title"]') as Element).color,
    }));
    assert.deepEqual(colours, {
      body: 'rgb(255, 255, 255)',
      page: 'rgb(255, 255, 255)',
      title: 'rgb(0, 0, 0)',
    });
    // It lays out on A4 paper.
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
  });

  test('as catalog: revise a published item, submit, approve, and the portal shows the change', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'catalog');
    await openMenu(page, '事项管理');
    await page.getByTestId('stat-published').getByText('1,782').waitFor();
    assert.match(await textOf(page.getByTestId('stat-comprehensive')), /1,688\s*\/ 94\.73%/);
    await page.getByTestId('catalog-search').locator('input').fill('出生登记');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    const row = page.getByTestId('catalog-table').locator('tr', { hasText: '出生登记' }).first();
    await row.getByTestId('open-item').click();
    await page.getByTestId('notice-revise').waitFor();
    assert.equal(await page.getByTestId('save-draft').count(), 0);
    await page.getByTestId('action-newVersion').click();
    await page.getByTestId('save-draft').waitFor();
    assert.match(await textOf(page.locator('.ow-page-title')), /v2\s*草稿/);
    const note = field(page, '时限说明').nth(1).locator('input');
    await note.fill('材料齐全的，当场办结（修订后）');
    await page.getByTestId('action-submit').click();
    await page.getByText('已提交审核').waitFor();
    await page.getByTestId('action-approve').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已审核通过并发布').waitFor();
    await page.getByTestId('action-newVersion').waitFor();
    // The history lists both versions; the first is superseded.
    const history = await textOf(page.getByTestId('version-history'));
    assert.match(history, /v2\s*已发布/);
    assert.match(history, /v1\s*已被替代/);

    const id = await itemId(web, '出生登记');
    const portal = (await web.newPage(PHONE)).page;
    await portal.goto(`${web.baseUrl}/guide/${id}`);
    assert.match(await textOf(portal.getByTestId('promised-limit')), /材料齐全的，当场办结（修订后）/);
  });

  test('as scjg_handler: a 公安局 item is read-only with no edit button, and the API refuses a revision', async () => {
    const id = await itemId(web, '居民身份证换领');
    const { page } = await web.newPage();
    await logIn(web, page, 'scjg_handler');
    await page.goto(`${web.baseUrl}/console/catalog/${id}`);
    const notice = page.getByTestId('notice-readonly');
    await notice.waitFor();
    assert.match(await textOf(notice), /梨树县公安局.*只能查看/);
    for (const button of ['save-draft', 'action-newVersion', 'action-submit', 'action-retire']) {
      assert.equal(await page.getByTestId(button).count(), 0, button);
    }
    assert.ok(await field(page, '事项名称').locator('input').isDisabled());
    // The server says no too (the page holds the CSRF token after /me).
    const status = await page.evaluate(async (itemId) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/catalog/items/${itemId}/new-version`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ expectedRevision: 1 }),
      });
      return res.status;
    }, id);
    assert.equal(status, 403);
    // Their own department's items offer the revision.
    const own = await itemId(web, '营业执照遗失补领、换发');
    await page.goto(`${web.baseUrl}/console/catalog/${own}`);
    await page.getByTestId('action-newVersion').waitFor();
    assert.equal(await page.getByTestId('notice-readonly').count(), 0);
  });

  test('department staff create an item for their own department; it starts as a draft they can submit', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'scjg_handler');
    await openMenu(page, '事项管理');
    await page.getByRole('button', { name: /新建事项/ }).click();
    await page.getByTestId('save-draft').waitFor();
    // The department defaults to their own.
    assert.match(await textOf(field(page, '实施部门')), /梨树县市场监督管理局/);
    const fill = async (label: string, value: string) => {
      const control = field(page, label).locator('input, textarea').first();
      await control.fill(value);
    };
    await fill('事项名称', '农村集体聚餐备案（测试）');
    await fill('基本编码', 'test-0001');
    await fill('实施编码', 'TEST-LS-0001');
    await fill('实施主体名称', '梨树县市场监督管理局');
    await fill('实施主体统一社会信用代码', '11220322013010371L');
    await fill('设定依据', '《吉林省食品小作坊小餐饮店小食杂店和食品摊贩管理条例》');
    await fill('受理条件', '举办农村集体聚餐的');
    await fill('办理流程', '申报、登记、指导');
    await fill('办理地点', '各乡镇市场监管所');
    await fill('咨询电话', '0434-5222110');
    await fill('结果名称', '备案回执');
    await page.getByTestId('save-draft').click();
    await page.waitForURL(/\/console\/catalog\/[0-9a-f-]{36}\?version=/);
    await page.getByTestId('action-submit').waitFor();
    assert.match(await textOf(page.locator('.ow-page-title')), /草稿/);
    // Codes are stored upper-case, as the catalogue writes them.
    assert.equal(await field(page, '基本编码').locator('input').inputValue(), 'TEST-0001');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('notice-review').waitFor();
    assert.match(await textOf(page.locator('.ow-page-title')), /待审核/);
  });

  test('a promised limit longer than the legal one is refused and the message shows at the field', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'catalog');
    const id = await itemId(web, '居民身份证申领');
    await page.goto(`${web.baseUrl}/console/catalog/${id}`);
    await page.getByTestId('action-newVersion').click();
    await page.getByTestId('save-draft').waitFor();
    const legal = await field(page, '法定办结时限').locator('input').inputValue();
    assert.equal(legal, '60');
    const promised = field(page, '承诺办结时限').locator('input');
    await promised.fill('90');
    await page.getByTestId('save-draft').click();
    const error = field(page, '承诺办结时限').locator('.ant-form-item-explain-error');
    await error.waitFor();
    assert.match(await textOf(error), /承诺办结时限（90工作日）不得长于法定办结时限（60自然日）/);
  });
});
