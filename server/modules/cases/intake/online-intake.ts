import { IntakeBody, type IntakeInput } from '../../../../contracts/cases.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { IntakeRecord } from '../domain/model.ts';
import { countyCentre } from '../org-port.ts';
import { caseWork } from '../store/case-work.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { findKeyedIntake, isIntakeKeyTaken } from '../store/store.ts';
import type { CaseWritten } from '../store/write-path.ts';
import { receiveAt } from './receive-case.ts';
import { intakeBodyHash } from './receive-case-once.ts';

/**
 * 网上申请 → 收件 (issue 11, item 6): an application the portal submits becomes a case of the same
 * model, channel `online`, received (not yet accepted: no clock) at the county's service centre,
 * where the window clerks pre-review it with the same accept / correction / refusal. The intake
 * code is the window's (`receiveAt`): the same checks of item, form, situations and checklist, the
 * same case number, receive action, case events and audit rows.
 */

/** The portal account an online application comes from (the audit and the case name it). */
export interface OnlinePortalAccount {
  accountId: string;
  phoneMasked: string;
}

/** What the portal hands over: the application as its applicant completed it. */
export interface OnlineApplicationInput {
  /** The portal's application (draft) id: one case per application, whatever the retries. */
  applicationId: string;
  /** The item; its published version is the one received, as at the window. */
  itemId: string;
  /** The real-name verified values of the account (the portal decrypts them for this). */
  applicant: Omit<Extract<IntakeInput['applicant'], { kind: 'person' }>, 'kind'>;
  form: IntakeInput['form'];
  situations: IntakeInput['situations'];
  /** Each material with the stored files uploaded for it: received as `electronic`. */
  materials: { materialId: string; fileIds: string[] }[];
  portal: OnlinePortalAccount;
  settings: CaseSettings;
  /** The instant of the intake: the current one unless given (tests). */
  now?: string;
  /**
   * The caller's own writes, in the same transaction as the case (the portal marks its draft
   * submitted): if they fail, no case is received. Called with the case received or found again
   * (after a concurrent submit's unique-index refusal, in a transaction of its own).
   */
  alongside?: (trx: Tx, received: OnlineIntake) => Promise<void>;
}

/** The case an online application became; `replayed` when an earlier submit of it had received it. */
export interface OnlineIntake {
  caseId: string;
  number: string;
  replayed: boolean;
  /** The new case's state, clock and actions (absent on a replay). */
  written?: CaseWritten;
}

/**
 * Who receives an online application. There is no staff member: the intake runs as a system actor
 * that names the portal account (its id, `公众用户139****1111（网上申请）`), stands at the county
 * centre (its org unit) and holds, for this one use case, the window clerk's grant over the centre
 * only, so `receiveAt`, the policy and the write path check it as they check a clerk. It is never
 * a session's actor and no route can be called with it.
 */
export function onlineIntakeActor(portal: OnlinePortalAccount, centre: IntakeRecord): Actor {
  return {
    accountId: portal.accountId,
    kind: 'citizen',
    staffId: null,
    username: `portal:${portal.accountId}`,
    name: `公众用户${portal.phoneMasked}（网上申请）`,
    orgUnitId: centre.unitId,
    grants: [
      {
        role: 'window_clerk',
        scopeOrgUnitId: centre.unitId,
        scopePath: centre.unitPath,
        scopeName: centre.unitName,
      },
    ],
    mustChangePassword: false,
  };
}

/** The intake key of an application: unique per portal account, as a clerk's Idempotency-Key. */
export function onlineIntakeKey(applicationId: string): string {
  return `portal-application-${applicationId}`;
}

/** The application as the window's intake takes it, checked by the same schema: decision `receive`. */
function intakeOf(input: OnlineApplicationInput): IntakeInput {
  const parsed = IntakeBody.safeParse({
    itemId: input.itemId,
    applicant: { kind: 'person', ...input.applicant },
    form: input.form,
    situations: input.situations,
    materials: input.materials.map((m) => ({ materialId: m.materialId, form: 'electronic' })),
    decision: 'receive',
  });
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      fields: parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/**
 * Receives an online application as a case: channel `online`, decision `receive` (status
 * `received`, no clock until a clerk accepts), intake point the county centre (no window), each
 * material `electronic` with its file ids. Idempotent per application: the receive records the
 * intake key `portal-application-<id>` under the portal account (the case's `intake_key_account`,
 * by which the portal finds its account's cases), so a retry answers the case already received
 * (on PostgreSQL, a concurrent second one breaks the unique index and rolls back, then finds it).
 */
export async function receiveOnlineApplication(
  platform: Platform,
  input: OnlineApplicationInput,
): Promise<OnlineIntake> {
  const intake = intakeOf(input);
  const key = onlineIntakeKey(input.applicationId);
  const record = { key, bodyHash: intakeBodyHash(platform, intake) };
  const files = new Map(input.materials.map((m) => [m.materialId, m.fileIds]));
  try {
    return await caseTransaction(platform, async (trx, batch): Promise<OnlineIntake> => {
      const found = await findKeyedIntake(trx, input.portal.accountId, key);
      if (found) {
        const again = { caseId: found.id, number: found.number, replayed: true };
        await input.alongside?.(trx, again);
        return again;
      }
      const centre = await countyCentre(trx, batch);
      if (!centre) throw new AppError('CASE_ONLINE_CENTRE_MISSING');
      const actor = onlineIntakeActor(input.portal, centre.record);
      const work = await caseWork(platform, trx, {
        actor,
        settings: input.settings,
        ...(input.now ? { now: input.now } : {}),
        batch,
      });
      const point = { record: centre.record, windowKind: null, windowDepartmentId: null };
      const written = await receiveAt(work, {
        input: intake,
        point,
        channel: 'online',
        intakeKey: record,
        fileIds: files,
      });
      const received = { caseId: written.state.id, number: written.state.number, replayed: false, written };
      await input.alongside?.(trx, received);
      return received;
    });
  } catch (err) {
    if (!isIntakeKeyTaken(err)) throw err;
    const found = await findKeyedIntake(platform.db, input.portal.accountId, key);
    if (!found) throw err;
    const again = { caseId: found.id, number: found.number, replayed: true };
    const alongside = input.alongside;
    if (alongside) await caseTransaction(platform, (trx) => alongside(trx, again));
    return again;
  }
}
