/**
 * The demo catalogue of 梨树县, decided once and deterministically: which items each department
 * lists (the real high-frequency items first, then its long-tail families), which are accepted
 * only at a specialist window, which are delegated to townships and villages, and how deep each
 * goes online. No database here: seed.ts binds the specs to the seeded departments.
 */
import type { GrassrootsLevel } from '../../contracts/catalog.ts';
import { DEMO_DEPARTMENTS } from '../org.ts';
import { type DeptKey, type ItemSpec, prng } from './build.ts';
import { specsOf, type TailSpec } from './family.ts';
import { BUILDING_ITEMS } from './real-building.ts';
import { MARKET_ITEMS } from './real-market.ts';
import { OTHER_ITEMS } from './real-other.ts';
import { POLICE_ITEMS } from './real-police.ts';
import { SOCIAL_ITEMS } from './real-social.ts';
import { EXTRA_FAMILIES } from './tail-extra.ts';
import { PEOPLE_FAMILIES } from './tail-people.ts';
import { PUBLIC_FAMILIES } from './tail-public.ts';
import { WORKS_FAMILIES } from './tail-works.ts';

/** The published figures of the demo county (what `catalog stats` prints after `npm start`). */
export const DEMO_CATALOG_TARGETS = { published: 1782, comprehensive: 1688, grassroots: 210 } as const;

/** Items per department, summing to the published target. */
export const DEPARTMENT_QUOTAS: Record<DeptKey, number> = {
  market: 180,
  police: 120,
  hrss: 150,
  medicalInsurance: 60,
  civilAffairs: 90,
  health: 90,
  housing: 80,
  naturalResources: 70,
  transport: 100,
  education: 65,
  tax: 90,
  disabledFederation: 22,
  fireRescue: 13,
  agriculture: 105,
  waterResources: 60,
  ecology: 50,
  culture: 60,
  emergency: 45,
  veterans: 35,
  justice: 30,
  development: 30,
  finance: 25,
  commerce: 30,
  forestry: 45,
  urbanManagement: 40,
  housingFund: 25,
  realEstate: 45,
  govService: 12,
  statistics: 10,
  audit: 5,
};

export const REAL_ITEMS: readonly ItemSpec[] = [
  ...MARKET_ITEMS,
  ...POLICE_ITEMS,
  ...SOCIAL_ITEMS,
  ...BUILDING_ITEMS,
  ...OTHER_ITEMS,
];

/** Takes `need` candidates, one department at a time in turn, so the choice spreads over departments. */
function roundRobin<T extends { dept: DeptKey }>(candidates: readonly T[], need: number): Set<T> {
  const byDept = new Map<DeptKey, T[]>();
  for (const c of candidates) byDept.set(c.dept, [...(byDept.get(c.dept) ?? []), c]);
  const picked = new Set<T>();
  for (let round = 0; picked.size < need; round++) {
    let any = false;
    for (const list of byDept.values()) {
      const c = list[round];
      if (c && picked.size < need) {
        picked.add(c);
        any = true;
      }
    }
    if (!any) throw new Error(`demo catalogue: only ${picked.size} candidates, ${need} needed`);
  }
  return picked;
}

/** The long tail of each department up to its quota, skipping names already taken. */
function chooseTail(): TailSpec[] {
  const taken = new Set(REAL_ITEMS.map((s) => s.name));
  const tails = [...PEOPLE_FAMILIES, ...WORKS_FAMILIES, ...PUBLIC_FAMILIES, ...EXTRA_FAMILIES].flatMap(
    specsOf,
  );
  const chosen: TailSpec[] = [];
  for (const [dept] of DEMO_DEPARTMENTS) {
    let count = REAL_ITEMS.filter((s) => s.dept === dept).length;
    for (const t of tails) {
      if (t.dept !== dept || taken.has(t.name) || count >= DEPARTMENT_QUOTAS[dept]) continue;
      taken.add(t.name);
      chosen.push(t);
      count++;
    }
    if (count !== DEPARTMENT_QUOTAS[dept]) {
      throw new Error(`demo catalogue: ${dept} has ${count} items, quota ${DEPARTMENT_QUOTAS[dept]}`);
    }
  }
  return chosen;
}

let memo: ItemSpec[] | null = null;

/**
 * Every item of the demo catalogue, in a stable order (department order, real items first). The
 * result is computed once per process: every test suite seeds the same catalogue.
 */
export function demoItemSpecs(): ItemSpec[] {
  if (memo) return memo;
  const tail = chooseTail();
  const realSpecialist = REAL_ITEMS.filter((s) => s.comprehensive === false).length;
  const realGrassroots = REAL_ITEMS.filter((s) => (s.grassroots ?? []).length > 0).length;
  const specialist = roundRobin(
    tail.filter((t) => t.specialistCandidate),
    DEMO_CATALOG_TARGETS.published - DEMO_CATALOG_TARGETS.comprehensive - realSpecialist,
  );
  const grassroots = roundRobin(
    tail.filter((t) => t.grassrootsCandidate.length > 0),
    DEMO_CATALOG_TARGETS.grassroots - realGrassroots,
  );
  const random = prng(220322);
  const tailSpecs = tail.map((t): ItemSpec => {
    const r = random();
    const depth = t.depthFixed
      ? t.depth
      : r < 0.5
        ? 'full_online'
        : r < 0.8
          ? 'online_prereview'
          : r < 0.93
            ? 'online_submission'
            : 'info_only';
    const levels: GrassrootsLevel[] = grassroots.has(t) ? t.grassrootsCandidate : [];
    const { depthFixed, specialistCandidate, grassrootsCandidate, ...spec } = t;
    return {
      ...spec,
      depth,
      comprehensive: !specialist.has(t),
      grassroots: levels,
      visits: random() < 0.8 ? 1 : 2,
    };
  });
  const order = new Map(DEMO_DEPARTMENTS.map(([key], i) => [key as DeptKey, i]));
  memo = [...REAL_ITEMS, ...tailSpecs].sort((a, b) => (order.get(a.dept) ?? 0) - (order.get(b.dept) ?? 0));
  return memo;
}
