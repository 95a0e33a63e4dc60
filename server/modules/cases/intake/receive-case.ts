import type { CaseChannel, IntakeInput } from '../../../../contracts/cases.ts';
import { type Actor, authorize, scopePathsFor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../../platform/crypto/mask.ts';
import { hmacSm3 } from '../../../platform/crypto/sm3.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { getPublishedVersion } from '../../catalog/index.ts';
import { resolveProcess } from '../backoffice/processes.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { CaseCommand } from '../domain/decide.ts';
import { latestDeferralDate } from '../domain/decide.ts';
import type {
  AgentRecord,
  ApplicantRecord,
  IntakeKeyRecord,
  ItemSnapshot,
  ReceivePayload,
} from '../domain/model.ts';
import { countyDivision, departmentOf, resolveIntakePoint } from '../org-port.ts';
import { type CaseWork, caseWork } from '../store/case-work.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { nextCaseSerial } from '../store/store.ts';
import { type CaseWritten, createCase } from '../store/write-path.ts';
import {
  checkForm,
  checkItemAtPoint,
  checkItemOnline,
  checklist,
  chosenAnswers,
  type IntakePoint,
  missingItems,
  secretFieldKind,
} from './intake.ts';

/**
 * 收件 and the intake decision at a window or service point, in one transaction: where it
 * happens and whether the item may be taken there, the published item version, the applicant
 * (check digits by the schema, personal values encrypted), situations, checklist and form; then a
 * county-wide case number, the receive action and the decision: accept (the process snapshot and
 * the clock start), a one-time correction notice, a refusal, or receipt only.
 */
export async function receiveCase(
  platform: Platform,
  actor: Actor,
  { intake, settings, now }: ReceiveCaseInput,
): Promise<CaseWritten> {
  return caseTransaction(platform, async (trx, batch) =>
    receiveWith(await caseWork(platform, trx, { actor, settings, now, batch }), intake),
  );
}

/** What receiveCase takes: the application as checked by the route's schema, the settings, the instant. */
export interface ReceiveCaseInput {
  intake: IntakeInput;
  settings: CaseSettings;
  /** The instant of the intake: the current one unless given (the demo seed, tests). */
  now?: string;
}

/**
 * The intake inside a given unit of work (the demo seed runs many in one transaction); with an
 * Idempotency-Key (receive-case-once.ts), recorded in the receive action and on the case.
 */
export async function receiveWith(
  work: CaseWork,
  input: IntakeInput,
  intakeKey?: IntakeKeyRecord,
): Promise<CaseWritten> {
  // Who may not accept anywhere hears so first, not which window or point is missing.
  if (scopePathsFor(work.actor, 'case.accept').length === 0) {
    throw new AppError('ACCESS_DENIED', { action: 'case.accept' });
  }
  const point = await resolveIntakePoint(work.trx, work.actor, { body: input, batch: work.batch });
  return receiveAt(work, { input, point, channel: 'window', ...(intakeKey ? { intakeKey } : {}) });
}

/** Where and how an intake came in, once the place is known (a window or point, or the portal's centre). */
export interface IntakeAt {
  input: IntakeInput;
  point: IntakePoint;
  channel: CaseChannel;
  intakeKey?: IntakeKeyRecord;
  /** Online: the stored files uploaded for each material (by material id), kept on its record. */
  fileIds?: ReadonlyMap<string, string[]>;
}

/**
 * The intake at a resolved place: the access check there, the published version, whether the item
 * may be taken there (at a window or point by its kind and level; online by the item's online
 * depth), then the checks, the case number, the receive action and the decision.
 */
export async function receiveAt(
  work: CaseWork,
  { input, point, channel, intakeKey, fileIds }: IntakeAt,
): Promise<CaseWritten> {
  const { platform, trx, actor } = work;
  authorize(actor, 'case.accept', { path: point.record.unitPath });
  const version = await work.batch.once(`catalog.version:${input.itemId}`, () =>
    getPublishedVersion(trx, input.itemId),
  );
  if (!version) throw new AppError('CASE_ITEM_NOT_PUBLISHED', { itemId: input.itemId });
  const doc = version.document;
  if (channel === 'online') checkItemOnline(doc);
  else checkItemAtPoint(doc, point);
  const department = await departmentOf(trx, doc.departmentId, work.batch);
  if (!department)
    throw new AppError('CASE_ITEM_NOT_PUBLISHED', { itemId: input.itemId, reason: 'department' });

  const promised = { days: doc.promisedLimit.value, unit: doc.promisedLimit.unit };
  const item: ItemSnapshot = {
    id: version.itemId,
    versionId: version.versionId,
    code: doc.implementationCode,
    name: doc.name,
    departmentId: department.id,
    departmentPath: department.path,
    departmentName: department.name,
    promised,
    legal: { days: doc.legalLimit.value ?? promised.days, unit: doc.legalLimit.unit },
    joint: false,
  };
  const form = checkForm(doc, input.form);
  const kindOf = new Map(doc.formFields.map((f) => [f.key, secretFieldKind(f)]));
  const clearSecret = (key: string, v: unknown) =>
    kindOf.get(key) === 'idNumber' ? String(v).trim().toUpperCase() : String(v).trim();
  const maskSecret = (key: string, v: unknown) => {
    const kind = kindOf.get(key);
    const clear = clearSecret(key, v);
    return kind === 'idNumber'
      ? maskIdNumber(clear)
      : kind === 'address'
        ? maskAddress(clear)
        : maskPhone(clear);
  };
  const chosen = chosenAnswers(doc, input.situations);
  const materials = checklist(doc, {
    chosen,
    inputs: input.materials,
    deferral: { earliest: work.today, latest: latestDeferralDate({ item }, work.today, work.calendar) },
  }).map((m) => (fileIds?.has(m.materialId) ? { ...m, fileIds: [...(fileIds.get(m.materialId) ?? [])] } : m));
  const serial = await nextCaseSerial(trx, Number(work.today.slice(0, 4)));
  const number = `${await countyDivision(trx)}-${work.today.slice(0, 4)}-${String(serial).padStart(7, '0')}`;

  const payload: ReceivePayload = {
    number,
    channel,
    parentId: null,
    item,
    intake: point.record,
    applicant: applicantRecord(platform, input.applicant),
    agent: input.agent ? agentRecord(platform, input.agent) : null,
    form: Object.fromEntries(
      Object.entries(form.values).map(([k, v]) => [k, form.secretKeys.includes(k) ? maskSecret(k, v) : v]),
    ),
    formSecrets: Object.fromEntries(
      form.secretKeys.map((k) => [k, platform.cipher.encrypt(clearSecret(k, form.values[k]))]),
    ),
    situations: input.situations,
    materials,
    ...(intakeKey ? { intakeKey } : {}),
  };
  const then = await decisionCommands(work, input, { item, materials });
  return createCase(work, {
    caseId: newId(),
    receive: { type: 'receive', at: work.now, actor: work.stamp, payload },
    then,
  });
}

/** The commands that follow the receipt, by the clerk's decision. */
async function decisionCommands(
  work: CaseWork,
  input: IntakeInput,
  { item, materials }: { item: ItemSnapshot; materials: ReceivePayload['materials'] },
): Promise<CaseCommand[]> {
  switch (input.decision) {
    case 'receive':
      return [];
    case 'accept': {
      const steps = await resolveProcess(
        work.trx,
        { id: item.id, departmentId: item.departmentId, promisedDays: item.promised.days },
        work.batch,
      );
      return [{ type: 'accept', steps }];
    }
    case 'correct': {
      const items = input.correction?.items?.length ? input.correction.items : missingItems(materials);
      if (items.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [
            {
              path: 'body.correction.items',
              message: say(
                '没有缺少的必要材料，请列出需补正的内容',
                'No required material is missing; list what needs correcting',
              ),
            },
          ],
        });
      }
      return [{ type: 'requestCorrection', items, note: input.correction?.note ?? null }];
    }
    case 'refuse':
      if (!input.refusal) {
        throw new AppError('CASE_DECISION_REASONS_REQUIRED', {
          fields: [
            {
              path: 'body.refusal.reason',
              message: say('不予受理须说明理由', 'A refusal needs its reasons'),
            },
          ],
        });
      }
      return [{ type: 'refuse', ...input.refusal }];
  }
}

