import { z } from 'zod';
import { plainText } from './plain-text.ts';
import { bilingual } from './problem.ts';

/**
 * Requests and answers of the example module (`server/modules/example/`, the template a new module
 * copies; production does not mount it). Bodies are `z.strictObject`: an unknown key is a 400 that
 * names it, never silently dropped.
 */

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, bilingual('编号格式不正确', 'Malformed id'));

/** The concurrency field of a mutable resource: `revision` in views, `expectedRevision` in updates. */
const Revision = z.number().int().min(1).describe('便签当前修订号（乐观并发控制）');

const Title = plainText(
  z
    .string()
    .trim()
    .min(1, bilingual('标题不能为空', 'The title must not be empty'))
    .max(100, bilingual('标题不能超过100个字符', 'The title: at most 100 characters')),
  { multiline: false, label: '标题', labelEn: 'The title' },
);
const NoteText = plainText(
  z.string().trim().max(2000, bilingual('内容不能超过2000个字符', 'The text: at most 2000 characters')),
  { multiline: true, label: '内容', labelEn: 'The text' },
);

export const NoteIdParams = z.object({ id: Id });

export const Note = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  title: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof Note>;
export const NoteList = z.object({ items: z.array(Note) });

/** Notes of one org unit: the actor's own unless another (inside its scope) is named. */
export const ListNotesQuery = z.object({ orgUnitId: Id.optional().describe('机构；默认为本人所在机构') });
export type ListNotesInput = z.infer<typeof ListNotesQuery>;

/** A note is written for the author's own org unit. */
export const CreateNoteBody = z.strictObject({
  title: Title.describe('标题'),
  text: NoteText.describe('内容'),
});
export type CreateNoteInput = z.infer<typeof CreateNoteBody>;

export const UpdateNoteBody = z.strictObject({
  expectedRevision: Revision,
  title: Title.optional(),
  text: NoteText.optional(),
});
export type UpdateNoteInput = z.infer<typeof UpdateNoteBody>;
