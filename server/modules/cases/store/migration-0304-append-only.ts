import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../../../platform/db/append-only.ts';
import type { Dialect } from '../../../platform/db/index.ts';

/** 0304: case_actions becomes append-only in the database: UPDATE, DELETE and a seq below 1 are refused. */
export function caseActionsAppendOnlyMigration(dialect: Dialect) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
    async up(db: Kysely<any>): Promise<void> {
      await makeAppendOnly(db, dialect, 'case_actions');
    },
  };
}
