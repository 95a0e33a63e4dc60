import type { z } from 'zod';
import type { CaseList } from '../../../../contracts/case-views.ts';
import { type CaseListInput, isFullIdentifier } from '../../../../contracts/cases.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { maskIdNumber } from '../../../platform/crypto/mask.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { auditCase } from '../audit-actions.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { listCases } from './list-cases.ts';

/**
 * A list query in a URL (`GET /api/cases`): anything but a full ID number or credit code, which
 * would land in request logs and proxies and ask "does this person have a case" unaudited.
 */
export function refuseFullIdInUrl(q: CaseListInput): void {
  if (q.applicant && isFullIdentifier(q.applicant)) {
    throw new AppError('CASE_SEARCH_ID_IN_URL', {
      fields: [
        {
          path: 'querystring.applicant',
          message: say(
            '请用 POST /api/cases/search 在请求体中按完整证件号码查询',
            'Search by a full ID number with POST /api/cases/search, in the body',
          ),
        },
      ],
    });
  }
}

/**
 * 办件查询 with the filters in the body (`POST /api/cases/search`): the same answer as the list,
 * and, when the applicant filter is a full ID number or credit code, an audit row naming the
 * actor, the masked identifier and how many cases in the actor's scope matched.
 */
export async function searchCases(
  platform: Platform,
  actor: Actor,
  q: CaseListInput,
): Promise<z.infer<typeof CaseList>> {
  const found = await listCases(platform, actor, q);
  if (q.applicant && isFullIdentifier(q.applicant)) {
    const masked = maskIdNumber(q.applicant.trim().toUpperCase());
    await caseTransaction(platform, (trx) =>
      auditCase(platform, trx, {
        actor,
        action: 'case.searchByIdNumber',
        entityType: 'case',
        entityId: null,
        orgUnitId: actor.orgUnitId,
        detail: { applicantIdMasked: masked, matched: found.total },
      }),
    );
  }
  return found;
}
