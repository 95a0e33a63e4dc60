import type { Role } from '../../../../contracts/access.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { WorkCalendar } from '../../../platform/calendar/work-calendar.ts';
import { chineseDaysYear } from '../../../platform/db/migrations/0002_calendar_seed.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { type CaseCommand, decide } from '../domain/decide.ts';
import type { ActorStamp, CaseAction, CaseState, MaterialRecord, ReceivePayload } from '../domain/model.ts';
import { evolve, startState } from '../domain/workflow.ts';

/**
 * Fixtures for the pure tests of the case domain: the real 2025–2026 working-day calendar (from
 * chinese-days, as the platform seeds it), a sample case, and a runner that decides and folds
 * commands at given Shanghai dates.
 */

let cached: WorkCalendar | null = null;

/** The working-day calendar of 2025 and 2026; 2027 is not published (as on the real platform). */
export function testCalendar(): WorkCalendar {
  cached ??= new WorkCalendar([...chineseDaysYear(2025), ...chineseDaysYear(2026)]);
  return cached;
}

export const COUNTY = '/county/';
export const MARKET = '/county/market/';
export const POLICE = '/county/police/';
export const CENTRE = '/county/gov/centre/';
export const LISHUZHEN = '/county/lsz/';
export const LISHUZHEN_CENTRE = '/county/lsz/lszc/';
export const GUOJIADIAN = '/county/gjd/';

/** An actor with grants given as [role, scope path]. */
export function actorWith(id: string, grants: readonly (readonly [Role, string])[]): Actor {
  return {
    accountId: id,
    kind: 'staff',
    staffId: `staff-${id}`,
    username: id,
    name: `姓名${id}`,
    orgUnitId: null,
    mustChangePassword: false,
    grants: grants.map(([role, scopePath]) => ({
      role,
      scopeOrgUnitId: scopePath,
      scopePath,
      scopeName: scopePath,
    })),
  };
}

export function stampOf(actor: Actor): ActorStamp {
  return { accountId: actor.accountId, name: actor.name, orgUnitId: actor.orgUnitId };
}

export function material(id: string, over: Partial<MaterialRecord> = {}): MaterialRecord {
  return {
    materialId: id,
    name: `材料${id}`,
    required: true,
    deferrable: false,
    form: 'original',
    copies: 1,
    note: null,
    deferredUntil: null,
    suppliedAt: null,
    ...over,
  };
}

export function receivePayload(over: Partial<ReceivePayload> = {}): ReceivePayload {
  return {
    number: '220322-2026-0000001',
    channel: 'window',
    parentId: null,
    item: {
      id: 'item-1',
      versionId: 'item-1-v1',
      code: '11220322MB0000001',
      name: '食品经营许可',
      departmentId: 'market',
      departmentPath: MARKET,
      departmentName: '市场监督管理局',
      promised: { days: 10, unit: 'working_day' },
      legal: { days: 20, unit: 'working_day' },
      joint: false,
    },
    intake: {
      unitId: 'centre',
      unitPath: CENTRE,
      unitName: '县政务服务中心',
      level: 'county',
      windowId: 'w-a01',
      windowNumber: 'A01',
      windowName: '综合受理窗口',
      servicePointId: null,
      servicePointName: null,
    },
    applicant: {
      kind: 'person',
      name: '张三',
      idMasked: '2203**********0012',
      idEnc: 'sm4:00:00',
      idDigest: 'digest',
      phoneMasked: '139****0000',
      phoneEnc: 'sm4:00:01',
      legalRepresentative: null,
      addressEnc: null,
    },
    agent: null,
    form: {},
    formSecrets: {},
    situations: {},
    materials: [material('m1'), material('m2', { required: false, form: 'missing' })],
    ...over,
  };
}

export const PROCESS = [
  {
    key: 'handle',
    name: '承办',
    role: 'dept_handler',
    departmentId: 'market',
    departmentPath: MARKET,
    departmentName: '市场监督管理局',
    budgetDays: 5,
  },
  {
    key: 'review',
    name: '审核',
    role: 'dept_reviewer',
    departmentId: 'market',
    departmentPath: MARKET,
    departmentName: '市场监督管理局',
    budgetDays: 3,
  },
  {
    key: 'approve',
    name: '批准',
    role: 'dept_approver',
    departmentId: 'market',
    departmentPath: MARKET,
    departmentName: '市场监督管理局',
    budgetDays: 2,
  },
] as const satisfies CaseState['steps'];

/** Noon in Shanghai of a date, as a UTC instant: business dates of actions are then unambiguous. */
export function noonOf(date: string): string {
  return `${date}T04:00:00.000Z`;
}

/** A case built up by deciding and folding commands, each at a Shanghai date, as a given actor. */
export class CaseRun {
  state: CaseState;
  readonly log: CaseAction[] = [];
  readonly calendar = testCalendar();

  constructor(on: string, payload: ReceivePayload = receivePayload(), actor: ActorStamp = clerkStamp) {
    const first: CaseAction = { type: 'receive', at: noonOf(on), actor, payload, seq: 1 };
    this.log.push(first);
    this.state = startState('case-1', first);
  }

  /** Decides a command at a date and folds the action in; throws what decide throws. */
  act(on: string, command: CaseCommand, actor: ActorStamp = handlerStamp): this {
    const action = decide(this.state, command, {
      actor,
      now: noonOf(on),
      calendar: this.calendar,
      settings: DEFAULT_CASE_SETTINGS,
    });
    const numbered = { ...action, seq: this.state.version + 1 } as CaseAction;
    this.log.push(numbered);
    this.state = evolve(this.state, numbered);
    return this;
  }
}

export const clerkStamp: ActorStamp = { accountId: 'clerk', name: '李秀梅', orgUnitId: 'centre' };
export const handlerStamp: ActorStamp = { accountId: 'handler', name: '陈志强', orgUnitId: 'market' };
export const reviewerStamp: ActorStamp = { accountId: 'reviewer', name: '杨文静', orgUnitId: 'market' };
export const approverStamp: ActorStamp = { accountId: 'approver', name: '周宏伟', orgUnitId: 'market' };
