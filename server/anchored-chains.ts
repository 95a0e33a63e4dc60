import { caseActionChain } from './modules/cases/index.ts';
import type { AnchoredChain } from './platform/audit/index.ts';

/**
 * Every append-only chain family kept beside the audit log, anchored in each signed checkpoint and
 * checked by verify-audit. A module with its own hash chain adds it here.
 */
export const anchoredChains: readonly AnchoredChain[] = [caseActionChain];
