import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../demo/seed.ts';
import { openPlatform } from './bootstrap.ts';
import {
  demoDepartment,
  readWorkbook,
  rowsOf,
  sampleItem,
  setCell,
  workbookOf,
} from './modules/catalog/testing/index.ts';
import { loadConfig } from './platform/config.ts';
import { onewindow } from './testing/cli.ts';
import { DIALECTS } from './testing/harness.ts';
import { createScratchPostgres } from './testing/scratch-postgres.ts';

const MARKET = '梨树县市场监督管理局';

for (const dialect of DIALECTS) {
  describe(`onewindow catalog import / export / template [${dialect}]`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ow-catalog-cli-'));
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef',
      JOB_POLL_MS: '0',
    };
    const file = (name: string) => path.join(dir, name);
    let dropDb = async () => {};
    before(async () => {
      if (dialect === 'postgres') {
        const scratch = await createScratchPostgres('ow_catcli');
        env.DATABASE_URL = scratch.url;
        dropDb = scratch.drop;
      }
      // The demo organisation without its catalogue: the items come from the files below.
      const platform = await openPlatform(loadConfig(env));
      try {
        await seedDemo(platform, { catalog: false, cases: false });
        const market = await demoDepartment(platform.db, MARKET);
        const item = (n: number) => ({
          doc: sampleItem(market, {
            name: `命令行导入事项${n}`,
            implementationCode: `${market.creditCode}30999010${n}`,
          }),
          department: MARKET,
        });
        const bad = rowsOf([item(1), item(2)]);
        setCell(bad, { sheet: '事项', index: 1, header: '承诺办结时限' }, 45);
        writeFileSync(file('bad.xlsx'), await workbookOf(bad));
        writeFileSync(file('good.xlsx'), await workbookOf(rowsOf([item(3)])));
      } finally {
        await platform.database.close();
      }
    });
    after(async () => {
      await dropDb();
      rmSync(dir, { recursive: true, force: true });
    });

    test('template writes the empty workbook with the GB/T 39046 columns', async () => {
      const run = await onewindow(['catalog', 'template', file('template.xlsx')], env);
      assert.equal(run.code, 0, run.out);
      const sheets = await readWorkbook(readFileSync(file('template.xlsx')));
      assert.deepEqual(sheets.get('事项'), []);
    });

    test('import of a faulty file prints every bad row and imports nothing (exit 1)', async () => {
      const run = await onewindow(['catalog', 'import', file('bad.xlsx')], env);
      assert.equal(run.code, 1, run.out);
      assert.match(run.out, /未导入任何事项：共 2 个事项行，1 处错误/);
      assert.match(
        run.out,
        /事项!第3行 \[承诺办结时限\] 承诺办结时限（45工作日）不得长于法定办结时限（20工作日）/,
      );
    });

    test('--valid-only imports the good row and exits 2; --publish publishes (exit 0)', async () => {
      const partial = await onewindow(['catalog', 'import', file('bad.xlsx'), '--valid-only'], env);
      assert.equal(partial.code, 2, partial.out);
      assert.match(partial.out, /导入 1 个事项（草稿，待审核发布）/);
      const good = await onewindow(['catalog', 'import', file('good.xlsx'), '--publish'], env);
      assert.equal(good.code, 0, good.out);
      assert.match(good.out, /导入 1 个事项（已直接发布）/);
      const again = await onewindow(['catalog', 'import', file('good.xlsx')], env);
      assert.equal(again.code, 1);
      assert.match(again.out, /实施编码 \S+ 已被事项“命令行导入事项3”使用/);
    });

    test('export writes .xlsx (every status) and --json the published items with GB/T 39046 keys', async () => {
      const xlsx = await onewindow(['catalog', 'export', file('out.xlsx')], env);
      assert.equal(xlsx.code, 0, xlsx.out);
      assert.match(xlsx.out, /已导出 2 个事项/);
      const names = ((await readWorkbook(readFileSync(file('out.xlsx')))).get('事项') ?? []).map((r) =>
        r.cells.get('事项名称'),
      );
      assert.deepEqual(names.sort(), ['命令行导入事项1', '命令行导入事项3']);
      const json = await onewindow(['catalog', 'export', file('out.json'), '--json'], env);
      assert.equal(json.code, 0, json.out);
      const items = JSON.parse(readFileSync(file('out.json'), 'utf8'));
      assert.deepEqual(
        items.map((i: Record<string, string>) => [i.事项名称, i.事项类型, i.事项类型代码]),
        [['命令行导入事项3', '行政备案', '10']],
      );
      const badType = await onewindow(['catalog', 'export', file('x.xlsx'), '--type', '99'], env);
      assert.notEqual(badType.code, 0);
      assert.match(badType.out, /事项类型代码无效/);
      const platform = await openPlatform(loadConfig(env));
      try {
        const audit = await platform.db
          .selectFrom('audit_log')
          .select(['action', 'actor_name'])
          .where('action', 'in', ['catalog.import', 'catalog.export'])
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          audit.map((a) => [a.action, a.actor_name]),
          [
            ['catalog.import', 'onewindow catalog import'],
            ['catalog.import', 'onewindow catalog import'],
            ['catalog.export', 'onewindow catalog export'],
            ['catalog.export', 'onewindow catalog export'],
          ],
        );
      } finally {
        await platform.database.close();
      }
    });

    test('each command explains itself with --help', async () => {
      const help = await onewindow(['catalog', 'import', '--help'], env);
      assert.equal(help.code, 0);
      assert.match(help.out, /--valid-only/);
      assert.match(help.out, /--publish/);
      assert.match((await onewindow(['catalog', 'export', '--help'], env)).out, /--json/);
      assert.match((await onewindow(['catalog', 'template', '--help'], env)).out, /template/);
    });
  });
}
