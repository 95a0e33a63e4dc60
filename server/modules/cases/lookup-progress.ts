import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { ProgressView } from '../../../contracts/case-views.ts';
import { CASE_STATUS_LABELS } from '../../../contracts/cases.ts';
import type { Platform } from '../../platform/context.ts';
import { fromJson } from '../../platform/db/json.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseState } from './model.ts';
import { shanghaiDay } from './shanghai-day.ts';
import { casesDb } from './store.ts';

/** Actions the public sees as milestones, with the words it sees. */
const MILESTONES: Partial<Record<string, string>> = {
  receive: '已收件',
  requestCorrection: '需补正材料',
  resubmit: '已提交补正材料',
  accept: '已受理',
  refuse: '不予受理',
  startSpecial: '特别程序（暂停计时）',
  endSpecial: '特别程序结束',
  extend: '延长办理期限',
  decide: '已作出决定',
  conclude: '已办结',
  deliver: '已送达',
  withdraw: '已撤回',
  void: '已作废',
};

/**
 * Public progress lookup, without log-in: the case number and the last six characters of the
 * applicant's ID number or credit code. A wrong pair and an unknown number give the same answer,
 * so numbers cannot be probed; the route is rate-limited. No personal data is returned.
 */
export async function lookupProgress(
  platform: Platform,
  number: string,
  tail: string,
): Promise<z.infer<typeof ProgressView>> {
  const row = await casesDb(platform.db)
    .selectFrom('cases')
    .select(['id', 'state', 'promised_due'])
    .where('number', '=', number.trim())
    .executeTakeFirst();
  const state = row ? fromJson<CaseState | null>(row.state, null) : null;
  if (!row || !state || !tailMatches(platform, state, tail)) throw new AppError('CASE_LOOKUP_FAILED');
  const actions = await casesDb(platform.db)
    .selectFrom('case_actions')
    .select(['type', 'at'])
    .where('case_id', '=', row.id)
    .orderBy('seq')
    .execute();
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  const open = ['in_process', 'process_correction', 'special_procedure'].includes(state.status);
  return {
    number: state.number,
    itemName: state.item.name,
    departmentName: state.item.departmentName,
    status: state.status,
    statusLabel: CASE_STATUS_LABELS[state.status].zh,
    receivedOn: shanghaiDay(state.receivedAt),
    acceptedOn: state.clockStart,
    promisedDue: row.promised_due,
    currentStep: open ? (step?.name ?? null) : null,
    milestones: actions.flatMap((a) => {
      const label = MILESTONES[a.type];
      return label ? [{ label, on: shanghaiDay(a.at) }] : [];
    }),
  };
}

function tailMatches(platform: Platform, state: CaseState, tail: string): boolean {
  const actual = Buffer.from(platform.cipher.decrypt(state.applicant.idEnc).slice(-6).toUpperCase());
  const given = Buffer.from(tail.trim().toUpperCase());
  return actual.length === given.length && timingSafeEqual(actual, given);
}
