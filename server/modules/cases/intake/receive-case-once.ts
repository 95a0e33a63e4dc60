import type { IntakeInput } from '../../../../contracts/cases.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { hmacSm3 } from '../../../platform/crypto/sm3.ts';
import { AppError, say } from '../../../platform/errors.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { IntakeKeyRecord } from '../domain/model.ts';
import { caseWork } from '../store/case-work.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { findKeyedIntake, isIntakeKeyTaken } from '../store/store.ts';
import type { CaseWritten } from '../store/write-path.ts';
import { receiveWith } from './receive-case.ts';

/**
 * Intake safe against double submission. The client names one application form with an
 * Idempotency-Key and sends it with every submit of that form; a repeat by the same clerk (a
 * double click, a browser retry after a timeout) is answered with the case the first submit
 * created: no second case, case number, audit row or SMS. The key is stored on the case with an
 * HMAC of the body, unique per clerk account; the same key with another body is a 409.
 */

/** What receiveCaseOnce takes: the application, the settings and the request's Idempotency-Key. */
export interface ReceiveCaseOnceInput {
  intake: IntakeInput;
  settings: CaseSettings;
  key: string;
}

/** A keyed intake's outcome: a case received now, or the case an earlier submit of the key received. */
export type KeyedIntake = { written: CaseWritten; replayOf?: never } | { replayOf: string; written?: never };

/** Why a header was refused (in the field list of CASE_INTAKE_KEY_INVALID). */
const KEY_FORMAT = say(
  '应为 8–100 位字母、数字、下划线或连字符',
  'Should be 8 to 100 letters, digits, underscores or hyphens',
);

/**
 * The Idempotency-Key of an intake request (null without one), once the route's schema checked
 * the request: a refused header is CASE_INTAKE_KEY_INVALID, any other schema failure is thrown
 * as it came (the route attaches validation errors instead of answering them itself).
 */
export function intakeKeyOf(
  validationError: (Error & { validationContext?: string }) | undefined,
  header: string | string[] | undefined,
): string | null {
  if (validationError?.validationContext === 'headers') {
    throw new AppError('CASE_INTAKE_KEY_INVALID', {
      fields: [{ path: 'headers.idempotency-key', message: KEY_FORMAT }],
    });
  }
  if (validationError) throw validationError;
  return typeof header === 'string' ? header : null;
}

/**
 * Receives an application under an Idempotency-Key, or answers the case the key already names.
 * The key is looked up first, inside the transaction: on SQLite the writes of a group commit run
 * one after another in one transaction, so a repeat in the same batch sees the first one's row.
 * On PostgreSQL two concurrent requests can both find nothing; the second to record the key then
 * breaks the unique index, its whole transaction rolls back (case number, audit row, SMS with
 * it), and it answers with the case the first one committed.
 */
export async function receiveCaseOnce(
  platform: Platform,
  actor: Actor,
  { intake: input, settings, key }: ReceiveCaseOnceInput,
): Promise<KeyedIntake> {
  const record: IntakeKeyRecord = { key, bodyHash: intakeBodyHash(platform, input) };
  try {
    return await caseTransaction(platform, async (trx, batch): Promise<KeyedIntake> => {
      const found = await findKeyedIntake(trx, actor.accountId, key);
      if (found) return replay(found, record);
      const work = await caseWork(platform, trx, { actor, settings, batch });
      return { written: await receiveWith(work, input, record) };
    });
  } catch (err) {
    if (!isIntakeKeyTaken(err)) throw err;
    const found = await findKeyedIntake(platform.db, actor.accountId, key);
    if (!found) throw err;
    return replay(found, record);
  }
}

/** The answer to a repeated key: the same case, unless the body differs from the first one's. */
function replay(
  found: { id: string; number: string; bodyHash: string },
  record: IntakeKeyRecord,
): KeyedIntake {
  if (found.bodyHash !== record.bodyHash) {
    throw new AppError('CASE_INTAKE_KEY_REUSED', {
      caseNumber: found.number,
      fields: [
        {
          path: 'headers.idempotency-key',
          message: say(
            `已用于办件 ${found.number}，申请内容不同`,
            `Already used for case ${found.number}, with a different application`,
          ),
        },
      ],
    });
  }
  return { replayOf: found.id };
}

/**
 * HMAC-SM3 of the request body in canonical form (object keys sorted, so key order and spacing do
 * not matter): keyed, because the body holds ID numbers and phones that a plain digest would let
 * anyone with the table confirm by guessing.
 */
export function intakeBodyHash(platform: Platform, input: IntakeInput): string {
  return hmacSm3(platform.config.encryptionKey, canonicalJson(input));
}

/** JSON with every object's keys in sorted order; undefined members left out, as JSON does. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
