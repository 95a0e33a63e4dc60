import type { ChainAnchor } from '../../../contracts/audit.ts';
import type { Executor } from '../db/index.ts';

/**
 * A family of append-only hash chains kept beside the audit log (the cases module's per-case
 * action chains), anchored in every checkpoint. `walk` reads every chain, checks each link and hash,
 * and summarises the entries stamped at or before `before`: the same database gives the same anchor,
 * and truncating, rewriting or back-dating any covered entry changes it. Modules provide these
 * through their descriptor (`anchoredChains`, platform/module.ts); `server/house.ts` collects them.
 */
export interface AnchoredChain {
  /** The name in the checkpoint, e.g. `case_actions`. */
  name: string;
  walk(db: Executor, before: string): Promise<ChainWalk>;
}

export interface ChainWalk {
  anchor: ChainAnchor;
  /** The first chain whose links or hashes do not hold, or null. */
  broken: { id: string; seq: number } | null;
}
