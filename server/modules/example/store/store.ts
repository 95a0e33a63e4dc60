import { sql } from 'kysely';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/time.ts';
import type { ExampleNotesTable, ExampleTables } from './tables.ts';

/** The example module's queries: the only code that touches its tables. */
export function exampleDb(db: Executor) {
  return db.withTables<ExampleTables>();
}

export async function findNote(db: Executor, id: string): Promise<ExampleNotesTable | undefined> {
  return exampleDb(db).selectFrom('example_notes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The notes of one org unit, the latest change first (a unit keeps a few: no paging). */
export function listNotesOf(db: Executor, orgUnitId: string): Promise<ExampleNotesTable[]> {
  return exampleDb(db)
    .selectFrom('example_notes')
    .selectAll()
    .where('org_unit_id', '=', orgUnitId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function insertNote(
  db: Executor,
  note: Pick<ExampleNotesTable, 'org_unit_id' | 'title' | 'text' | 'author_account_id' | 'author_name'>,
): Promise<ExampleNotesTable> {
  const at = nowIso();
  const row: ExampleNotesTable = { id: newId(), ...note, revision: 1, created_at: at, updated_at: at };
  await exampleDb(db).insertInto('example_notes').values(row).execute();
  return row;
}

/**
 * Writes a change (`patch`) of note `id` if it is still at `expectedRevision` (compare-and-set: of
 * two writers that read the same revision, one wins); false when another change came first.
 */
export async function updateNoteIfAt(
  db: Executor,
  {
    id,
    expectedRevision,
    patch,
  }: { id: string; expectedRevision: number; patch: Pick<ExampleNotesTable, 'title' | 'text'> },
): Promise<boolean> {
  const result = await exampleDb(db)
    .updateTable('example_notes')
    .set({ ...patch, revision: expectedRevision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds one delivered case to a unit's count (an upsert both dialects know: ON CONFLICT DO UPDATE). */
export async function countDelivery(db: Executor, orgUnitId: string): Promise<void> {
  await exampleDb(db)
    .insertInto('example_delivery_counts')
    .values({ org_unit_id: orgUnitId, delivered: 1 })
    .onConflict((oc) =>
      oc.column('org_unit_id').doUpdateSet({ delivered: sql`example_delivery_counts.delivered + 1` }),
    )
    .execute();
}

/** How many delivered cases a unit received (0 when none). */
export async function deliveredCountOf(db: Executor, orgUnitId: string): Promise<number> {
  const row = await exampleDb(db)
    .selectFrom('example_delivery_counts')
    .select('delivered')
    .where('org_unit_id', '=', orgUnitId)
    .executeTakeFirst();
  return Number(row?.delivered ?? 0);
}