function applicantRecord(platform: Platform, a: IntakeInput['applicant']): ApplicantRecord {
  const id = a.kind === 'person' ? a.idNumber : a.creditCode;
  return {
    kind: a.kind,
    name: a.name,
    idMasked: maskIdNumber(id),
    idEnc: platform.cipher.encrypt(id),
    idDigest: hmacSm3(platform.config.encryptionKey, id),
    phoneMasked: maskPhone(a.phone),
    phoneEnc: platform.cipher.encrypt(a.phone),
    legalRepresentative: a.kind === 'enterprise' ? a.legalRepresentative : null,
    addressEnc: a.address ? platform.cipher.encrypt(a.address) : null,
  };
}

function agentRecord(platform: Platform, a: NonNullable<IntakeInput['agent']>): AgentRecord {
  return {
    name: a.name,
    idMasked: maskIdNumber(a.idNumber),
    idEnc: platform.cipher.encrypt(a.idNumber),
    phoneMasked: maskPhone(a.phone),
    phoneEnc: platform.cipher.encrypt(a.phone),
    powerOfAttorney: true,
  };
}

/** The digest the applicant search matches an ID number or credit code by. */
export function applicantDigest(platform: Platform, value: string): string {
  return hmacSm3(platform.config.encryptionKey, value.trim().toUpperCase());
}
