/**
 * The store checks of an item document (the department exists, the implementation code is free):
 * the part of validation that reads the database, beside the pure schema check in
 * domain/validate-item.ts.
 */
import type { Executor } from '../../../platform/db/index.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { type Department, loadDepartment } from '../store/departments.ts';
import { findItemByImplementationCode } from '../store/store.ts';

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
        {
          path: `${pathPrefix}.departmentId`,
          message: say(
            `实施部门不存在或不能实施事项（${departmentId}）`,
            `No such department, or it cannot implement items (${departmentId})`,
          ),
        },
      ],
    });
  }
  return department;
}

/**
 * Refuses an implementation code another item already holds (409 naming the field and the holder).
 * `ownItemId` is the item being saved (null for a new one); `pathPrefix` prefixes the field path.
 */
export async function requireFreeImplementationCode(
  db: Executor,
  check: { code: string; ownItemId: string | null; pathPrefix: string },
): Promise<void> {
  const { code, ownItemId, pathPrefix } = check;
  const holder = await findItemByImplementationCode(db, code);
  if (holder && holder.id !== ownItemId) {
    throw new AppError('CATALOG_IMPLEMENTATION_CODE_TAKEN', {
      fields: [
        {
          path: `${pathPrefix}.implementationCode`,
          message: say(
            `实施编码 ${code} 已被事项“${holder.name}”使用`,
            `Implementation code ${code} is used by the item “${holder.name}”`,
          ),
        },
      ],
    });
  }
}
