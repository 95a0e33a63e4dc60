import type { Actor } from './access/policy.ts';
import { type AuditEntry, writeAudit } from './audit/audit.ts';
import type { ActorLoader } from './auth/plugin.ts';
import type { Config } from './config.ts';
import type { FieldCipher } from './crypto/sm4.ts';
import type { Database, Db, Dialect, Tx } from './db/index.ts';

/** What every use case may reach: the database, the configuration and the field cipher. */
export interface Platform {
  database: Database;
  db: Db;
  dialect: Dialect;
  config: Config;
  cipher: FieldCipher;
  /** Builds an account's actor (name, grants); the org module provides it. */
  loadActor: ActorLoader;
}

/**
 * Runs work in one transaction: the change, its audit rows and its jobs commit together, and it
 * returns only once the commit is on disk (platform/db/wal-sync.ts).
 */
export async function inTransaction<T>(platform: Platform, work: (trx: Tx) => Promise<T>): Promise<T> {
  const result = await platform.db.transaction().execute(work);
  await platform.database.durable();
  return result;
}

/** Writes an audit row for an actor inside a transaction. */
export function audit(
  platform: Platform,
  trx: Tx,
  actor: Actor | null,
  entry: Omit<AuditEntry, 'actorId' | 'actorName'>,
): Promise<void> {
  return writeAudit(trx, platform.dialect, {
    ...entry,
    actorId: actor?.accountId ?? null,
    actorName: actor?.name ?? null,
  });
}
