import type { Platform } from '../server/platform/context.ts';
import { inTransaction } from '../server/platform/context.ts';
import { seedDemoCases } from './cases.ts';
import { seedDemoCatalog } from './catalog/seed.ts';
import { seedDemoOrg } from './org.ts';

/** True when the database holds no org units yet (a fresh install). */
export async function isEmpty(platform: Platform): Promise<boolean> {
  const row = await platform.db
    .withTables<{ org_units: { id: string } }>()
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Seeds the whole demo of Lishu county, deterministically, in one transaction. Test suites that
 * never touch the catalogue may pass `{ catalog: false }` to save its 1,782 items (~1–2 s).
 */
export async function seedDemo(
  platform: Platform,
  /** `cases`: the demo cases of 2026 (default on; they need the catalogue). */
  options: { catalog?: boolean; cases?: boolean } = {},
): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const org = await seedDemoOrg(platform, trx);
    if (options.catalog !== false) await seedDemoCatalog(platform, trx);
    if (options.catalog !== false && options.cases !== false) await seedDemoCases(platform, trx, { org });
  });
}
