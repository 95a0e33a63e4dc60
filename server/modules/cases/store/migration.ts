import { type Kysely, sql } from 'kysely';

/** Cases: the append-only action log, its projection, case numbers and process definitions. */
export const casesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    let t = db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique());
    for (const col of [
      'parent_id',
      'step_name',
      'step_role',
      'step_department_path',
      'assignee_id',
      'assignee_name',
      'window_id',
      'window_number',
      'service_point_id',
      'service_point_name',
      'accepted_at',
      'clock_start',
      'promised_due',
      'legal_due',
      'lost_step',
      'decision',
      'concluded_at',
      'delivered_at',
      'closed_at',
    ]) {
      t = t.addColumn(col, 'text');
    }
    for (const col of [
      'channel',
      'status',
      'item_id',
      'item_version_id',
      'item_code',
      'item_name',
      'department_id',
      'department_path',
      'department_name',
      'intake_unit_id',
      'intake_path',
      'intake_unit_name',
      'intake_level',
      'applicant_kind',
      'applicant_name_masked',
      'applicant_name',
      'applicant_id_masked',
      'applicant_id_digest',
      'applicant_phone_masked',
      'received_at',
      'received_on',
      'warning_level',
      'clock_on',
      'last_hash',
      'state',
      'created_at',
      'updated_at',
    ]) {
      t = t.addColumn(col, 'text', (c) => c.notNull());
    }
    for (const col of ['step_index', 'used_days', 'remaining_days']) t = t.addColumn(col, 'integer');
    for (const col of [
      'deemed_accepted',
      'limit_days',
      'paused',
      'paused_days',
      'extension_days',
      'version',
    ]) {
      t = t.addColumn(col, 'integer', (c) => c.notNull());
    }
    await t.execute();
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('cases').columns(columns).execute();
    await index('cases_status', ['status', 'received_on']);
    await index('cases_department', ['department_path']);
    await index('cases_intake', ['intake_path']);
    await index('cases_step_queue', ['step_department_path', 'status']);
    await index('cases_warning', ['warning_level']);
    await index('cases_received', ['received_on']);
    await index('cases_applicant', ['applicant_id_digest']);
    await index('cases_item', ['item_id']);

    await db.schema
      .createTable('case_actions')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('org_unit_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_actions_pk', ['case_id', 'seq'])
      .execute();

    await db.schema
      .createTable('case_numbers')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('case_processes')
      .addColumn('item_id', 'text', (c) => c.primaryKey())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};

/** Which warning levels each case's staff and supervisors have been told of: once per case and level. */
export const caseWarningNoticesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('case_warning_notices')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('notified_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_warning_notices_pk', ['case_id', 'level'])
      .execute();
  },
};

/**
 * The intake request's Idempotency-Key on each case, unique per clerk account: a repeated submit
 * finds the case the first one created. A partial index, so the cases received without a key
 * (most of them) cost it nothing.
 */
export const caseIntakeKeyMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    for (const col of ['intake_key', 'intake_key_account', 'intake_key_hash']) {
      await db.schema.alterTable('cases').addColumn(col, 'text').execute();
    }
    await db.schema
      .createIndex('cases_intake_key')
      .on('cases')
      .columns(['intake_key_account', 'intake_key'])
      .unique()
      .where(sql.ref('intake_key'), 'is not', null)
      .execute();
  },
};
