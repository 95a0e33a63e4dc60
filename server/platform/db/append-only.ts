import { type Kysely, sql } from 'kysely';
import type { Dialect } from './index.ts';

/**
 * Makes a table append-only in the database itself (migrations 0005 and 0304): UPDATE and DELETE
 * (and TRUNCATE on PostgreSQL) raise an error, and so does an INSERT whose `seq` is below 1. A
 * database administrator can still drop the triggers; the signed checkpoints (platform/audit) catch
 * what is changed then. Landed migrations call this: change it only by adding, never by editing.
 */
export async function makeAppendOnly(
  // biome-ignore lint/suspicious/noExplicitAny: migrations receive the schema-less Kysely<any>.
  db: Kysely<any>,
  dialect: Dialect,
  table: 'audit_log' | 'case_actions',
): Promise<void> {
  const refused = `${table} is append-only (只允许追加): UPDATE and DELETE are refused`;
  const seqRefused = `${table}: seq must be 1 or more (序号必须从 1 开始)`;
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, '${refused}'); END`,
        )
        .execute(db);
    }
    await sql
      .raw(
        `CREATE TRIGGER ${table}_seq_positive BEFORE INSERT ON ${table} WHEN NEW.seq < 1 ` +
          `BEGIN SELECT RAISE(ABORT, '${seqRefused}'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION '${refused} (%)', TG_OP USING ERRCODE = 'integrity_constraint_violation'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_change()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refuse_change()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION ${table}_refuse_seq() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN IF NEW.seq < 1 THEN RAISE EXCEPTION '${seqRefused}' USING ERRCODE = 'check_violation'; END IF; ` +
        `RETURN NEW; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_seq_positive BEFORE INSERT ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_seq()`,
    )
    .execute(db);
}

/**
 * Tests only: removes the triggers of makeAppendOnly, as a database administrator with full rights
 * could, so a test can tamper with the log and see the checks catch it.
 */
export async function dropAppendOnly(
  // biome-ignore lint/suspicious/noExplicitAny: works on any database of the house, whatever its tables' types.
  db: Kysely<any>,
  dialect: Dialect,
  table: 'audit_log' | 'case_actions',
): Promise<void> {
  const triggers =
    dialect === 'sqlite'
      ? [`${table}_no_update`, `${table}_no_delete`, `${table}_seq_positive`]
      : [`${table}_no_change`, `${table}_no_truncate`, `${table}_seq_positive`];
  for (const name of triggers) {
    await sql
      .raw(`DROP TRIGGER IF EXISTS ${name}${dialect === 'postgres' ? ` ON ${table}` : ''}`)
      .execute(db);
  }
}
