import { isValidCreditCode } from '../../../../contracts/identifiers.ts';
import type { OrgUnitKind } from '../../../../contracts/org.ts';
import { AppError, say } from '../../../platform/errors.ts';

/** Refuses a unified social credit code whose check character (GB 32100) is wrong. */
export function checkCreditCode(code: string | null | undefined): void {
  if (code && !isValidCreditCode(code)) {
    throw new AppError('CREDIT_CODE_INVALID', {
      fields: [
        {
          path: 'body.creditCode',
          message: say('统一社会信用代码校验位错误', 'The check character of the credit code is wrong'),
        },
      ],
    });
  }
}

/** True when `candidatePath` is the unit at `unitPath` or lies below it (a move there would loop). */
export function isInSubtree(candidatePath: string, unitPath: string): boolean {
  return candidatePath.startsWith(unitPath);
}

/**
 * A county install has one government, the root of the tree: no other unit is of kind
 * `government`, and the root is of no other kind (a township administrator cannot declare its
 * township a second government, issue 9).
 */
export function checkKindAtPlace(kind: OrgUnitKind, isRoot: boolean): void {
  if ((kind === 'government') !== isRoot) {
    throw new AppError('ORG_UNIT_KIND_INVALID', {
      fields: [
        {
          path: 'body.kind',
          message: isRoot
            ? say('根机构只能是人民政府', 'The root unit is the government')
            : say('人民政府只能是根机构', 'Only the root unit is the government'),
        },
      ],
    });
  }
}

/** The path of a unit's parent (`/county/lsz/` → `/county/`); null for the root. */
export function parentPathOf(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
}
