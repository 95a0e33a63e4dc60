import { type MigrationProvider, Migrator } from 'kysely';
import { defaultHouse, type House } from './house.ts';
import type { Database } from './platform/db/index.ts';

/**
 * Applies every pending migration of the house (platform first, then each module's, from
 * server/house.ts). Names sort in the order they run; a new migration takes the next number of its
 * part's block (platform 0001–0099, org 0100–, catalog 0200–, cases 0300–, …) and is never edited
 * once it has landed. A database migrated before a block gained a migration runs it on the next
 * start even though it sorts before migrations already run (allowUnorderedMigrations): each
 * block's order is all that matters. Throws with the failing migration's error.
 */
export async function migrateToLatest(database: Database, house: House = defaultHouse): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => house.migrations(database.dialect) };
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
