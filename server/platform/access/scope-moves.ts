import type { Executor } from '../db/index.ts';

/**
 * When an org unit moves, the materialised path of its subtree changes from one prefix to another.
 * Every row scoped by such a path must move with it in the same transaction, or a grant over the
 * old place would keep reaching it (and one over the new place would not). The org module owns the
 * move but must not know the modules that depend on it (cases imports org, not the other way), so
 * each module that stores org paths registers a scope mover here once, at start-up
 * (`bootstrap.ts` `openPlatform`), and org runs all of them inside its move transaction.
 */
export interface ScopeMover {
  /** Names the rows moved, in the org.unitMoved audit row (`rescoped.cases`: 12). */
  name: string;
  /**
   * Rewrites every stored path starting with `fromPrefix` to start with `toPrefix` instead, inside
   * the caller's transaction, and returns how many rows it changed.
   */
  move(trx: Executor, fromPrefix: string, toPrefix: string): Promise<number>;
}

const movers = new Map<string, ScopeMover>();

/** Registers a module's scope mover; registering the same name again replaces it (idempotent). */
export function registerScopeMover(mover: ScopeMover): void {
  movers.set(mover.name, mover);
}

/**
 * Runs every registered scope mover, one after another (they share the transaction's connection),
 * and returns how many rows each changed, by name.
 */
export async function runScopeMovers(
  trx: Executor,
  fromPrefix: string,
  toPrefix: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const mover of movers.values()) counts[mover.name] = await mover.move(trx, fromPrefix, toPrefix);
  return counts;
}
