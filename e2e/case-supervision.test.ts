import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_CASE_SETTINGS, recomputeWarnings } from '../server/modules/cases/index.ts';
import {
  acceptLongAgo,
  insertTestItem,
  person,
  testMaterial,
} from '../server/modules/cases/testing/index.ts';
import { logIn, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

describe('效能监察 by service point (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    // No demo cases: the only late cases are two received at 南杏山村 weeks ago (none at 梨树镇 itself)
    // and one at 郭家店镇.
    web = await startWebApp();
    const itemId = await insertTestItem(web.platform, {
      name: '个体工商户登记',
      departmentCode: '220322D01',
      grassroots: ['township', 'village'],
      materials: [testMaterial('m1', '个体工商户登记申请书'), testMaterial('m2', '经营场所使用证明')],
      formFields: [{ key: 'shopName', label: '字号名称', kind: 'text', required: true, options: [] }],
    });
    for (const [clerk, seq] of [
      ['village', 61],
      ['village', 62],
      ['guojiadian', 63],
    ] as const) {
      await acceptLongAgo(web, clerk, {
        itemId,
        applicant: person(seq),
        situations: {},
        form: { shopName: `南杏山${seq}号小卖部` },
      });
    }
    await recomputeWarnings(web.platform, DEFAULT_CASE_SETTINGS);
  });
  after(async () => {
    await web?.close();
  });

  test('a township whose warnings are all at its villages has a row, with the village under it, and filters to them', async () => {
    const { page } = await web.newPage({ width: 1440, height: 900 });
    await logIn(web, page, 'supervisor');
    await openMenu(page, '效能监察');
    const points = page.getByTestId('sup-service-points');
    const township = points.locator('tr.ant-table-row-level-0', { hasText: '梨树镇' });
    await township.waitFor();
    const village = points.locator('tr.ant-table-row-level-1', { hasText: '南杏山村' });
    await village.waitFor();
    // The township's counts are its villages' (it has none of its own here).
    const counts = async (row: typeof township) =>
      (await row.locator('td').allTextContents()).slice(1).map((s) => s.trim());
    assert.deepEqual(await counts(township), await counts(village));
    assert.equal((await counts(township)).join('+'), '0+2', 'two red cases, no yellow');

    const cases = page.getByTestId('sup-cases').locator('tr.ant-table-row');
    const rowsAre = (n: number) =>
      page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="sup-cases"] tr.ant-table-row').length === count,
        n,
      );
    await rowsAre(3);
    await township.click();
    await rowsAre(2);
    for (const row of await cases.all()) assert.match(await textOf(row), /南杏山村/);
    // Choosing it again clears the filter; a table without warnings says so in words.
    await township.click();
    await rowsAre(3);
    await page.getByTestId('sup-level').getByText('黄牌').click();
    await points.getByText('没有黄牌或红牌').waitFor();
  });
});
