import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { planNoteUpdate } from './note-rules.ts';

const note = { revision: 3, title: '周一例会', text: '带上本周受理台账' };

test('an update at the current revision changes only the fields that differ', () => {
  assert.deepEqual(planNoteUpdate(note, { expectedRevision: 3, title: '周二例会', text: note.text }), {
    changed: ['title'],
    next: { title: '周二例会', text: note.text },
  });
  assert.deepEqual(
    planNoteUpdate(note, { expectedRevision: 3 }).changed,
    [],
    'nothing named, nothing changed',
  );
});

test('an update read at another revision is refused as stale', () => {
  for (const expectedRevision of [1, 2, 4]) {
    assert.throws(
      () => planNoteUpdate(note, { expectedRevision, title: 'x' }),
      (err) => err instanceof AppError && err.code === 'EXAMPLE_STALE_VERSION',
    );
  }
});
