/**
 * The one concurrency field of every mutable resource (catalogue items, process definitions, org
 * units, windows, staff): views carry `revision` (an integer, 1 when stored, +1 on every change);
 * every update or act carries the `expectedRevision` it was decided on, and a moved one is a 409 with
 * the module's `*_STALE_VERSION` code and details `{ expected, current }`. Cases keep their own
 * `version` (the position in their append-only action log), which is not this field.
 */
import { z } from 'zod';
import { bilingual, bilingualError } from './problem.ts';

/** The revision a view shows. */
export const Revision = z.number().int().describe('修订号（每次修改加 1）');

/** The revision the change was decided on: required, a whole number not below `min`. */
export function expectedRevision(min = 1) {
  return z
    .number({
      error: bilingualError((issue: { input?: unknown }) =>
        issue.input === undefined
          ? {
              zh: '缺少期望修订号 expectedRevision',
              en: 'The expected revision (expectedRevision) is missing',
            }
          : { zh: '期望修订号应为数字', en: 'The expected revision should be a number' },
      ),
    })
    .int(bilingual('期望修订号应为整数', 'The expected revision should be a whole number'))
    .min(min, bilingual(`期望修订号应不小于${min}`, `The expected revision is at least ${min}`))
    .describe('期望修订号（乐观并发控制：须为读到的 revision）');
}

/**
 * `expectedRevision` of a stored resource (catalogue items, org units, windows, staff). A process
 * definition not stored yet shows revision 0, so its body takes `expectedRevision(0)`.
 */
export const ExpectedRevision = expectedRevision(1);
