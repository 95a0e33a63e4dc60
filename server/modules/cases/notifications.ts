import { notifyInbox, notifySms } from '../../platform/notify/index.ts';
import type { CaseClock } from './clock.ts';
import type { CaseAction, CaseState } from './model.ts';
import type { CaseWork } from './write-path.ts';

/**
 * What the applicant and staff are told after an action, queued in the action's transaction (the
 * outbox sends after commit): acceptance, a correction notice and the conclusion go to the
 * applicant by SMS; an assignment goes to the assignee's inbox.
 */
export async function notifyAfter(
  work: CaseWork,
  state: CaseState,
  clock: CaseClock,
  action: CaseAction,
): Promise<void> {
  const base = { caseNo: state.number, itemName: state.item.name };
  const related = { relatedType: 'case', relatedId: state.id };
  const phone = () => work.platform.cipher.decrypt(state.applicant.phoneEnc);
  switch (action.type) {
    case 'accept':
      await notifySms(work.platform, work.trx, {
        phone: phone(),
        template: 'case.accepted',
        params: { ...base, deadline: clock.promisedDue ?? '承诺时限内' },
        ...related,
      });
      return;
    case 'requestCorrection':
      await notifySms(work.platform, work.trx, {
        phone: phone(),
        template: 'case.correction',
        params: {
          ...base,
          materials: action.payload.items.map((i) => i.name).join('、'),
          deadline: correctionDeadline(work),
        },
        ...related,
      });
      return;
    case 'conclude':
      await notifySms(work.platform, work.trx, {
        phone: phone(),
        template: 'case.completed',
        params: {
          ...base,
          result:
            state.decision?.outcome === 'deny'
              ? `不予许可（${action.payload.documentName}）`
              : action.payload.documentName,
        },
        ...related,
      });
      return;
    case 'assign':
      await notifyInbox(work.trx, {
        accountId: action.payload.assigneeId,
        template: 'case.assigned',
        params: { ...base, deadline: clock.promisedDue ?? '承诺时限内' },
        ...related,
      });
      return;
    default:
      return;
  }
}

/** The date a correction is asked for by: 20 working days (or, past the published calendar, said in words). */
function correctionDeadline(work: CaseWork): string {
  try {
    return work.calendar.addWorkdays(work.today, 20);
  } catch {
    return '20个工作日内';
  }
}
