import { houseActorLoader, registerHouseScopeMovers } from './house.ts';
import { migrateToLatest } from './migrations.ts';
import type { Config } from './platform/config.ts';
import type { Platform } from './platform/context.ts';
import { createFieldCipher } from './platform/crypto/sm4.ts';
import { openDatabase } from './platform/db/index.ts';

/** Opens the database, applies migrations and assembles the platform every use case receives. */
export async function openPlatform(
  config: Config,
  options: { sqliteFile?: string; migrate?: boolean } = {},
): Promise<Platform> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: options.sqliteFile,
  });
  // Rows other modules scope by org paths move with a moved unit, in the move's transaction.
  registerHouseScopeMovers();
  if (options.migrate !== false) {
    await migrateToLatest(database);
    await database.durable();
  }
  return {
    database,
    db: database.db,
    dialect: database.dialect,
    config,
    cipher: createFieldCipher(config.encryptionKey),
    loadActor: houseActorLoader(),
  };
}
