import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar } from '../../../../contracts/identifiers.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { catalogDb } from '../store/store.ts';
import { multipart, rowsOf, setCell, workbookOf } from '../testing/exchange-fixtures.ts';
import { demoDepartment, sampleItem } from '../testing/test-fixtures.ts';

const MARKET = '梨树县市场监督管理局';

/** Uploads a workbook to the import endpoint, with form `fields` and under the file `name`. */
function upload(
  client: Client,
  bytes: Buffer,
  { fields = {}, name = '事项.xlsx' }: { fields?: Record<string, string>; name?: string } = {},
) {
  const body = multipart({ name, bytes }, fields);
  return client.inject({ method: 'POST', url: '/api/catalog/import', ...body });
}

describeEachDb('catalogue import from .xlsx', (ctx) => {
  /** A file with five kinds of mistakes on rows 2–6 and 8, and one good item on row 7. */
  async function faultyFile(prefix: string) {
    const { platform } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const code = (n: number) => `${market.creditCode}${prefix}${n}`;
    const taken = await catalogDb(platform.db)
      .selectFrom('catalog_items')
      .select('implementation_code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const item = (n: number, extra = {}) => ({
      doc: sampleItem(market, { name: `导入测试事项${prefix}${n}`, implementationCode: code(n), ...extra }),
      department: MARKET,
    });
    const bare = { materials: [], situations: [], formFields: [] };
    const rows = rowsOf([
      item(1),
      item(2),
      item(1, bare), // row 4: the implementation code of row 2 again
      item(4, bare),
      item(5, bare),
      item(6),
      item(7, { ...bare, implementationCode: taken.implementation_code }),
    ]);
    setCell(rows, { sheet: '事项', index: 0, header: '事项类型代码' }, '99');
    setCell(rows, { sheet: '事项', index: 1, header: '承诺办结时限' }, 30);
    const body = market.creditCode.slice(0, 17);
    const wrong = creditCodeCheckChar(body) === '0' ? '1' : '0';
    setCell(rows, { sheet: '事项', index: 3, header: '实施主体代码' }, `${body}${wrong}`);
    setCell(rows, { sheet: '事项', index: 4, header: '事项名称' }, null);
    return { bytes: await workbookOf(rows), code };
  }

  test('a file with several mistakes reports each at its row and column, and imports nothing', async () => {
    const admin = await ctx().as('catalog');
    const { bytes, code } = await faultyFile('20999010');
    const res = await upload(admin, bytes);
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.imported, 0);
    assert.equal(result.total, 7);
    const where = result.errors.map(
      (e: { sheet: string; row: number; column: string }) => `${e.sheet}!${e.row}:${e.column}`,
    );
    assert.deepEqual(where, [
      '事项!2:事项类型代码',
      '事项!3:承诺办结时限',
      '事项!4:实施编码',
      '事项!5:实施主体代码',
      '事项!6:事项名称',
      '事项!8:实施编码',
    ]);
    const messages = result.errors.map((e: { message: string }) => e.message);
    assert.match(messages[0], /事项类型代码“99”无效/);
    assert.match(messages[1], /承诺办结时限（30工作日）不得长于法定办结时限（20工作日）/);
    assert.match(messages[2], /与第 2 行重复/);
    assert.match(messages[3], /实施主体统一社会信用代码/);
    assert.match(messages[4], /事项名称不能为空/);
    assert.match(messages[5], /已被事项“.+”使用/);
    const stored = await catalogDb(ctx().platform.db)
      .selectFrom('catalog_items')
      .select('id')
      .where('implementation_code', 'in', [code(1), code(2), code(6)])
      .execute();
    assert.equal(stored.length, 0, 'nothing half-imported');
  });

  test('valid-only imports the good items as drafts, reports the rest, and audits the import', async () => {
    const { platform } = ctx();
    const admin = await ctx().as('catalog');
    const { bytes, code } = await faultyFile('20999020');
    const res = await upload(admin, bytes, { fields: { mode: 'valid-only' } });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.imported, 1);
    assert.equal(result.errors.length, 6);
    assert.deepEqual(
      result.items.map((i: { implementationCode: string }) => i.implementationCode),
      [code(6)],
    );
    const detail = await admin.get(`/api/catalog/items/${result.items[0].id}`);
    assert.equal(detail.json().status, 'draft');
    assert.equal(detail.json().document.materials.length, 2);
    assert.equal(detail.json().document.situations[0].answers[1].materialIds[0], 'entrust-letter');
    assert.equal((await ctx().anonymous.get(`/api/catalog/items/${result.items[0].id}`)).statusCode, 404);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_name'])
      .where('action', '=', 'catalog.import')
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}').itemIds, [result.items[0].id]);
  });

  test('a catalogue administrator may publish on import; the items are public at once', async () => {
    const { platform } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const admin = await ctx().as('catalog');
    const rows = rowsOf([
      {
        doc: sampleItem(market, {
          name: '导入即发布测试事项',
          implementationCode: `${market.creditCode}2099903001`,
        }),
        department: MARKET,
      },
    ]);
    const res = await upload(admin, await workbookOf(rows), { fields: { publish: 'true' } });
    assert.equal(res.json().imported, 1, res.body);
    const id = res.json().items[0].id;
    const guide = await ctx().anonymous.get(`/api/catalog/items/${id}`);
    assert.equal(guide.statusCode, 200);
    assert.equal(guide.json().document.name, '导入即发布测试事项');
  });

  test('only catalogue administrators import: a clerk and a department handler get 403, nobody 401', async () => {
    const market = await demoDepartment(ctx().platform.db, MARKET);
    const bytes = await workbookOf(rowsOf([{ doc: sampleItem(market), department: MARKET }]));
    for (const user of ['clerk', 'scjg_handler']) {
      const res = await upload(await ctx().as(user), bytes);
      assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
    }
    const anonymous = await upload(ctx().anonymous, bytes);
    assert.equal(anonymous.statusCode, 401);
  });

  test('a file that is not .xlsx, or is over 10 MB, is refused with a clear code', async () => {
    const admin = await ctx().as('catalog');
    const csv = await upload(admin, Buffer.from('事项名称,实施编码\n测试,123\n'), { name: '事项.xlsx' });
    assert.equal(csv.statusCode, 415);
    assert.equal(csv.json().error.code, 'CATALOG_IMPORT_NOT_XLSX');
    assert.match(csv.json().error.message, /不是 Excel 工作簿/);
    const xls = await upload(admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), {
      name: '旧.xls',
    });
    assert.match(xls.json().error.details.detected, /\.xls/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('PK\u0003\u0004', 0, 'latin1');
    const tooLarge = await upload(admin, big);
    assert.equal(tooLarge.statusCode, 413);
    assert.equal(tooLarge.json().error.code, 'CATALOG_IMPORT_FILE_TOO_LARGE');
    // A small file that claims to unpack to gigabytes (a ZIP bomb) is refused before it is inflated.
    const bomb = Buffer.from(await workbookOf(rowsOf([])));
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xf0000000, directory + 24);
    const bombed = await upload(admin, bomb);
    assert.equal(bombed.statusCode, 413);
    assert.equal(bombed.json().error.code, 'CATALOG_IMPORT_FILE_TOO_LARGE');
    const broken = await upload(admin, Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'));
    assert.equal(broken.json().error.code, 'CATALOG_IMPORT_NOT_XLSX');
    const noFile = await admin.inject({
      method: 'POST',
      url: '/api/catalog/import',
      ...multipart(null, { mode: 'valid-only' }),
    });
    assert.equal(noFile.json().error.code, 'CATALOG_IMPORT_FILE_MISSING');
    const badMode = await upload(admin, await workbookOf(rowsOf([])), { fields: { mode: 'some' } });
    assert.equal(badMode.statusCode, 400);
    assert.equal(badMode.json().error.details.fields[0].path, 'body.mode');
  });

  test('a sheet missing columns gets one error naming them all', async () => {
    const admin = await ctx().as('catalog');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('事项').addRow(['事项名称', '基本编码', '实施编码', '事项类型代码']);
    wb.addWorksheet('材料').addRow(['实施编码', '材料名称']);
    const res = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'CATALOG_IMPORT_COLUMNS_MISSING');
    const [items, materials] = res.json().error.details.errors;
    assert.equal(items.sheet, '事项');
    assert.equal(items.row, 1);
    assert.match(items.message, /缺少列：设定依据、行使层级代码、.*法定办结时限、/);
    assert.doesNotMatch(items.message, /事项名称|结果样本/, 'present and optional columns are not named');
    assert.equal(materials.sheet, '材料');
    assert.match(materials.message, /出具机构、原件份数/);
    const none = new ExcelJS.Workbook();
    none.addWorksheet('Sheet1').addRow(['a']);
    const noSheet = await upload(admin, Buffer.from(await none.xlsx.writeBuffer()));
    assert.equal(noSheet.json().error.code, 'CATALOG_IMPORT_SHEET_MISSING');
  });
});
