import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { nowIso } from '../../../platform/time.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { ActorStamp } from '../domain/model.ts';
import { type CaseBatch, newBatch } from './group-commit.ts';

/** What one transaction of case work carries. */
export interface CaseWork {
  platform: Platform;
  trx: Tx;
  actor: Actor;
  stamp: ActorStamp;
  now: string;
  today: string;
  calendar: WorkCalendar;
  settings: CaseSettings;
  /** What this transaction's writes share (reference data read once). */
  batch: CaseBatch;
}

/**
 * The work context of an actor in a transaction (now: the current instant unless given, for the
 * demo seed; the calendar: read in the transaction unless the batch already did).
 */
export async function caseWork(
  platform: Platform,
  trx: Tx,
  {
    actor,
    settings,
    now = nowIso(),
    batch = newBatch(),
  }: { actor: Actor; settings: CaseSettings; now?: string; batch?: CaseBatch },
): Promise<CaseWork> {
  return {
    platform,
    trx,
    actor,
    stamp: { accountId: actor.accountId, name: actor.name, orgUnitId: actor.orgUnitId },
    now,
    today: shanghaiDay(now),
    calendar: await batch.calendar(trx),
    settings,
    batch,
  };
}
