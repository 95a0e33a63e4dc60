import { isValidCreditCode } from '../../../../contracts/identifiers.ts';
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
