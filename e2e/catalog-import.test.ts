import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoCreditCode } from '../demo/org.ts';
import { rowsOf, sampleItem, setCell, workbookOf } from '../server/modules/catalog/testing/index.ts';
import { logIn, menuLabels, openMenu, startWebApp, textOf, type WebApp } from './harness.ts';

const MARKET = '梨树县市场监督管理局';

/** Two items with three mistakes: unknown type code, promised limit over the legal one, no name. */
async function faultyWorkbook(): Promise<Buffer> {
  const body = { id: 'unused', creditCode: demoCreditCode(1) };
  const item = (n: number) => ({
    doc: sampleItem(body, {
      name: `浏览器导入测试${n}`,
      implementationCode: `${body.creditCode}40999010${n}`,
    }),
    department: MARKET,
  });
  const rows = rowsOf([item(1), item(2)]);
  setCell(rows, { sheet: '事项', index: 0, header: '事项类型代码' }, '88');
  setCell(rows, { sheet: '事项', index: 1, header: '承诺办结时限' }, 40);
  setCell(rows, { sheet: '事项', index: 1, header: '事项名称' }, null);
  return workbookOf(rows);
}

describe('console: catalogue import and export page (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('a catalogue administrator uploads a faulty file and sees every bad row; nothing is imported', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'catalog');
    await openMenu(page, '事项导入导出');
    await page.getByTestId('download-template').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '事项.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await faultyWorkbook(),
    });
    await page.getByTestId('import-start').click();
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.match(rows[0] ?? '', /^事项 2 事项类型代码 事项类型代码“88”无效/);
    assert.match(rows[1] ?? '', /^事项 3 事项名称 事项名称不能为空/);
    assert.match(rows[2] ?? '', /^事项 3 承诺办结时限 承诺办结时限（40工作日）不得长于法定办结时限/);
    assert.match(await textOf(page.locator('.ant-alert')), /未导入任何事项：共 2 个事项行，3 处错误/);
    const found = await page.evaluate(async () => {
      const res = await fetch(`/api/console/catalog/items?q=${encodeURIComponent('浏览器导入测试')}`);
      return (await res.json()).total;
    });
    assert.equal(found, 0, 'nothing half-imported');
    // The export buttons carry the chosen filters.
    await page.locator('.ant-select').filter({ hasText: '事项类型' }).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^行政许可$/ })
      .click();
    assert.match(
      (await page.getByTestId('export-xlsx').getAttribute('href')) ?? '',
      /export\.xlsx\?type=01$/,
    );
  });

  test('a window clerk has no import page', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'clerk');
    assert.ok(!(await menuLabels(page)).includes('事项导入导出'));
  });
});
