import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CatalogStatsView } from '../../../contracts/catalog-api.ts';
import {
  ExportCatalogQuery,
  IMPORT_MAX_BYTES,
  type ImportCatalogResultView,
  type ImportRowErrorView,
} from '../../../contracts/catalog-exchange.ts';
import { AppError } from '../../platform/errors.ts';
import type { CommandRegistrar } from '../../platform/module.ts';
import { catalogTemplate, exportCatalogExchange, exportCatalogXlsx } from './exchange/export-items.ts';
import { importCatalogItems } from './exchange/import-items.ts';
import { getCatalogStats } from './stats/get-catalog-stats.ts';

/** The indicators as a short Chinese report, one figure a line, then the departments. */
export function catalogStatsText(s: CatalogStatsView): string {
  const lines = [
    `已发布事项          ${s.published}`,
    `进驻政务服务大厅    ${s.inHall}`,
    `无差别全科受理      ${s.comprehensive}（占进驻事项 ${s.comprehensiveShare.toFixed(2)}%）`,
    `下沉乡镇/村办理     ${s.grassroots}（乡镇 ${s.grassrootsTownship}，村 ${s.grassrootsVillage}）`,
    `全程网办            ${s.fullyOnline}（${s.fullyOnlineShare.toFixed(2)}%）`,
    '',
    '按部门：',
    ...s.byDepartment.map(
      (d) => `  ${d.departmentName}  ${d.published}（全科 ${d.comprehensive}，下沉 ${d.grassroots}）`,
    ),
  ];
  return lines.join('\n');
}

/** One fault as a line: where (sheet!row, column) and what. */
export function importErrorLine(e: ImportRowErrorView): string {
  return `  ${e.sheet}!第${e.row}行 [${e.column}] ${e.message}`;
}

/** The import report: the summary, then every fault. */
export function importReportText(r: ImportCatalogResultView): string {
  const state = r.published ? '已直接发布' : '草稿，待审核发布';
  const head =
    r.imported > 0
      ? `导入 ${r.imported} 个事项（${state}），共 ${r.total} 个事项行，${r.errors.length} 处错误`
      : `未导入任何事项：共 ${r.total} 个事项行，${r.errors.length} 处错误${r.errors.length && r.mode === 'all-or-nothing' ? '（全部有效才导入；可用 --valid-only 只导入有效事项）' : ''}`;
  return [head, ...r.errors.map(importErrorLine)].join('\n');
}

/** Exit status of an import: 0 all imported, 1 nothing imported, 2 only part of the file imported. */
export function importExitCode(r: ImportCatalogResultView): number {
  if (r.imported === 0) return 1;
  return r.errors.length > 0 || r.imported < r.total ? 2 : 0;
}

/** Reads an import file, refusing what the upload would refuse (size). */
function readImportFile(file: string): Buffer {
  const size = statSync(file).size;
  if (size > IMPORT_MAX_BYTES)
    throw new AppError('CATALOG_IMPORT_FILE_TOO_LARGE', { limitBytes: IMPORT_MAX_BYTES });
  return readFileSync(file);
}

/** `catalog import | export | template`: the exchange workbook and the GB/T 39046 JSON from the command line. */
function registerExchangeCommands(catalog: Command, withPlatform: Parameters<CommandRegistrar>[1]): void {
  catalog
    .command('import')
    .description(
      'import items from an .xlsx file in the template layout (exits 1 when nothing, 2 when only part is imported)',
    )
    .argument('<file.xlsx>', 'the workbook to import')
    .option('--valid-only', 'import the valid items and report the rest (default: all or nothing)')
    .option('--publish', 'publish the imported items at once (default: drafts for review)')
    .action((file: string, opts: { validOnly?: boolean; publish?: boolean }) =>
      withPlatform(async (platform) => {
        const result = await importCatalogItems(platform, 'operator', {
          file: readImportFile(file),
          mode: opts.validOnly ? 'valid-only' : 'all-or-nothing',
          publish: opts.publish === true,
          fileName: path.basename(file),
        });
        console.log(importReportText(result));
        process.exitCode = importExitCode(result);
      }),
    );
  catalog
    .command('export')
    .description(
      'export the catalogue to an .xlsx file in the template layout, or with --json the GB/T 39046 exchange JSON',
    )
    .argument('<file>', 'where to write (.xlsx, or .json with --json)')
    .option('--json', 'write the published items as GB/T 39046 JSON instead')
    .option('--status <status>', 'only items in this status: draft | in_review | published | retired')
    .option('--type <code>', 'only items of this type code (01…10, 20, filing)')
    .option('--department <id>', 'only items of this department (org-unit id)')
    .action((file: string, opts: { json?: boolean; status?: string; type?: string; department?: string }) =>
      withPlatform(async (platform) => {
        const parsed = ExportCatalogQuery.safeParse({
          status: opts.status,
          type: opts.type,
          department: opts.department,
        });
        if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
        if (opts.json) {
          const items = await exportCatalogExchange(platform, 'operator', parsed.data);
          writeFileSync(file, `${JSON.stringify(items, null, 2)}\n`);
          console.log(`已导出 ${items.length} 个已发布事项（GB/T 39046 JSON）到 ${file}`);
        } else {
          const { file: bytes, count } = await exportCatalogXlsx(platform, 'operator', parsed.data);
          writeFileSync(file, bytes);
          console.log(`已导出 ${count} 个事项到 ${file}`);
        }
      }),
    );
  catalog
    .command('template')
    .description('write the empty import template (.xlsx) with the GB/T 39046 columns')
    .argument('<file.xlsx>', 'where to write the template')
    .action((file: string) =>
      withPlatform(async (platform) => {
        writeFileSync(file, await catalogTemplate(platform, 'operator'));
        console.log(`导入模板已写入 ${file}`);
      }),
    );
}

/**
 * `npx onewindow catalog …`: the service catalogue. `stats` prints the indicators; `import`,
 * `export` and `template` exchange the catalogue as .xlsx (and GB/T 39046 JSON).
 */
export const registerCatalogCommands: CommandRegistrar = (program, withPlatform) => {
  const catalog = program.command('catalog').description('the service catalogue (政务服务事项目录)');
  catalog
    .command('stats')
    .description(
      'catalogue indicators: published, in hall, comprehensive window share, grassroots, fully online',
    )
    .option('--json', 'print one JSON object instead of the report')
    .action((opts: { json?: boolean }) =>
      withPlatform(async (platform) => {
        const stats = await getCatalogStats(platform.db);
        console.log(opts.json ? JSON.stringify(stats) : catalogStatsText(stats));
      }),
    );
  registerExchangeCommands(catalog, withPlatform);
};
