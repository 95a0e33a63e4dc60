import { applicantFormValues } from '../contracts/applicant-form.ts';
import type { IntakeInput } from '../contracts/cases.ts';
import type { CatalogItemDocument } from '../contracts/catalog.ts';
import { creditCodeCheckChar, idNumberCheckChar } from '../contracts/identifiers.ts';
import { shanghaiDay } from '../contracts/shanghai-date.ts';
import {
  applyToCase,
  type CaseCommand,
  type CaseWritten,
  caseWork,
  DEFAULT_CASE_SETTINGS,
  receiveWith,
  recomputeWarnings,
  resolveProcess,
  scheduleWarningJob,
} from '../server/modules/cases/index.ts';
import { applicableFor, getPublishedVersion, searchItems } from '../server/modules/catalog/index.ts';
import type { Actor } from '../server/platform/access/policy.ts';
import { getWorkCalendar } from '../server/platform/calendar/index.ts';
import type { Platform } from '../server/platform/context.ts';
import type { Tx } from '../server/platform/db/index.ts';
import { nowIso } from '../server/platform/time.ts';
import { prng } from './catalog/build.ts';
import type { DemoOrg } from './org.ts';

/*
 * Demo cases of 2026, deterministic for a given day: a few hundred applications received at the
 * county centre's comprehensive and specialist windows and at township and village points, each
 * played forward action by action through the real use cases (as the demo staff, on their dates)
 * until its planned end or today, whichever comes first. Old cases end delivered, refused,
 * withdrawn or voided; recent ones wait at every step, some late (yellow, red).
 */

type Plan =
  | 'deliver'
  | 'deny'
  | 'refuse'
  | 'correct'
  | 'withdraw'
  | 'void'
  | 'special'
  | 'extend'
  | 'receive'
  | 'holdCorrection'
  | 'holdSpecial'
  | 'holdDecided'
  | 'holdIntakeCorrection';
const PLANS: [Plan, number][] = [
  ['deliver', 44],
  ['deny', 5],
  ['refuse', 5],
  ['correct', 8],
  ['withdraw', 3],
  ['void', 2],
  ['special', 8],
  ['extend', 5],
  ['receive', 2],
  ['holdIntakeCorrection', 2],
  ['holdCorrection', 5],
  ['holdSpecial', 5],
  ['holdDecided', 4],
];
/** Who works each department's steps in the demo: 市场监管 has all three roles, 公安 and 人社 a handler. */
const HANDLERS: Record<string, string> = {
  '220322D01': 'scjg_handler',
  '220322D02': 'gaj_handler',
  '220322D03': 'rsj_handler',
};
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '秀英',
  '桂兰',
  '建国',
  '志强',
  '海燕',
  '丽娟',
  '春生',
  '淑华',
  '宏伟',
  '玉梅',
  '国庆',
  '晓东',
  '凤霞',
  '永刚',
  '雅琴',
  '文静',
  '立军',
  '红梅',
  '德明',
  '金凤',
];

interface Pools {
  county: string[];
  township: string[];
  village: string[];
  police: string[];
  hrss: string[];
}

/** Department code of each pooled item (to know who handles it). */
const itemDepartment = new Map<string, string>();

/** Published demo items by where they can be applied for (through the catalogue's own search). */
async function itemPools(platform: Platform, trx: Tx, org: DemoOrg): Promise<Pools> {
  const ids = async (
    code: string,
    filter: { grassroots?: 'township' | 'village'; comprehensive?: boolean },
  ) => {
    const department = org.unitIds[code];
    if (!department) return [];
    const found = await searchItems(trx, platform.dialect, {
      search: { department, grassroots: filter.grassroots, page: 1, pageSize: 100 },
      audience: { kind: 'public' },
    });
    const rows = found.rows.filter(
      (r) => r.promised_value > 0 && (!filter.comprehensive || r.comprehensive === 1),
    );
    for (const r of rows) itemDepartment.set(r.id, code);
    return rows.map((r) => r.id);
  };
  return {
    county: await ids('220322D01', { comprehensive: true }),
    township: await ids('220322D01', { grassroots: 'township' }),
    village: await ids('220322D03', { grassroots: 'village' }),
    police: await ids('220322D02', {}),
    hrss: await ids('220322D03', {}),
  };
}

