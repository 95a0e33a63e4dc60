import type { Role } from '../contracts/access.ts';
import { creditCodeCheckChar, orgCodeCheckChar } from '../contracts/identifiers.ts';
import {
  insertOrgUnit,
  insertStaff,
  insertWindow,
  type NewOrgUnit,
} from '../server/modules/org/testing/index.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { Platform } from '../server/platform/context.ts';
import { maskPhone } from '../server/platform/crypto/mask.ts';
import type { Tx } from '../server/platform/db/index.ts';
import { DEMO_ACCOUNTS } from './logins.ts';

/*
 * The demo organisation of 梨树县, deterministic (same names, codes and credit codes on every run).
 * Org-unit codes (unique county-wide; other seeds look units up by them):
 *   220322              梨树县人民政府 (the root; its real division code)
 *   220322D01…D30       the county departments, in DEMO_DEPARTMENTS order
 *   220322C00           梨树县政务服务中心 (under the 政务服务和数字化建设管理局, D28)
 *   220322001…024       the 24 townships/streets in DOMAIN.md §8.1 order: demo sequence numbers,
 *                       NOT official statistical codes (those are uncertain, see DOMAIN.md)
 *   220322nnnC          each township's 便民服务中心
 *   220322nnnvvv        pilot villages/communities (12 digits like village codes, also demo numbers)
 *   220322nnnvvvS       each pilot village's 便民服务站
 * Department credit codes: '11' (机关) + '220322' + 8-character org-code body + GB 11714 check +
 * GB 32100 check, so each validates.
 */

export const DEMO_COUNTY_CODE = '220322';
export const DEMO_CENTRE_CODE = '220322C00';

/** The county departments: key (stable, English), full name. Codes are 220322D01… in this order. */
export const DEMO_DEPARTMENTS = [
  ['market', '梨树县市场监督管理局'],
  ['police', '梨树县公安局'],
  ['hrss', '梨树县人力资源和社会保障局'],
  ['medicalInsurance', '梨树县医疗保障局'],
  ['civilAffairs', '梨树县民政局'],
  ['health', '梨树县卫生健康局'],
  ['housing', '梨树县住房和城乡建设局'],
  ['naturalResources', '梨树县自然资源局'],
  ['transport', '梨树县交通运输局'],
  ['education', '梨树县教育局'],
  ['tax', '国家税务总局梨树县税务局'],
  ['disabledFederation', '梨树县残疾人联合会'],
  ['fireRescue', '梨树县消防救援大队'],
  ['agriculture', '梨树县农业农村局'],
  ['waterResources', '梨树县水利局'],
  ['ecology', '四平市生态环境局梨树县分局'],
  ['culture', '梨树县文化广播电视和旅游局'],
  ['emergency', '梨树县应急管理局'],
  ['veterans', '梨树县退役军人事务局'],
  ['justice', '梨树县司法局'],
  ['development', '梨树县发展和改革局'],
  ['finance', '梨树县财政局'],
  ['commerce', '梨树县商务局'],
  ['forestry', '梨树县林业局'],
  ['urbanManagement', '梨树县城市管理执法局'],
  ['housingFund', '四平市住房公积金管理中心梨树县管理部'],
  ['realEstate', '梨树县不动产登记中心'],
  ['govService', '梨树县政务服务和数字化建设管理局'],
  ['statistics', '梨树县统计局'],
  ['audit', '梨树县审计局'],
] as const;
export type DemoDepartmentKey = (typeof DEMO_DEPARTMENTS)[number][0];

/** The org-unit code of a demo department. */
export function demoDepartmentCode(key: DemoDepartmentKey): string {
  const i = DEMO_DEPARTMENTS.findIndex(([k]) => k === key);
  return `${DEMO_COUNTY_CODE}D${String(i + 1).padStart(2, '0')}`;
}

