import { DELIVERY_METHOD_LABELS, SPECIAL_PROCEDURE_LABELS } from '../../../../contracts/cases.ts';
import { LIMIT_UNITS } from '../../../../contracts/catalog-codes.ts';
import {
  notifyInbox,
  notifySms,
  type TemplateKey,
  type TemplateParams,
} from '../../../platform/notify/index.ts';
import type { CaseClock } from '../domain/clock.ts';
import { unpublishedYear } from '../domain/clock-days.ts';
import type { CaseAction, CaseState } from '../domain/model.ts';
import type { CaseWork } from '../store/case-work.ts';

/**
 * What the applicant and staff are told after an action, queued in the action's transaction (the
 * outbox sends after commit). The applicant gets a text for every decision they must know of:
 * acceptance, a correction notice, a refusal, an extension or a special procedure (the law asks that
 * they be told), the conclusion (granted: the result is ready; denied), the delivery, and the
 * confirmation of a withdrawal. Texts name the case number and the item, never personal data. An
 * assignment goes to the assignee's inbox.
 */
export async function notifyAfter(
  work: CaseWork,
  { state, clock, action }: { state: CaseState; clock: CaseClock; action: CaseAction },
): Promise<void> {
  const base = { caseNo: state.number, itemName: state.item.name };
  const related = { relatedType: 'case', relatedId: state.id };
  const sms = <K extends TemplateKey>(template: K, params: TemplateParams<K>) =>
    notifySms(work.platform, work.trx, {
      // Stored encrypted with the platform's key when the case was received: passed on as it is.
      phone: { enc: state.applicant.phoneEnc, masked: state.applicant.phoneMasked },
      template,
      params,
      ...related,
    });
  switch (action.type) {
    case 'accept':
      await sms('case.accepted', { ...base, deadline: promisedBy(state, clock) });
      return;
    case 'requestCorrection':
      await sms('case.correction', {
        ...base,
        materials: action.payload.items.map((i) => i.name).join('、'),
        deadline: correctionDeadline(work),
      });
      return;
    case 'refuse':
      await sms('case.refused', base);
      return;
    case 'extend':
      await sms('case.extended', { ...base, days: action.payload.days });
      return;
    case 'startSpecial':
      await sms('case.special', {
        ...base,
        kind: SPECIAL_PROCEDURE_LABELS[action.payload.kind].zh,
        expectedEnd: action.payload.expectedEnd,
      });
      return;
    case 'conclude':
      if (state.decision?.outcome === 'deny') await sms('case.denied', base);
      else await sms('case.completed', { ...base, result: action.payload.documentName });
      return;
    case 'deliver': {
      const p = action.payload;
      const how =
        p.method === 'mail' && p.trackingNumber
          ? `邮寄送出，邮件单号${p.trackingNumber}`
          : p.method === 'window'
            ? '在出件窗口领取'
            : DELIVERY_METHOD_LABELS[p.method].zh;
      await sms('case.delivered', { ...base, how });
      return;
    }
    case 'withdraw':
      await sms('case.withdrawn', base);
      return;
    case 'assign':
      await notifyInbox(work.trx, {
        accountId: action.payload.assigneeId,
        template: 'case.assigned',
        params: { ...base, deadline: promisedBy(state, clock) },
        ...related,
      });
      return;
    default:
      return;
  }
}

/**
 * What fills "承诺于…前办结" / "请于…前办理": the promised date, or, when it falls in a year whose
 * holidays are not published, the limit as the 受理通知书 states it ("受理之日起30个工作日届满"),
 * since a date would be a guess. Extensions are working days whatever the limit's unit.
 */
export function promisedBy(state: CaseState, clock: CaseClock): string {
  if (clock.promisedDue) return clock.promisedDue;
  const { days, unit } = state.item.promised;
  const extension = clock.extensionDays;
  const limit =
    extension === 0
      ? `${days}个${LIMIT_UNITS[unit]}`
      : unit === 'working_day'
        ? `${days + extension}个工作日`
        : `${days}个自然日又${extension}个工作日`;
  return `受理之日起${limit}届满`;
}

/**
 * What fills "请于…前补齐": the date 20 working days on, or, past the published calendar, the span
 * in words that reads before "前" as promisedBy's does (was "20个工作日内", so "请于20个工作日内前补齐").
 */
function correctionDeadline(work: CaseWork): string {
  try {
    return work.calendar.addWorkdays(work.today, 20);
  } catch (err) {
    unpublishedYear(err);
    return '本通知发出之日起20个工作日届满';
  }
}
