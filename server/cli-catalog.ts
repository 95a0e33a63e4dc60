import type { CatalogStatsView } from '../contracts/catalog-api.ts';
// Type only: cli.ts runs the program when it loads, so a runtime import back into it would be a cycle.
import type { CommandRegistrar } from './cli.ts';
import { getCatalogStats } from './modules/catalog/index.ts';

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

/**
 * `npx onewindow catalog …`: the service catalogue. `stats` prints the indicators; the import and
 * export commands join this group.
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
};