/** Seeds the demo cases inside the seed's transaction; `count` applications (300 by default). */
export async function seedDemoCases(
  platform: Platform,
  trx: Tx,
  options: { org: DemoOrg; count?: number },
): Promise<{ cases: number }> {
  const { org } = options;
  const rand = prng(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const settings = DEFAULT_CASE_SETTINGS;
  const calendar = await getWorkCalendar(trx);
  const today = shanghaiDay(nowIso());
  const days: string[] = [];
  for (
    let d = new Date('2026-01-05T00:00:00Z');
    d.toISOString().slice(0, 10) < today;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    if (calendar.isWorkday(date)) days.push(date);
  }
  if (days.length === 0) return { cases: 0 };
  const actors = new Map<string, Actor>();
  for (const username of [
    'clerk',
    'delivery',
    'lishuzhen',
    'guojiadian',
    'village',
    'scjg_handler',
    'scjg_reviewer',
    'scjg_approver',
    'gaj_handler',
    'rsj_handler',
    'supervisor',
  ]) {
    const account = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    const actor = account ? await platform.loadActor(trx, account.id) : null;
    if (actor) actors.set(username, actor);
  }
  const as = (name: string) => actors.get(name) as Actor;
  const pools = await itemPools(platform, trx, org);
  const docs = new Map<string, CatalogItemDocument>();
  const docOf = async (itemId: string) => {
    const cached = docs.get(itemId);
    if (cached) return cached;
    const doc = (await getPublishedVersion(trx, itemId))?.document;
    if (doc) docs.set(itemId, doc);
    return doc;
  };

  const count = options.count ?? 300;
  let made = 0;
  for (let i = 0; i < count; i++) {
    const where = rand();
    const point = pick(['lishuzhen', 'guojiadian', 'village']);
    const [pool, clerk, windowId]: [string[], string, string | undefined] =
      where < 0.6
        ? [pools.county, 'clerk', org.windowIds[`220322C00/A0${1 + Math.floor(rand() * 8)}`]]
        : where < 0.8
          ? [point === 'village' ? pools.village : pools.township, point, undefined]
          : where < 0.9
            ? [pools.police, 'clerk', org.windowIds['220322C00/B01']]
            : [pools.hrss, 'clerk', org.windowIds['220322C00/B05']];
    if (pool.length === 0 || !actors.has(clerk)) continue;
    const itemId = pick(pool);
    const doc = await docOf(itemId);
    if (!doc) continue;
    const spread = Math.floor(rand() ** 0.7 * days.length);
    const recent = days.length - 1 - Math.floor(rand() * Math.min(15, days.length));
    const plan = weighted(rand(), PLANS);
    const handler = HANDLERS[itemDepartment.get(itemId) ?? ''] ?? null;
    // Cases meant to wait (and those of departments whose demo staff cannot finish them) are recent:
    // a county does not leave applications waiting for months.
    const waits = plan.startsWith('hold') || plan === 'receive' || handler !== 'scjg_handler';
    const dayIndex = waits ? recent : spread;
    const story = new Story(platform, trx, { days, start: dayIndex, rand });
    const input = intakeOf(doc, { itemId, i, windowId, plan, rand, pick });
    const written = await story.intake(as(clerk), input);
    if (!written) continue;
    made++;
    // Total handling time between 30% and 130% of the promised limit: about one case in four is late.
    const pace = (written.state.item.promised.days * (0.3 + rand())) / 5;
    await playForward(story, written, {
      plan,
      staff: { handler, full: handler === 'scjg_handler', pace },
      as,
      clerk,
    });
  }
  await recomputeWarnings(platform, settings, { today, within: trx });
  await scheduleWarningJob(trx, today);
  return { cases: made };
}

/** One case's dates: each next action a few working days on, never past yesterday. */
class Story {
  private day: number;
  private minute = 0;
  private readonly days: string[];
  private readonly rand: () => number;
  /** `days`: the working days a story may use; `start`: the index of its first; `rand`: the seed's random stream. */
  constructor(
    private readonly platform: Platform,
    private readonly trx: Tx,
    { days, start, rand }: { days: string[]; start: number; rand: () => number },
  ) {
    this.days = days;
    this.rand = rand;
    this.day = start;
  }

  /** The next instant, `gap` working days on (between 09:00 and 17:00 Shanghai), or null past yesterday. */
  private next(gap: number): string | null {
    this.day += gap;
    if (this.day >= this.days.length) return null;
    this.minute =
      gap > 0 || this.minute === 0 ? 1 + Math.floor(this.rand() * 300) : Math.min(this.minute + 5, 479);
    const hh = String(1 + Math.floor(this.minute / 60)).padStart(2, '0');
    const mm = String(this.minute % 60).padStart(2, '0');
    return `${this.days[this.day]}T${hh}:${mm}:00.000Z`;
  }

  async intake(actor: Actor, input: IntakeInput): Promise<CaseWritten | null> {
    const at = this.next(0);
    if (!at) return null;
    return receiveWith(
      await caseWork(this.platform, this.trx, { actor, settings: DEFAULT_CASE_SETTINGS, now: at }),
      input,
    );
  }

  /** Applies a command `gap` working days on; null when that day has not come yet. */
  async act(
    written: CaseWritten,
    { gap, actor, command }: { gap: number; actor: Actor; command: CaseCommand },
  ): Promise<CaseWritten | null> {
    const at = this.next(gap);
    if (!at) return null;
    const work = await caseWork(this.platform, this.trx, { actor, settings: DEFAULT_CASE_SETTINGS, now: at });
    if (command.type === 'accept') {
      const s = written.state;
      const steps = await resolveProcess(this.trx, {
        id: s.item.id,
        departmentId: s.item.departmentId,
        promisedDays: s.item.promised.days,
      });
      return applyToCase(work, { caseId: s.id, version: s.version, commands: [{ type: 'accept', steps }] });
    }
    return applyToCase(work, {
      caseId: written.state.id,
      version: written.state.version,
      commands: [command],
    });
  }
}

/** Plays a case forward along its plan until the plan ends or its next date has not come. */
async function playForward(
  story: Story,
  first: CaseWritten,
  {
    plan,
    staff,
    as,
    clerk,
  }: {
    plan: Plan;
    staff: { handler: string | null; full: boolean; pace: number };
    /** The actor of a demo log-in. */
    as: (name: string) => Actor;
    /** The log-in who took the case in. */
    clerk: string;
  },
): Promise<void> {
  let w: CaseWritten | null = first;
  const step = async (gap: number, actor: string, command: CaseCommand) => {
    if (w) w = await story.act(w, { gap: Math.round(gap), actor: as(actor), command });
    return w !== null;
  };
  const p = staff.pace;
  if (plan === 'receive' || plan === 'refuse' || plan === 'holdIntakeCorrection') return;
  if (plan === 'correct') {
    const supplied = first.state.materials.map((m) => ({
      materialId: m.materialId,
      form: 'original' as const,
    }));
    if (!(await step(3, clerk, { type: 'resubmit', materials: supplied }))) return;
    if (!(await step(1, clerk, { type: 'accept', steps: [] }))) return;
  }
  if (plan === 'withdraw') {
    await step(2, clerk, { type: 'withdraw', reason: '申请人书面申请撤回' });
    return;
  }
  if (plan === 'void') {
    await step(1, 'supervisor', { type: 'void', reason: '重复录入，经核实作废' });
    return;
  }
  const handler = staff.handler;
  if (!handler || !(await step(p, handler, { type: 'claim' }))) return;
  if (plan === 'holdCorrection') {
    await step(p, handler, {
      type: 'requestCorrection',
      items: [{ name: '经营场所证明', problem: '地址与申请书不一致，请补正' }],
    });
    return;
  }
  if (plan === 'special' || plan === 'holdSpecial') {
    const start = {
      type: 'startSpecial' as const,
      kind: 'inspection' as const,
      reason: '依法需现场核查',
      expectedEnd: '2026-12-31',
    };
    if (!(await step(p, handler, start))) return;
    if (plan === 'holdSpecial') return;
    if (!(await step(4, handler, { type: 'endSpecial', result: '现场核查合格' }))) return;
  }
  if (!staff.full) return;
  if (!(await step(p * 1.5, handler, { type: 'pass', opinion: '经审查，申请材料齐全，符合法定条件' })))
    return;
  if (
    plan === 'extend' &&
    !(await step(1, 'scjg_approver', { type: 'extend', days: 5, reason: '需补充核查，经负责人批准延长' }))
  )
    return;
  if (!(await step(p * 1.5, 'scjg_reviewer', { type: 'pass', opinion: '审核同意' }))) return;
  const deny = plan === 'deny';
  const decision: CaseCommand = deny
    ? {
        type: 'decide',
        outcome: 'deny',
        opinion: '不予许可',
        reasons: '经营场所不符合要求',
        legalBasis: '《中华人民共和国行政许可法》第三十八条第二款',
      }
    : { type: 'decide', outcome: 'grant', opinion: '准予许可' };
  if (!(await step(p, 'scjg_approver', decision))) return;
  if (plan === 'holdDecided') return;
  const result = deny ? '不予行政许可决定书' : `${first.state.item.name.replace(/（.*）$/, '')}结果`;
  if (
    !(await step(0, 'scjg_handler', {
      type: 'conclude',
      documentName: result,
      documentNumber: `LS${first.state.number.slice(-9)}`,
    }))
  )
    return;
  const level = first.state.intake.level;
  const pickup = level === 'county' ? 'delivery' : clerk;
  await step(2, pickup, {
    type: 'deliver',
    method: level === 'village' ? 'mail' : 'window',
    trackingNumber: level === 'village' ? `EMS${first.state.number.slice(-7)}` : null,
  });
}

/** The intake request of a demo application: applicant, form, situations and a full checklist. */
function intakeOf(
  doc: CatalogItemDocument,
  {
    itemId,
    i,
    windowId,
    plan,
    rand,
    pick,
  }: {
    itemId: string;
    /** The application's sequence number in the seed. */
    i: number;
    windowId: string | undefined;
    plan: Plan;
    rand: () => number;
    pick: <T>(l: readonly T[]) => T;
  },
): IntakeInput {
  const first17 = `220322${1950 + Math.floor(rand() * 50)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const idNumber = `${first17}${idNumberCheckChar(first17)}`;
  const phone = `139${String(43400000 + i * 7).padStart(8, '0')}`;
  const enterprise = doc.serviceObjects.includes('2') && !doc.serviceObjects.includes('1');
  const creditBody = `91220322MA${String(1000000 + i).slice(-7)}`;
  // From the case number, not the random stream: the rest of the demo stays as it was.
  const address = `吉林省四平市梨树县梨树镇${STREETS[i % STREETS.length]}${(i % 97) + 1}号`;
  const applicant: IntakeInput['applicant'] = enterprise
    ? {
        kind: 'enterprise',
        name: `梨树县${pick(['丰收', '兴隆', '鑫源', '宏达', '金穗'])}${pick(['商贸', '农业', '建材', '餐饮'])}有限公司`,
        creditCode: `${creditBody}${creditCodeCheckChar(creditBody)}`,
        legalRepresentative: `${pick([...SURNAMES])}${pick(GIVEN)}`,
        phone,
        address,
      }
    : { kind: 'person', name: `${pick([...SURNAMES])}${pick(GIVEN)}`, idNumber, phone, address };
  const situations = Object.fromEntries(doc.situations.map((s) => [s.id, s.answers[0]?.id ?? '']));
  // The applicant's own fields as the window intake fills them (by key), the others by kind.
  const own = applicantFormValues(doc.formFields, applicant);
  const form = Object.fromEntries(
    doc.formFields
      .filter((f) => f.required)
      .map((f) => [f.key, own[f.key] ?? fieldValue(f, idNumber, applicant)]),
  );
  const missing = plan === 'correct' || plan === 'holdIntakeCorrection';
  const applicable = new Set(
    applicableFor(doc, Object.fromEntries(Object.entries(situations).map(([q, a]) => [q, [a]]))).materialIds,
  );
  const materials = doc.materials
    .filter((m) => applicable.has(m.id))
    .map((m, k) => ({
      materialId: m.id,
      form: missing && k === 0 && m.required ? ('missing' as const) : ('original' as const),
      copies: 1,
    }));
  const decision =
    plan === 'refuse' ? 'refuse' : plan === 'receive' ? 'receive' : missing ? 'correct' : 'accept';
  return {
    itemId,
    windowId,
    applicant,
    form,
    situations,
    materials,
    decision,
    refusal:
      plan === 'refuse'
        ? { reason: '申请事项依法不属于本机关职权范围', competentBody: '四平市市场监督管理局' }
        : undefined,
  };
}

/** Streets of 梨树镇 for the demo applicants' addresses. */
const STREETS = ['霍家店街', '站前街', '梨树大街', '兴华路', '北老壕路', '奎星街'] as const;

/** Plain values of the form fields that do not ask for the applicant's own data. */
const DEMO_TEXT: Record<string, string> = {
  businessScope: '日用百货零售',
  mainBusiness: '农副产品购销',
  tradeName: '梨树县丰收便民超市',
};

/** A value of a field the applicant section does not fill, by its kind. */
function fieldValue(
  f: CatalogItemDocument['formFields'][number],
  idNumber: string,
  applicant: IntakeInput['applicant'],
) {
  switch (f.kind) {
    case 'number':
      return 1;
    case 'date':
      return '2026-01-01';
    case 'choice':
      return f.options[0] ?? '';
    case 'id_number':
      return idNumber;
    case 'credit_code':
      return applicant.kind === 'enterprise'
        ? applicant.creditCode
        : `91220322MA0000001${creditCodeCheckChar('91220322MA0000001')}`;
    case 'address':
      return applicant.address ?? '吉林省四平市梨树县梨树镇';
    default:
      // Never the applicant's name: a field nobody mapped says what it is (a phone field
      // gets the phone even under an unknown key).
      return /电话|手机/.test(f.label) ? applicant.phone : (DEMO_TEXT[f.key] ?? `${f.label}（演示）`);
  }
}

function weighted<T>(r: number, table: readonly [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[0]?.[0] as T;
}
