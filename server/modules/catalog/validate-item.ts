import { type CatalogItemDocument, CatalogItemDocumentSchema } from '../../../contracts/catalog.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { type Department, loadDepartment } from './departments.ts';
import { findItemByImplementationCode } from './store.ts';

/** A field at fault, as every 4xx body lists them. */
export interface FieldIssue {
  path: string;
  message: string;
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
      message: i.message,
    })),
  };
}

/** The implementing department of a document, or a 400 naming the departmentId field. */
export async function requireDepartment(
  db: Executor,
  departmentId: string,
  pathPrefix: string,
): Promise<Department> {
  const department = await loadDepartment(db, departmentId);
  if (!department) {
    throw new AppError('CATALOG_DEPARTMENT_INVALID', {
      fields: [
        { path: `${pathPrefix}.departmentId`, message: `实施部门不存在或不能实施事项（${departmentId}）` },
      ],
    });
  }
  return department;
}

/**
 * The same refusal when the unique index, not the check above, caught the clash: on PostgreSQL two
 * concurrent transactions both pass the check and the second insert or update waits on the first,
 * then fails. Anything else is passed on unchanged.
 */
export function implementationCodeClash(err: unknown, code: string, pathPrefix: string): unknown {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!unique || !String(e.constraint ?? e.message ?? '').includes('implementation_code')) return err;
  return new AppError('CATALOG_IMPLEMENTATION_CODE_TAKEN', {
    fields: [{ path: `${pathPrefix}.implementationCode`, message: `实施编码 ${code} 刚刚被其他事项使用` }],
  });
}

/** Refuses an implementation code another item already holds (409 naming the field and the holder). */
export async function requireFreeImplementationCode(
  db: Executor,
  code: string,
  ownItemId: string | null,
  pathPrefix: string,
): Promise<void> {
  const holder = await findItemByImplementationCode(db, code);
  if (holder && holder.id !== ownItemId) {
    throw new AppError('CATALOG_IMPLEMENTATION_CODE_TAKEN', {
      fields: [
        {
          path: `${pathPrefix}.implementationCode`,
          message: `实施编码 ${code} 已被事项“${holder.name}”使用`,
        },
      ],
    });
  }
}
