import { type CatalogItemDocument, CatalogItemDocumentSchema } from '../../../../contracts/catalog.ts';
import { AppError, type Bilingual, say } from '../../../platform/errors.ts';
import { issueText } from '../../../platform/http/zod-messages.ts';

/** A field at fault, as every 4xx body lists them (the answer says the message in the asker's language). */
export interface FieldIssue {
  path: string;
  message: Bilingual;
}

/**
 * Validates any input as an item document (the same schema for the editor, imports and the demo).
 * Paths are prefixed with `pathPrefix` ('body.document' for the API, 'row 12' for an import).
 */
export function parseItemDocument(
  input: unknown,
  pathPrefix: string,
): { ok: true; document: CatalogItemDocument } | { ok: false; fields: FieldIssue[] } {
  const parsed = CatalogItemDocumentSchema.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    fields: parsed.error.issues.map((i) => ({
      path: [pathPrefix, ...i.path].filter((p) => p !== '').join('.'),
      message: issueText(i),
    })),
  };
}

/**
 * The refusal of requireFreeImplementationCode (items/item-checks.ts) when the unique index, not that
 * check, caught the clash: on PostgreSQL two concurrent transactions both pass the check and the
 * second insert or update waits on the first, then fails. Anything else is passed on unchanged.
 */
export function implementationCodeClash(err: unknown, code: string, pathPrefix: string): unknown {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!unique || !String(e.constraint ?? e.message ?? '').includes('implementation_code')) return err;
  return new AppError('CATALOG_IMPLEMENTATION_CODE_TAKEN', {
    fields: [
      {
        path: `${pathPrefix}.implementationCode`,
        message: say(
          `实施编码 ${code} 刚刚被其他事项使用`,
          `Implementation code ${code} was just taken by another item`,
        ),
      },
    ],
  });
}
