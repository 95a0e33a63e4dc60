import type { Platform } from '../server/platform/context.ts';
import { inTransaction } from '../server/platform/context.ts';
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

/** Seeds the whole demo of Lishu county, deterministically, in one transaction. */
export async function seedDemo(platform: Platform): Promise<void> {
  await inTransaction(platform, async (trx) => {
    await seedDemoOrg(platform, trx);
  });
}
