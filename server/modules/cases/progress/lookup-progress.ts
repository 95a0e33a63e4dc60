import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { ProgressView } from '../../../../contracts/case-views.ts';
import { CASE_STATUS_LABELS, type CaseActionType } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { clearAttempts, countFailure } from '../../../platform/attempts/index.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/context.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { type CaseClock, computeClock } from '../domain/clock.ts';
import type { CaseState, ProcessStep } from '../domain/model.ts';
import { casesDb } from '../store/store.ts';
import { lookupCodeMatches } from './lookup-code.ts';

/** Actions the public sees as milestones, with the words it sees (a pass names its step). */
const MILESTONES: Partial<Record<CaseActionType, (step: string | null) => string>> = {
  receive: () => '已收件',
  requestCorrection: () => '需补正材料',
  resubmit: () => '已提交补正材料',
  accept: () => '已受理',
  refuse: () => '不予受理',
  pass: (step) => (step ? `${step}环节已完成` : '已转下一环节'),
  startSpecial: () => '特别程序（暂停计时）',
  endSpecial: () => '特别程序结束',
  extend: () => '延长办理期限',
  decide: () => '已作出决定',
  conclude: () => '已办结',
  deliver: () => '已送达',
  withdraw: () => '已撤回',
  void: () => '已作废',
};

/** The actions whose payload names the step they moved from; only these payloads are read. */
const STEP_MOVES: readonly CaseActionType[] = ['pass', 'returnStep', 'decide'];

type Milestone = z.infer<typeof ProgressView>['milestones'][number];

/**
 * The open pause of a paused case as the public may see it: its kind and day, and the due date if
 * the clock resumed today. Never the reason or result: they are free text that may name people.
 */
export function publicPause(state: CaseState, clock: CaseClock): z.infer<typeof ProgressView>['pause'] {
  const open = clock.paused ? state.pauses.find((p) => p.to === null) : undefined;
  if (!open) return null;
  return {
    kind: open.kind,
    specialKind: open.kind === 'special' ? open.specialKind : null,
    since: open.from,
    dueIfResumedToday: clock.promisedDueIfResumedToday,
  };
}

/**
 * The milestones of a log: each with the step it happened at, followed through the log by the
 * step indexes that passes, returns and the decision record (nothing else of a payload is read).
 */
export function milestonesOf(
  steps: readonly ProcessStep[],
  actions: readonly { type: string; at: string; step: number | null }[],
): Milestone[] {
  let current: number | null = null;
  const out: Milestone[] = [];
  for (const a of actions) {
    const type = a.type as CaseActionType;
    let at: number | null = current;
    if (type === 'receive' || type === 'accept' || type === 'refuse') at = null;
    if (type === 'accept') current = 0;
    if (STEP_MOVES.includes(type) && a.step !== null) {
      at = a.step;
      current = type === 'pass' ? a.step + 1 : type === 'returnStep' ? a.step - 1 : null;
    }
    const label = MILESTONES[type];
    if (!label) continue;
    const step = at === null ? undefined : steps[at];
    out.push({
      type,
      label: label(step?.name ?? null),
      step: step?.name ?? null,
      stepRole: step?.role ?? null,
      on: shanghaiDay(a.at),
    });
  }
  return out;
}

/** Wrong answers for one case number within an hour after which its tail no longer opens it, only its code. */
export const TAIL_FAILURES_ALLOWED = 5;
export const LOOKUP_WINDOW_MS = 3600_000;

/** What the lookup is asked with: the number, and the lookup code or the ID tail (or both). */
export interface ProgressQuestion {
  number: string;
  tail?: string | undefined;
  code?: string | undefined;
}

/**
 * Public progress lookup, without log-in: the case number and the receipt's lookup code (查询码),
 * or the last six characters of the applicant's ID number or credit code. Every lookup of a number
 * counts as a failure first, in one atomic statement (platform/attempts), and a success forgets
 * them; once five have failed within the hour, the tail no longer opens the case, only the code
 * (50 bits) does (the attempt being made is counted too, so the sixth and later tails are refused). A wrong tail or code, an unknown number and a limited tail give the
 * same answer, after the same work (the count, one read, one decryption, one HMAC), so neither
 * the body nor the time tells them apart. The route is also rate-limited per address. No personal
 * data is returned.
 */
export async function lookupProgress(
  platform: Platform,
  question: ProgressQuestion,
  settings: CaseSettings,
): Promise<z.infer<typeof ProgressView>> {
  const number = question.number.trim();
  const key = `case-progress:${number}`;
  const attempts = await countFailure(platform.db, { key, policy: { windowMs: LOOKUP_WINDOW_MS } });
  const row = await casesDb(platform.db)
    .selectFrom('cases')
    .select(['id', 'state'])
    .where('number', '=', number)
    .executeTakeFirst();
  const state = row ? fromJson<CaseState | null>(row.state, null) : null;
  // An unknown number goes through the same decryption and HMAC as a known one.
  const idEnc = state?.applicant.idEnc ?? decoyCiphertext(platform);
  const caseId = row?.id ?? DECOY_CASE_ID;
  const tailOk = tailMatches(platform, idEnc, question.tail ?? '');
  const codeOk = lookupCodeMatches(platform, caseId, question.code ?? '');
  const tailAllowed = attempts.failures <= TAIL_FAILURES_ALLOWED;
  const found =
    row !== undefined && state !== null && (codeOk || (tailOk && tailAllowed && question.tail !== undefined));
  if (!row || !state || !found) throw new AppError('CASE_LOOKUP_FAILED');
  await clearAttempts(platform.db, key);
  const actions = await casesDb(platform.db)
    .selectFrom('case_actions')
    .select((eb) => [
      'type',
      'at',
      // The receive payload holds (encrypted) personal data: only the step moves' payloads are read.
      eb
        .case()
        .when('type', 'in', [...STEP_MOVES])
        .then(eb.ref('payload'))
        .else(null)
        .end()
        .as('payload'),
    ])
    .where('case_id', '=', row.id)
    .orderBy('seq')
    .execute();
  // The clock as of today: while paused, the due date moves every day (the projection has none).
  const clock = computeClock(state, {
    calendar: await getWorkCalendar(platform.db),
    today: shanghaiDay(nowIso()),
    settings,
  });
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
    promisedDue: clock.promisedDue,
    pause: publicPause(state, clock),
    currentStep: open ? (step?.name ?? null) : null,
    currentStepRole: open ? (step?.role ?? null) : null,
    milestones: milestonesOf(
      state.steps,
      actions.map((a) => ({
        type: a.type,
        at: a.at,
        step: a.payload ? (fromJson<{ step?: number }>(a.payload, {}).step ?? null) : null,
      })),
    ),
  };
}

function tailMatches(platform: Platform, idEnc: string, tail: string): boolean {
  const actual = Buffer.from(platform.cipher.decrypt(idEnc).slice(-6).toUpperCase());
  const given = Buffer.from(tail.trim().toUpperCase());
  return actual.length === given.length && timingSafeEqual(actual, given);
}

const DECOY_CASE_ID = '00000000-0000-7000-8000-000000000000';
const decoys = new WeakMap<Platform, string>();

/** A ciphertext of an ID number no case has, decrypted when the number is unknown (made once per platform). */
function decoyCiphertext(platform: Platform): string {
  let enc = decoys.get(platform);
  if (!enc) {
    enc = platform.cipher.encrypt('000000000000000000');
    decoys.set(platform, enc);
  }
  return enc;
}
