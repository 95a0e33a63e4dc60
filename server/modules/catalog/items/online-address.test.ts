import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { catalogDb } from '../store/store.ts';
import { multipart, rowsOf, setCell, workbookOf } from '../testing/exchange-fixtures.ts';
import { demoDepartment, sampleItem } from '../testing/test-fixtures.ts';

const MARKET = '梨树县市场监督管理局';
/** What a guide's 网办地址 button must never point to: each is refused, however it is spelt. */
const NOT_WEB_ADDRESSES = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '/relative/path',
  'www.jlzwfw.gov.cn',
  'https://',
];

describeEachDb('网办地址 is a web address or nothing', (ctx) => {
  test('the item editor refuses every address that is not http(s), naming the field, and stores nothing', async () => {
    const editor = await ctx().as('catalog');
    const market = await demoDepartment(ctx().platform.db, MARKET);
    const count = async () =>
      Number(
        (
          await catalogDb(ctx().platform.db)
            .selectFrom('catalog_items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const [i, bad] of NOT_WEB_ADDRESSES.entries()) {
      const doc = sampleItem(market, {
        implementationCode: `${market.creditCode}10999${String(i).padStart(5, '0')}`,
        channels: { appointment: false, onlinePayment: false, mail: false, online: true, onlineUrl: bad },
      });
      const res = await editor.post('/api/catalog/items', { document: doc });
      assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
      const fields = res.json().error.details.fields as { path: string; message: string }[];
      const field = fields.find((f) => f.path === 'body.document.channels.onlineUrl');
      assert.ok(field, `${JSON.stringify(bad)}: ${res.body}`);
      assert.match(field.message, /https:\/\//);
    }
    const english = await editor.inject({
      method: 'POST',
      url: '/api/catalog/items',
      payload: {
        document: sampleItem(market, {
          channels: {
            appointment: false,
            onlinePayment: false,
            mail: false,
            online: true,
            onlineUrl: 'javascript:x',
          },
        }),
      },
      headers: { 'accept-language': 'en' },
    });
    assert.match(english.body, /Should be a web address starting with https:\/\//);
    assert.equal(await count(), before, 'nothing stored');
    const good = await editor.post('/api/catalog/items', {
      document: sampleItem(market, {
        implementationCode: `${market.creditCode}1099988888`,
        channels: {
          appointment: false,
          onlinePayment: false,
          mail: false,
          online: true,
          onlineUrl: 'https://www.jlzwfw.gov.cn/x?a=1',
        },
      }),
    });
    assert.equal(good.statusCode, 200, good.body);
  });

  test('an Excel import reports a javascript: address at its row and column and imports nothing', async () => {
    const editor = await ctx().as('catalog');
    const market = await demoDepartment(ctx().platform.db, MARKET);
    const rows = rowsOf([
      {
        doc: sampleItem(market, { implementationCode: `${market.creditCode}1099977777` }),
        department: MARKET,
      },
    ]);
    setCell(rows, { sheet: '事项', index: 0, header: '网办地址' }, 'javascript:alert(document.cookie)');
    const body = multipart({ name: '事项.xlsx', bytes: await workbookOf(rows) });
    const res = await editor.inject({ method: 'POST', url: '/api/catalog/import', ...body });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json() as {
      imported: number;
      errors: { row: number; column: string; message: string }[];
    };
    assert.equal(result.imported, 0);
    assert.deepEqual(
      result.errors.map((e) => `${e.row}:${e.column}`),
      ['2:网办地址'],
    );
  });
});
