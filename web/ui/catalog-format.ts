/**
 * How the catalogue's numbers read to a person, shared by the portal and the console: time limits
 * (即办, 20个工作日), visits (最多跑一次) and the online-depth summary (全程网办).
 */
import type { DepthSummary, LimitUnit } from '../../contracts/catalog-codes.ts';
import type { MessageKey, Translate } from './i18n/index.tsx';

/** A time limit as people say it: "即办" for 0, "20个工作日", "60个自然日", or "无法定时限". */
export function limitText(t: Translate, limit: { value: number | null; unit: LimitUnit }): string {
  if (limit.value === null) return t('catalog.limit.none');
  if (limit.value === 0) return t('catalog.limit.immediate');
  return t(`catalog.limit.${limit.unit}`, { n: limit.value });
}

/** 零跑动 / 最多跑一次 / 最多跑两次 / 最多跑三次. */
export function visitsText(t: Translate, visits: number): string {
  const n = Math.max(0, Math.min(3, visits)) as 0 | 1 | 2 | 3;
  return t(`catalog.visits.${n}` as MessageKey);
}

/** The depth summary's label (全程网办 …). */
export function depthText(t: Translate, depth: DepthSummary): string {
  return t(`catalog.depth.${depth}`);
}

/** A CSS-friendly tone per depth: the deeper online, the greener. */
export const DEPTH_TONE: Record<DepthSummary, 'green' | 'blue' | 'cyan' | 'grey'> = {
  full_online: 'green',
  online_prereview: 'blue',
  online_submission: 'cyan',
  info_only: 'grey',
};
