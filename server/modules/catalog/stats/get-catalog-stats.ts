import { sql } from 'kysely';
import type { CatalogStatsView } from '../../../../contracts/catalog-api.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { catalogDb } from '../store/store.ts';

/** A share as a percentage with two decimals (1688 of 1782 → 94.73). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

/**
 * The catalogue indicators over published items: how many are in the hall, accepted at any
 * comprehensive window, delegated to township or village points, and fully online; per department.
 */
export async function getCatalogStats(db: Executor): Promise<CatalogStatsView> {
  const rows = await catalogDb(db)
    .selectFrom('catalog_items')
    .select([
      'department_id',
      'department_name',
      sql<number>`count(*)`.as('published'),
      sql<number>`sum(in_hall)`.as('in_hall'),
      sql<number>`sum(case when in_hall = 1 and comprehensive = 1 then 1 else 0 end)`.as('comprehensive'),
      sql<number>`sum(case when grassroots <> 'none' then 1 else 0 end)`.as('grassroots'),
      sql<number>`sum(case when grassroots in ('township', 'township_village') then 1 else 0 end)`.as(
        'township',
      ),
      sql<number>`sum(case when grassroots in ('village', 'township_village') then 1 else 0 end)`.as(
        'village',
      ),
      sql<number>`sum(case when depth_summary = 'full_online' then 1 else 0 end)`.as('full_online'),
    ])
    .where('status', '=', 'published')
    .groupBy(['department_id', 'department_name'])
    .execute();
  const total = (key: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + Number(r[key]), 0);
  const published = total('published');
  const inHall = total('in_hall');
  const comprehensive = total('comprehensive');
  const fullyOnline = total('full_online');
  const byDepartment = rows
    .map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      published: Number(r.published),
      comprehensive: Number(r.comprehensive),
      grassroots: Number(r.grassroots),
      fullyOnline: Number(r.full_online),
    }))
    .sort((a, b) => b.published - a.published || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return {
    published,
    inHall,
    comprehensive,
    comprehensiveShare: percent(comprehensive, inHall),
    grassroots: total('grassroots'),
    grassrootsTownship: total('township'),
    grassrootsVillage: total('village'),
    fullyOnline,
    fullyOnlineShare: percent(fullyOnline, published),
    byDepartment,
  };
}
