import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateNoteBody,
  ListNotesQuery,
  Note,
  NoteIdParams,
  NoteList,
  UpdateNoteBody,
} from '../../../../contracts/example.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { createNote, getNote, listNotes, updateNote } from '../notes/notes.ts';

/**
 * HTTP wiring of the example module: every route has a zod schema from contracts/example.ts (the
 * OpenAPI document and the fuzz test read them), an operationId, the module's tag, and leaves the
 * access check to its use case (platform/access authorize: 401, 403, or in scope). Errors are thrown
 * as AppError and leave as the one error body.
 */
export function exampleRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/example/notes',
    {
      schema: {
        operationId: 'listExampleNotes',
        tags: ['example'],
        summary: '便签列表（本机构）',
        querystring: ListNotesQuery,
        response: { 200: NoteList },
      },
    },
    async (req) => ({ items: await listNotes(platform, requireActor(req), req.query) }),
  );
  r.post(
    '/api/example/notes',
    {
      schema: {
        operationId: 'createExampleNote',
        tags: ['example'],
        summary: '新建便签',
        body: CreateNoteBody,
        response: { 200: Note },
      },
    },
    async (req) => createNote(platform, requireActor(req), req.body),
  );
  r.get(
    '/api/example/notes/:id',
    {
      schema: {
        operationId: 'getExampleNote',
        tags: ['example'],
        summary: '便签详情',
        params: NoteIdParams,
        response: { 200: Note },
      },
    },
    async (req) => getNote(platform, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/example/notes/:id',
    {
      schema: {
        operationId: 'updateExampleNote',
        tags: ['example'],
        summary: '修改便签（须带 expectedRevision）',
        params: NoteIdParams,
        body: UpdateNoteBody,
        response: { 200: Note },
      },
    },
    async (req) => updateNote(platform, requireActor(req), { ...req.body, id: req.params.id }),
  );
}
