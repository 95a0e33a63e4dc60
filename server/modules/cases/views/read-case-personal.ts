import type { z } from 'zod';
import type { CasePersonal } from '../../../../contracts/case-views.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { auditCase } from '../audit-actions.ts';
import { authorizeRead, scopeOf } from '../domain/policy.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { loadCase } from '../store/store.ts';

/**
 * The full ID number, phone and address of a case's applicant (and agent), for staff holding
 * case.readPersonal over the case. Every read writes an audit row, in the same transaction.
 */
export function readCasePersonal(
  platform: Platform,
  actor: Actor,
  caseId: string,
): Promise<z.infer<typeof CasePersonal>> {
  return caseTransaction(platform, async (trx) => {
    const { state } = await loadCase(trx, caseId);
    authorizeRead(actor, scopeOf(state), 'case.readPersonal');
    await auditCase(platform, trx, {
      actor,
      action: 'case.readPersonal',
      entityType: 'case',
      entityId: caseId,
      orgUnitId: actor.orgUnitId,
      detail: {
        number: state.number,
        fields: [
          'applicantId',
          'applicantPhone',
          'applicantAddress',
          'agent',
          ...Object.keys(state.formSecrets),
        ],
      },
    });
    const d = (v: string | null | undefined) => (v ? platform.cipher.decrypt(v) : null);
    return {
      applicantId: platform.cipher.decrypt(state.applicant.idEnc),
      applicantPhone: platform.cipher.decrypt(state.applicant.phoneEnc),
      applicantAddress: d(state.applicant.addressEnc),
      agentId: d(state.agent?.idEnc),
      agentPhone: d(state.agent?.phoneEnc),
      form: Object.fromEntries(
        Object.entries(state.formSecrets).map(([k, v]) => [k, platform.cipher.decrypt(v)]),
      ),
    };
  });
}
