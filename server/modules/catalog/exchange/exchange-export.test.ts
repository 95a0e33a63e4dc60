import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { buildApp } from '../../../app.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { describeEachDb, openTestPlatform, TEST_PASSWORD } from '../../../testing/harness.ts';
import { catalogDb } from '../store/store.ts';
import { multipart, unzipEntry } from '../testing/exchange-fixtures.ts';
import { readWorkbook } from './read-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Published documents by implementation code, the department id replaced by its name (ids differ per install). */
async function publishedDocuments(db: Executor): Promise<Map<string, CatalogItemDocument>> {
  const rows = await catalogDb(db)
    .selectFrom('catalog_items as i')
    .innerJoin('catalog_item_versions as v', 'v.id', 'i.published_version_id')
    .select(['i.implementation_code', 'i.department_name', 'v.document'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.implementation_code,
      {
        ...fromJson<CatalogItemDocument>(r.document, {} as CatalogItemDocument),
        departmentId: r.department_name,
      },
    ]),
  );
}

describeEachDb('catalogue export, exchange JSON, guide .docx and QR code', (ctx) => {
  test('the template downloads with the national element columns', async () => {
    const admin = await ctx().as('catalog');
    const res = await admin.get('/api/catalog/template.xlsx');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], XLSX);
    assert.match(String(res.headers['content-disposition']), /attachment; filename=/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const headers = ((wb.getWorksheet('事项')?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
    for (const h of [
      '事项名称',
      '基本编码',
      '实施编码',
      '事项类型代码',
      '设定依据',
      '行使层级代码',
      '实施主体',
      '实施主体代码',
      '法定办结时限',
      '法定办结时限单位',
      '是否进驻政务服务大厅',
    ]) {
      assert.ok(headers.includes(h), h);
    }
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['事项', '材料', '情形', '常见问题', '表单字段', '填写说明', '代码表'],
    );
    assert.equal((await ctx().anonymous.get('/api/catalog/template.xlsx')).statusCode, 401);
  });

  test('the JSON exchange export has the GB/T 39046 keys and all 1,782 published demo items', async () => {
    const admin = await ctx().as('catalog');
    const res = await admin.get('/api/catalog/export.json');
    assert.equal(res.statusCode, 200);
    const items = res.json();
    assert.equal(items.length, 1782);
    for (const key of [
      '事项名称',
      '基本编码',
      '实施编码',
      '事项类型代码',
      '设定依据',
      '行使层级代码',
      '实施主体',
      '实施主体代码',
      '实施主体性质代码',
      '法定办结时限',
      '法定办结时限单位',
      '承诺办结时限',
      '受理条件',
      '是否收费',
      '服务对象代码',
      '办理形式代码',
      '办理地点',
      '咨询电话',
      '监督电话',
      '申请材料',
    ]) {
      assert.ok(key in items[0], key);
    }
    const filing = items.find((i: { 事项类型: string }) => i.事项类型 === '行政备案');
    assert.equal(filing?.事项类型代码, '10', '行政备案 leaves as 10 (其他行政权力)');
    assert.ok(items.every((i: { 事项类型代码: string }) => /^(0[1-9]|10|20)$/.test(i.事项类型代码)));
    assert.ok(items.every((i: { 是否收费: string }) => i.是否收费 === '0' || i.是否收费 === '1'));
    const audit = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['detail', 'actor_name'])
      .where('action', '=', 'catalog.export')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(JSON.parse(audit[0]?.detail ?? '{}').count, 1782);
    assert.equal((await (await ctx().as('clerk')).get('/api/catalog/export.json?type=01')).statusCode, 200);
    assert.equal((await ctx().anonymous.get('/api/catalog/export.json')).statusCode, 401);
  });

  test('an export imports into an empty catalogue as the same items', async () => {
    const { platform, dialect } = ctx();
    const admin = await ctx().as('catalog');
    const exported = await admin.get('/api/catalog/export.xlsx');
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.headers['content-type'], XLSX);
    const fresh = await openTestPlatform(dialect, { catalog: false });
    const app = await buildApp(fresh.platform);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'catalog', password: TEST_PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'ow_session');
      const body = multipart({ name: 'export.xlsx', bytes: exported.rawPayload }, { publish: 'true' });
      const res = await app.inject({
        method: 'POST',
        url: '/api/catalog/import',
        payload: body.payload,
        headers: {
          ...body.headers,
          cookie: `ow_session=${cookie?.value}`,
          'x-csrf-token': login.json().csrfToken,
        },
      });
      assert.equal(res.statusCode, 200, res.body.slice(0, 2000));
      assert.deepEqual(res.json().errors, []);
      assert.equal(res.json().imported, 1782);
      const before = await publishedDocuments(platform.db);
      const after = await publishedDocuments(fresh.platform.db);
      assert.equal(after.size, before.size);
      for (const [code, doc] of before) assert.deepEqual(after.get(code), doc, code);
    } finally {
      await app.close();
      await fresh.close();
    }
  });

  test('the xlsx export follows the list filters', async () => {
    const admin = await ctx().as('catalog');
    const list = await admin.get('/api/console/catalog/items?type=filing&pageSize=100');
    const res = await admin.get('/api/catalog/export.xlsx?type=filing');
    const sheets = await readWorkbook(res.rawPayload);
    const codes = (sheets.get('事项') ?? []).map((r) => r.cells.get('实施编码'));
    assert.equal(codes.length, list.json().total);
    assert.ok(codes.length > 0);
    assert.ok((sheets.get('事项') ?? []).every((r) => r.cells.get('事项类型') === '行政备案'));
  });

  test('a published guide downloads as .docx, tailored by the chosen answers', async () => {
    const { platform, anonymous } = ctx();
    const row = await catalogDb(platform.db)
      .selectFrom('catalog_items as i')
      .innerJoin('catalog_item_versions as v', 'v.id', 'i.published_version_id')
      .select(['i.id', 'i.name'])
      .where('v.document', 'like', '%受托人居民身份证%')
      .orderBy('i.name')
      .executeTakeFirstOrThrow();
    const plain = await anonymous.get(`/api/catalog/items/${row.id}/guide.docx`);
    assert.equal(plain.statusCode, 200);
    assert.equal(
      plain.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(plain.rawPayload.subarray(0, 2).toString(), 'PK');
    const xml = unzipEntry(plain.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    assert.ok(xml.includes(row.name), 'the item name is in the document');
    for (const section of [
      '受理条件',
      '申请材料',
      '办理时限',
      '收费',
      '办理地点',
      '咨询电话',
      '办理流程',
      '常见问题',
    ]) {
      assert.ok(xml.includes(section), section);
    }
    assert.ok(xml.includes('宋体'), 'a CJK font is named');
    assert.ok(!xml.includes('受托人居民身份证'), 'without answers the agent material is left out');
    const agent = await anonymous.get(`/api/catalog/items/${row.id}/guide.docx?answers=entrust:agent`);
    const agentXml = unzipEntry(agent.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    assert.ok(agentXml.includes('受托人居民身份证'));
    assert.ok(
      xml.includes('扫码查看网上办事指南') && xml.includes('a:blip'),
      'the QR code image is in the guide',
    );
    const bad = await anonymous.get(`/api/catalog/items/${row.id}/guide.docx?answers=entrust:nobody`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'CATALOG_GUIDE_ANSWER_INVALID');
  });

  test('the QR code is an SVG of the online guide address; unpublished items have none', async () => {
    const { platform, anonymous, config } = ctx();
    const { id } = await catalogDb(platform.db)
      .selectFrom('catalog_items')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const res = await anonymous.get(`/api/catalog/items/${id}/qr.svg`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
    assert.match(res.body, /^<svg[^>]*>.*<path[^>]+d="M/s);
    const expected = await QRCode.toString(`${config.publicUrl}/guide/${id}`, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    assert.equal(res.body, expected, 'it encodes the guide address');
    assert.equal((await anonymous.get('/api/catalog/items/no-such-item/qr.svg')).statusCode, 404);
    assert.equal((await anonymous.get('/api/catalog/items/no-such-item/guide.docx')).statusCode, 404);
  });
});
