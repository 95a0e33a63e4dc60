import type {
  CreateNoteInput,
  ListNotesInput,
  NoteView,
  UpdateNoteInput,
} from '../../../../contracts/example.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { getOrgUnitPath } from '../../org/index.ts';
import { auditExample } from '../audit-actions.ts';
import { planNoteUpdate } from '../domain/note-rules.ts';
import { findNote, insertNote, listNotesOf, updateNoteIfAt } from '../store/store.ts';
import { toNoteView } from './present.ts';

/** The path of an org unit, from the org module's public API (the example never reads org tables). */
async function pathOf(db: Executor, orgUnitId: string): Promise<string> {
  const path = await getOrgUnitPath(db, orgUnitId);
  if (!path) throw new AppError('ORG_UNIT_NOT_FOUND', { id: orgUnitId });
  return path;
}

/** Note `id` if the actor may act on it with `action`; 404 before the scope check, so ids reveal nothing more. */
async function loadNote(
  db: Executor,
  actor: Actor,
  { id, action }: { id: string; action: 'example.readNotes' | 'example.writeNotes' },
) {
  const note = await findNote(db, id);
  if (!note) throw new AppError('EXAMPLE_NOTE_NOT_FOUND', { id });
  // Inside a transaction every read goes through it (`db` is the transaction): SQLite has one connection.
  const who = authorize(actor, action, { path: await pathOf(db, note.org_unit_id) });
  return { note, who };
}

/** The notes of an org unit (the actor's own unless another is named): example.readNotes there. */
export async function listNotes(
  platform: Platform,
  actor: Actor,
  input: ListNotesInput,
): Promise<NoteView[]> {
  const who = authorize(actor, 'example.readNotes', 'anywhere');
  const orgUnitId = input.orgUnitId ?? who.orgUnitId;
  if (!orgUnitId) throw new AppError('ACCESS_DENIED', { action: 'example.readNotes' });
  authorize(who, 'example.readNotes', { path: await pathOf(platform.db, orgUnitId) });
  return (await listNotesOf(platform.db, orgUnitId)).map(toNoteView);
}

export async function getNote(platform: Platform, actor: Actor, id: string): Promise<NoteView> {
  authorize(actor, 'example.readNotes', 'anywhere');
  const { note } = await loadNote(platform.db, actor, { id, action: 'example.readNotes' });
  return toNoteView(note);
}

/** Writes a note for the author's own org unit (example.writeNotes there), audited. */
export async function createNote(
  platform: Platform,
  actor: Actor,
  input: CreateNoteInput,
): Promise<NoteView> {
  const who = authorize(actor, 'example.writeNotes', 'anywhere');
  const orgUnitId = who.orgUnitId;
  if (!orgUnitId) throw new AppError('ACCESS_DENIED', { action: 'example.writeNotes' });
  return inTransaction(platform, async (trx) => {
    authorize(who, 'example.writeNotes', { path: await pathOf(trx, orgUnitId) });
    const row = await insertNote(trx, {
      org_unit_id: orgUnitId,
      title: input.title,
      text: input.text,
      author_account_id: who.accountId,
      author_name: who.name,
    });
    // The detail names what changed, never the text people typed (the audit log is widely read).
    await auditExample(platform, trx, {
      actor: who,
      action: 'example.createNote',
      entityType: 'example_note',
      entityId: row.id,
      orgUnitId,
      detail: { revision: row.revision },
    });
    return toNoteView(row);
  });
}

/** Which note to change (`id`) and how (the request body). */
export type UpdateNoteRequest = UpdateNoteInput & { id: string };

/**
 * Changes a note's title or text (example.writeNotes on its unit) if it is still at
 * `expectedRevision`: 409 EXAMPLE_STALE_VERSION otherwise, also when another change commits between
 * the read and the write.
 */
export async function updateNote(
  platform: Platform,
  actor: Actor,
  input: UpdateNoteRequest,
): Promise<NoteView> {
  const { id } = input;
  authorize(actor, 'example.writeNotes', 'anywhere');
  return inTransaction(platform, async (trx) => {
    const { note, who } = await loadNote(trx, actor, { id, action: 'example.writeNotes' });
    const change = planNoteUpdate(note, input);
    if (change.changed.length === 0) return toNoteView(note);
    if (!(await updateNoteIfAt(trx, { id, expectedRevision: note.revision, patch: change.next }))) {
      throw new AppError('EXAMPLE_STALE_VERSION', { expectedRevision: input.expectedRevision });
    }
    await auditExample(platform, trx, {
      actor: who,
      action: 'example.updateNote',
      entityType: 'example_note',
      entityId: id,
      orgUnitId: note.org_unit_id,
      detail: { changed: change.changed, revision: note.revision + 1 },
    });
    const updated = await findNote(trx, id);
    if (!updated) throw new AppError('EXAMPLE_NOTE_NOT_FOUND', { id });
    return toNoteView(updated);
  });
}
