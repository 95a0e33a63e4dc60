import type { Kysely } from 'kysely';

/** Org units (county, departments, service centres, townships, villages), windows, staff, roles. */
export const orgMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('org_units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('credit_code', 'text')
      .addColumn('division_code', 'text')
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('address', 'text')
      .addColumn('phone', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();
    await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();

    await db.schema
      .createTable('windows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('service_centre_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.references('org_units.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('windows_centre_number', ['service_centre_id', 'number'])
      .execute();

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('window_id', 'text', (c) => c.references('windows.id'))
      .addColumn('phone_enc', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('title', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_org_unit').on('staff').column('org_unit_id').execute();

    await db.schema
      .createTable('staff_roles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('scope_org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addUniqueConstraint('staff_roles_unique', ['staff_id', 'role', 'scope_org_unit_id'])
      .execute();
  },
};

/**
 * The concurrency field of units, windows and staff (contracts/revision.ts): every row starts at
 * revision 1, and each change checks and bumps it in one UPDATE … WHERE revision = ?.
 */
export const orgRevisionMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    // One table per statement: SQLite's ALTER TABLE adds one column at a time.
    for (const table of ['org_units', 'windows', 'staff']) {
      await db.schema
        .alterTable(table)
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    }
  },
};
