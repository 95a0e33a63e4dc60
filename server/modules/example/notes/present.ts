import type { NoteView } from '../../../../contracts/example.ts';
import type { ExampleNotesTable } from '../store/tables.ts';

/** A note row as the API shows it. */
export function toNoteView(row: ExampleNotesTable): NoteView {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    title: row.title,
    text: row.text,
    authorName: row.author_name,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