/** A valid, deterministic unified social credit code for the i-th (1-based) department. */
export function demoCreditCode(i: number): string {
  const body = `0${1_301_000 + i * 37}`; // 8 characters of org-code body
  const first17 = `11${DEMO_COUNTY_CODE}${body}${orgCodeCheckChar(body)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** The 24 townships and streets, in DOMAIN.md §8.1 order; codes 220322001…220322024. */
// biome-ignore format: eight names a line read better than 24 lines
export const DEMO_TOWNSHIPS = [
  '富强街道', '康平街道', '霍家店街道', '梨树镇', '郭家店镇', '榆树台镇', '孤家子镇', '小城子镇',
  '喇嘛甸镇', '蔡家镇', '刘家馆子镇', '十家堡镇', '孟家岭镇', '万发镇', '东河镇', '沈洋镇',
  '林海镇', '小宽镇', '白山乡', '泉眼岭乡', '胜利乡', '四棵树乡', '双河乡', '金山乡',
] as const;
export type DemoTownship = (typeof DEMO_TOWNSHIPS)[number];

/** The org-unit code of a township (its 1-based position, after the county code). */
export function demoTownshipCode(name: DemoTownship): string {
  return `${DEMO_COUNTY_CODE}${String(DEMO_TOWNSHIPS.indexOf(name) + 1).padStart(3, '0')}`;
}

/** The 7 pilot villages/communities with a 便民服务站 (sample villages of DOMAIN.md §8.1). */
export const DEMO_PILOT_VILLAGES: readonly { township: DemoTownship; name: string }[] = [
  { township: '梨树镇', name: '南杏山村' },
  { township: '梨树镇', name: '大烟筒村' },
  { township: '郭家店镇', name: '站北社区' },
  { township: '富强街道', name: '树文社区' },
  { township: '霍家店街道', name: '霍家店村' },
  { township: '榆树台镇', name: '光明社区' },
  { township: '孤家子镇', name: '兴隆社区' },
];

/** The org-unit code of a pilot village: the township code and its place among the pilots there. */
export function demoVillageCode(name: string): string {
  const v = DEMO_PILOT_VILLAGES.find((x) => x.name === name);
  if (!v) throw new Error(`not a demo pilot village: ${name}`);
  const n = DEMO_PILOT_VILLAGES.filter((x) => x.township === v.township).indexOf(v) + 1;
  return `${demoTownshipCode(v.township)}${String(n).padStart(3, '0')}`;
}

/** Windows of the county centre: number, name, kind, and the department of a specialist window. */
type WindowSpec<D> = readonly [number: string, name: string, kind: string, department: D | null];
const COUNTY_WINDOWS: readonly WindowSpec<DemoDepartmentKey>[] = [
  ...Array.from(
    { length: 8 },
    (_, i): WindowSpec<DemoDepartmentKey> => [`A0${i + 1}`, '综合受理窗口', 'comprehensive', null],
  ),
  ['B01', '公安户政窗口', 'specialist', 'police'],
  ['B02', '不动产登记窗口', 'specialist', 'realEstate'],
  ['B03', '税务窗口', 'specialist', 'tax'],
  ['B04', '住房公积金窗口', 'specialist', 'housingFund'],
  ['B05', '社保医保窗口', 'specialist', 'hrss'],
  ['C01', '统一出件窗口', 'delivery', null],
  ['D01', '高效办成一件事窗口', 'bundle', null],
];

/** What the seed made: ids by org-unit code, and window ids by `<centre code>/<window number>`. */
export interface DemoOrg {
  unitIds: Record<string, string>;
  windowIds: Record<string, string>;
}

/** Seeds the demo organisation of 梨树县 and its demo accounts, inside the caller's transaction. */
export async function seedDemoOrg(platform: Platform, trx: Tx): Promise<DemoOrg> {
  const unitIds: Record<string, string> = {};
  const windowIds: Record<string, string> = {};
  const paths: Record<string, string> = {};
  let sort = 0;
  const unit = async (parentCode: string | null, u: Omit<NewOrgUnit, 'parentId'>) => {
    const row = await insertOrgUnit(trx, {
      ...u,
      parentId: parentCode ? (unitIds[parentCode] ?? null) : null,
      parentPath: parentCode ? paths[parentCode] : undefined,
      sort: sort++,
    });
    unitIds[row.code] = row.id;
    paths[row.code] = row.path;
    return row;
  };
  const windows = async (centreCode: string, list: readonly WindowSpec<string>[]) => {
    for (const [number, name, kind, departmentId] of list) {
      const w = await insertWindow(trx, {
        serviceCentreId: unitIds[centreCode] ?? '',
        number,
        name,
        kind,
        departmentId,
      });
      windowIds[`${centreCode}/${number}`] = w.id;
    }
  };

  await unit(null, {
    code: DEMO_COUNTY_CODE,
    name: '梨树县人民政府',
    kind: 'government',
    divisionCode: DEMO_COUNTY_CODE,
    address: '吉林省四平市梨树县梨树镇向阳街2号',
    phone: '0434-5222001',
  });
  for (const [i, [key, name]] of DEMO_DEPARTMENTS.entries()) {
    await unit(DEMO_COUNTY_CODE, {
      code: demoDepartmentCode(key),
      name,
      kind: 'department',
      creditCode: demoCreditCode(i + 1),
      phone: `0434-52${String(23000 + i * 11).padStart(5, '0')}`,
    });
  }

  await unit(demoDepartmentCode('govService'), {
    code: DEMO_CENTRE_CODE,
    name: '梨树县政务服务中心',
    kind: 'service_centre',
    address: '吉林省四平市梨树县梨树镇政务服务中心',
    phone: '0434-12345',
  });
  await windows(
    DEMO_CENTRE_CODE,
    COUNTY_WINDOWS.map(([n, name, kind, dept]) => [
      n,
      name,
      kind,
      dept ? (unitIds[demoDepartmentCode(dept)] ?? null) : null,
    ]),
  );

  for (const name of DEMO_TOWNSHIPS) {
    const code = demoTownshipCode(name);
    await unit(DEMO_COUNTY_CODE, { code, name, kind: 'township', divisionCode: code });
    await unit(code, { code: `${code}C`, name: `${name}便民服务中心`, kind: 'service_centre' });
    await windows(`${code}C`, [
      ['A01', '综合受理窗口', 'comprehensive', null],
      ['A02', '综合受理窗口', 'comprehensive', null],
    ]);
  }
  for (const v of DEMO_PILOT_VILLAGES) {
    const code = demoVillageCode(v.name);
    await unit(demoTownshipCode(v.township), { code, name: v.name, kind: 'village', divisionCode: code });
    await unit(code, { code: `${code}S`, name: `${v.name}便民服务站`, kind: 'service_station' });
    await windows(`${code}S`, [['A01', '便民代办窗口', 'comprehensive', null]]);
  }

  // argon2 is slow by design: one hash serves every demo account.
  const passwordHash = await hashPassword(platform.config.demoPassword);
  for (const a of DEMO_ACCOUNTS) {
    const id = (code: string) => {
      const found = unitIds[code];
      if (!found) throw new Error(`demo account ${a.username}: no unit ${code}`);
      return found;
    };
    await insertStaff(trx, {
      username: a.username,
      passwordHash,
      name: a.name,
      title: a.title,
      orgUnitId: id(a.orgUnit),
      windowId: a.window ? (windowIds[a.window] ?? null) : null,
      phoneEnc: platform.cipher.encrypt(a.phone),
      phoneMasked: maskPhone(a.phone),
      roles: a.roles.map(([role, scope]: readonly [Role, string]) => ({ role, scopeOrgUnitId: id(scope) })),
    });
  }
  return { unitIds, windowIds };
}
