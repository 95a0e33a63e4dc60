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
  /**
   * The event types some part of this process subscribes to (platform/events): an event of any
   * other type is recorded as history and dispatched to no one, without a job.
   */
  subscribedEventTypes: Set<string>;
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

/** What a use case says about its audit row; who acted comes from the actor. */
export type AuditRecord<A extends string> = Omit<AuditEntry, 'actorId' | 'actorName' | 'action'> & {
  action: A;
};

/**
 * Who an audit row names: a staff actor, or a named system actor (the CLI, a log-in by user name)
 * with or without an account; null for a system job.
 */
export type AuditActor =
  | Pick<Actor, 'accountId' | 'name'>
  | { accountId: string | null; name: string }
  | null;

/** An audit row as a writer takes it: what the use case says, and who acted (`actor`). */
export type AuditRecordWithActor<A extends string> = AuditRecord<A> & { actor: AuditActor };

/** Writes an audit row for an actor (`record.actor`) inside a transaction. */
export type AuditWriter<A extends string> = (
  platform: Platform,
  trx: Tx,
  record: AuditRecordWithActor<A>,
) => Promise<void>;

/**
 * A part's audit writer, typed by the list of its action names: each part declares its names once
 * (`module.verbObject`, e.g. `case.accept`, `org.createUnit`, `auth.changePassword`), lists them in
 * its descriptor, and writes only those (an unlisted name does not compile).
 */
export function auditFor<const A extends string>(_actions: readonly A[]): AuditWriter<A> {
  return (platform, trx, { actor, ...entry }) =>
    writeAudit(trx, platform.dialect, {
      ...entry,
      actorId: actor?.accountId ?? null,
      actorName: actor?.name ?? null,
    });
}
