import { type Kysely, sql } from 'kysely';

/**
 * Events between modules (platform/events): the outbox of domain events, numbered per subject; the
 * receipts subscribers write in the transaction of their effect; and ordered jobs (a key and a
 * number: jobs of one key run one at a time, in number order), with the index the claim uses to
 * find an earlier job of the same key that is not done yet.
 */
export const domainEventsMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('domain_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_seq', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('domain_events_subject_seq', ['subject_id', 'subject_seq'])
      .execute();

    await db.schema
      .createTable('event_receipts')
      .addColumn('subscriber', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('handled_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_receipts_pk', ['subscriber', 'event_id'])
      .execute();

    await db.schema.alterTable('jobs').addColumn('order_key', 'text').execute();
    await db.schema.alterTable('jobs').addColumn('order_seq', 'integer').execute();
    // Only the ordered jobs not done yet: what a claim asks ("is an earlier one of this key open?").
    await db.schema
      .createIndex('jobs_order_open')
      .on('jobs')
      .columns(['order_key', 'order_seq'])
      .where((eb) => eb.and([eb('order_key', 'is not', null), eb(sql.ref('status'), '<>', 'done')]))
      .execute();
  },
};
