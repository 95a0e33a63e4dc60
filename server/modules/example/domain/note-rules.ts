import type { UpdateNoteInput } from '../../../../contracts/example.ts';
import { AppError } from '../../../platform/errors.ts';

/** What an update does to a note: the fields it changes and the note after it. */
export interface NoteChange {
  changed: ('title' | 'text')[];
  next: { title: string; text: string };
}

/**
 * The rule of a note update, pure (no database, no clock): the caller must have read the note at
 * its current revision (409 EXAMPLE_STALE_VERSION otherwise), and only fields that differ count as
 * changed; an update that changes nothing writes nothing and keeps the revision.
 */
export function planNoteUpdate(
  current: { revision: number; title: string; text: string },
  input: UpdateNoteInput,
): NoteChange {
  if (input.expectedRevision !== current.revision) {
    throw new AppError('EXAMPLE_STALE_VERSION', {
      expectedRevision: input.expectedRevision,
      revision: current.revision,
    });
  }
  const next = { title: input.title ?? current.title, text: input.text ?? current.text };
  const changed = (['title', 'text'] as const).filter((f) => next[f] !== current[f]);
  return { changed, next };
}
