import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.ts';
import type { Dialect } from '../index.ts';

/** The audit log becomes append-only in the database: UPDATE, DELETE and a seq below 1 are refused. */
export function auditAppendOnlyMigration(dialect: Dialect) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
    async up(db: Kysely<any>): Promise<void> {
      await makeAppendOnly(db, dialect, 'audit_log');
    },
  };
}
