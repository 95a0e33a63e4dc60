import { createHash } from 'node:crypto';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { GENESIS_HASH } from '../../../platform/audit/audit.ts';
import type { AnchoredChain, ChainWalk } from '../../../platform/audit/index.ts';
import { sm3 } from '../../../platform/crypto/sm3.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { actionHashText, casesDb } from './store.ts';
import type { CaseActionsTable } from './tables.ts';

const PAGE_SIZE = 2000;

/**
 * The per-case action chains as one anchored family (`case_actions`) of the audit checkpoints.
 * Walks every action in (case, seq) order, a page at a time, checking that each case's seqs run
 * 1, 2, 3, … and each action links to the previous one and matches its own SM3 hash. The anchor
 * covers the actions stamped at or before `before`: per case the last covered seq and its hash,
 * digested with SM3 over `case_id ␟ seq ␟ hash \n` in case-id order, with the counts of cases
 * and actions. A case whose covered actions were truncated, rewritten (even re-hashed) or added
 * later with an earlier time changes the digest.
 */
export const caseActionChain: AnchoredChain = {
  name: 'case_actions',
  walk: walkCaseChains,
};

/** Where the walk is in one case: its last seq and hash, and its last covered action. */
interface CaseCursor {
  id: string;
  seq: number;
  hash: string;
  covered: { seq: number; hash: string } | null;
}

async function walkCaseChains(db: Executor, before: string): Promise<ChainWalk> {
  const digest = createHash('sm3');
  let chains = 0;
  let entries = 0;
  let broken: ChainWalk['broken'] = null;
  let current = null as CaseCursor | null;
  const closeCase = () => {
    if (current?.covered) {
      chains += 1;
      digest.update(`${current.id}\u001f${current.covered.seq}\u001f${current.covered.hash}\n`);
    }
  };
  let after: { id: string; seq: number } | null = null;
  for (;;) {
    let query = casesDb(db).selectFrom('case_actions').selectAll();
    if (after) {
      const { id, seq } = after;
      query = query.where((eb) =>
        eb.or([eb('case_id', '>', id), eb.and([eb('case_id', '=', id), eb('seq', '>', seq)])]),
      );
    }
    const page: CaseActionsTable[] = await query.orderBy('case_id').orderBy('seq').limit(PAGE_SIZE).execute();
    for (const stored of page) {
      const row = { ...stored, seq: Number(stored.seq) };
      if (current?.id !== row.case_id) {
        closeCase();
        current = { id: row.case_id, seq: 0, hash: GENESIS_HASH, covered: null };
      }
      if (!broken && !linksTo(row, current.seq, current.hash)) broken = { id: row.case_id, seq: row.seq };
      if (row.at <= before) {
        entries += 1;
        current.covered = { seq: row.seq, hash: row.hash };
      }
      current.seq = row.seq;
      current.hash = row.hash;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) break;
    after = { id: last.case_id, seq: Number(last.seq) };
    // SQLite queries are synchronous: give the event loop a turn so requests keep being served.
    await setImmediatePromise();
  }
  closeCase();
  return { anchor: { before, chains, entries, digest: digest.digest('hex') }, broken };
}

/** Whether an action follows (prevSeq, prevHash) of its case and matches its own hash. */
function linksTo(row: CaseActionsTable, prevSeq: number, prevHash: string): boolean {
  if (row.seq !== prevSeq + 1 || row.prev_hash !== prevHash) return false;
  const { hash, ...content } = row;
  return sm3(actionHashText(content)) === hash;
}
