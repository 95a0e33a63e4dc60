import type { Kysely } from 'kysely';

/** Failure counters of the attempt limiter (platform/attempts): one row per key, counted atomically. */
export const attemptCountersMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('attempt_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attempt_counters_last').on('attempt_counters').column('last_at').execute();
  },
};
