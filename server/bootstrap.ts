import { defaultHouse, type House } from './house.ts';
import { migrateToLatest } from './migrations.ts';
import type { Config } from './platform/config.ts';
import type { Platform } from './platform/context.ts';
import { createFieldCipher } from './platform/crypto/sm4.ts';
import { openDatabase } from './platform/db/index.ts';

/** Opens the database, applies migrations and assembles the platform every use case receives. */
export async function openPlatform(
  config: Config,
  /** `house`: the parts to migrate and load actors from; the default house unless a test mounts more. */
  options: { sqliteFile?: string; migrate?: boolean; house?: House } = {},
): Promise<Platform> {
  const house = options.house ?? defaultHouse;
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: options.sqliteFile,
  });
  // Rows other modules scope by org paths move with a moved unit, in the move's transaction.
  house.registerScopeMovers();
  if (options.migrate !== false) {
    await migrateToLatest(database, house);
    await database.durable();
  }
  return {
    database,
    db: database.db,
    dialect: database.dialect,
    config,
    cipher: createFieldCipher(config.encryptionKey),
    loadActor: house.actorLoader(),
    subscribedEventTypes: house.subscribedEventTypes(),
  };
}
